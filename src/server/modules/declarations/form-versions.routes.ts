import { Type } from 'typebox';
import {
  FormInForce,
  FormVersionHistory,
  PublishedVersion,
} from '../../../shared/declarations/declaration-responses';
import { actorOf } from '../../http/access';
import { Id, Strict } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';

export function formVersionsRoutes(app: AppInstance, { formVersions }: Services) {
  app.get(
    '/api/form-versions',
    {
      config: { access: 'rules.write' },
      schema: { response: { 200: FormVersionHistory }, tags: ['declarations'] },
    },
    async (request) => formVersions.history(actorOf(request)),
  );

  app.post(
    '/api/form-versions',
    {
      config: { access: 'rules.write' },
      // The questions' own shape is checked by validateQuestions (shared with the editor), in Chinese.
      schema: {
        response: { 201: PublishedVersion },
        tags: ['declarations'],
        body: Strict({ questions: Type.Array(Type.Unknown(), { maxItems: 30 }) }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ version: await formVersions.publish(actorOf(request), request.body.questions) }),
  );

  app.get(
    '/api/form-versions/in-force',
    {
      config: { access: 'declarations.read' },
      schema: {
        response: { 200: FormInForce },
        tags: ['declarations'],
        querystring: Strict({ communityId: Id }),
      },
    },
    async (request) => formVersions.inForceFor(actorOf(request), request.query.communityId),
  );
}
