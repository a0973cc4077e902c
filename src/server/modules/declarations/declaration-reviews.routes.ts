import { Type } from 'typebox';
import { PERSON_STATUSES } from '../../../shared/declarations';
import {
  PendingReviews,
  ReviewConfirmed,
  ReviewRejected,
} from '../../../shared/declarations/declaration-responses';
import { actorOf } from '../../http/access';
import { Id, IdParams, Page, Strict, Text } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';

const Status = Type.Union(PERSON_STATUSES.map((s) => Type.Literal(s)));

/** The review queue of residents' own declarations: the community's staff only (`declarations.review`). */
export function declarationReviewsRoutes(app: AppInstance, { declarationReviews }: Services) {
  app.get(
    '/api/declaration-reviews',
    {
      config: { access: 'declarations.review' },
      schema: {
        response: { 200: PendingReviews },
        tags: ['declarations'],
        querystring: Strict({ communityId: Type.Optional(Id), ...Page }),
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, communityId } = request.query;
      return declarationReviews.list(actorOf(request), { communityId, page, pageSize });
    },
  );

  app.post(
    '/api/declaration-reviews/:id/confirm',
    {
      config: { access: 'declarations.review' },
      schema: {
        response: { 200: ReviewConfirmed },
        tags: ['declarations'],
        params: IdParams,
        body: Strict({
          // The status staff saw beside it (null: none); a change since then is answered 409.
          expectedStatus: Type.Optional(Type.Union([Status, Type.Null()])),
          // Take the name the resident typed into the registry (only when it differed).
          correctName: Type.Optional(Type.Boolean()),
        }),
      },
    },
    async (request) => ({
      review: await declarationReviews.confirm(actorOf(request), request.params.id, request.body),
    }),
  );

  app.post(
    '/api/declaration-reviews/:id/reject',
    {
      config: { access: 'declarations.review' },
      schema: {
        response: { 200: ReviewRejected },
        tags: ['declarations'],
        params: IdParams,
        body: Strict({ reason: Text(200, 2) }),
      },
    },
    async (request) => ({
      review: await declarationReviews.reject(
        actorOf(request),
        request.params.id,
        request.body.reason.trim(),
      ),
    }),
  );
}
