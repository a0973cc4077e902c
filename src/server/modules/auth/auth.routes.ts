import { Type } from 'typebox';
import { ROLES } from '../../../shared/auth/roles';
import { actorOf, SESSION_COOKIE } from '../../http/access';
import { Id, Strict, Text } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';

const AccountOut = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  scope: Type.Object({
    placeId: Type.Integer(),
    placeName: Type.String(),
    placeKind: Type.String(),
    buildingIds: Type.Union([Type.Array(Type.Integer()), Type.Null()]),
  }),
});

export function authRoutes(app: AppInstance, { auth }: Services, cookieSecure: boolean) {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict', secure: cookieSecure } as const;

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        body: Strict({ username: Text(64, 1), password: Text(200, 1) }),
        response: { 200: Type.Object({ account: AccountOut }) },
      },
    },
    async (request, reply) => {
      const { token, expiresAt, account } = await auth.login(
        request.body.username,
        request.body.password,
        request.ip,
      );
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, expires: expiresAt });
      return { account };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    await auth.logout(request.cookies[SESSION_COOKIE] ?? '', actorOf(request));
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return reply.status(204).send();
  });

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], response: { 200: Type.Object({ account: AccountOut }) } } },
    async (request) => ({ account: await auth.me(actorOf(request)) }),
  );

  app.post(
    '/api/auth/password',
    {
      schema: { tags: ['auth'], body: Strict({ currentPassword: Text(200, 1), newPassword: Text(200, 1) }) },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE] ?? '';
      await auth.changePassword(
        actorOf(request),
        token,
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/accounts',
    {
      config: { access: 'accounts.manage' },
      schema: {
        tags: ['auth'],
        body: Strict({
          username: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{2,31}$' }),
          displayName: Text(50, 1),
          password: Text(200, 1),
          role: Type.Union(ROLES.map((r) => Type.Literal(r))),
          scopePlaceId: Id,
          scopeBuildingIds: Type.Optional(Type.Array(Id, { maxItems: 200 })),
        }),
        response: { 201: Type.Object({ account: AccountOut }) },
      },
    },
    async (request, reply) => {
      const account = await auth.createAccount(actorOf(request), request.body);
      return reply.status(201).send({ account });
    },
  );
}
