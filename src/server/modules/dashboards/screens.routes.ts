import { Type } from 'typebox';
import {
  BigScreen,
  ScreenLinkAnswer,
  ScreenLinkMade,
  ScreenLinks,
} from '../../../shared/dashboards/screens-responses';
import { actorOf } from '../../http/access';
import { Id, IdParams, Strict, Text } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';
import { routeLimits } from '../rate-limits/route-limits';

const ScreenToken = Type.String({ pattern: '^[A-Za-z0-9_-]{32}$', minLength: 32, maxLength: 32 });

export function screensRoutes(app: AppInstance, { screens, config }: Services) {
  app.post(
    '/api/screens',
    {
      config: { access: 'screens.manage' },
      schema: {
        tags: ['screens'],
        body: Strict({ placeId: Id, name: Text(60, 1) }),
        response: { 201: ScreenLinkMade },
      },
    },
    async (request, reply) => reply.status(201).send(await screens.create(actorOf(request), request.body)),
  );

  app.get(
    '/api/screens',
    {
      config: { access: 'screens.manage' },
      schema: { tags: ['screens'], querystring: Strict({ placeId: Id }), response: { 200: ScreenLinks } },
    },
    async (request) => screens.list(actorOf(request), request.query.placeId),
  );

  app.post(
    '/api/screens/:id/revoke',
    {
      config: { access: 'screens.manage' },
      schema: { tags: ['screens'], params: IdParams, response: { 200: ScreenLinkAnswer } },
    },
    async (request) => screens.revoke(actorOf(request), request.params.id),
  );

  // The wall itself: no account; the link's random token (192 bits) is the credential. Limited per address
  // like the other public links (a wall polls twice a minute; a control room may have several walls behind
  // one address, hence the larger allowance). Not per link: whoever got hold of a leaked link could then
  // lock the real wall out.
  const limited = routeLimits(app, [{ name: 'screen-address:', max: config.publicRateLimit * 3 }]);
  app.get(
    '/api/public/screens/:token',
    {
      config: { access: 'public' },
      preHandler: limited,
      schema: { tags: ['public'], params: Strict({ token: ScreenToken }), response: { 200: BigScreen } },
    },
    async (request) => screens.show(request.params.token),
  );
}
