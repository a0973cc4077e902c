import { Type } from 'typebox';
import { NoContent } from '../../../shared/api/responses';
import { ACCOUNT_STATUSES } from '../../../shared/auth/accounts';
import {
  AccountItemResponse,
  AccountListSchema,
  OneTimePasswordSchema,
} from '../../../shared/auth/accounts.schema';
import { AccountAnswer, AccountOut } from '../../../shared/auth/auth-responses';
import { ROLES } from '../../../shared/auth/roles';
import { actorOf, SESSION_COOKIE } from '../../http/access';
import { Id, IdParams, Page, Strict, StrictPatch, Text } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';

export function authRoutes(app: AppInstance, { auth, accounts }: Services, cookieSecure: boolean) {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict', secure: cookieSecure } as const;

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        body: Strict({ username: Text(64, 1), password: Text(200, 1) }),
        response: { 200: AccountAnswer },
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

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], response: { 204: NoContent } } },
    async (request, reply) => {
      await auth.logout(request.cookies[SESSION_COOKIE] ?? '', actorOf(request));
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], response: { 200: AccountAnswer } } },
    async (request) => ({ account: await auth.me(actorOf(request)) }),
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        body: Strict({ currentPassword: Text(200, 1), newPassword: Text(200, 1) }),
        response: { 204: NoContent },
      },
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

  const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));
  const BuildingIds = Type.Array(Id, { maxItems: 200 });

  app.post(
    '/api/accounts',
    {
      config: { access: 'accounts.manage' },
      schema: {
        tags: ['accounts'],
        body: Strict({
          username: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{2,31}$' }),
          displayName: Text(50, 1),
          /** Left out, the server makes one for the sign-in slip and answers it once. */
          password: Type.Optional(Text(200, 1)),
          role: RoleSchema,
          scopePlaceId: Id,
          scopeBuildingIds: Type.Optional(BuildingIds),
        }),
        response: { 201: Type.Object({ account: AccountOut, password: Type.Optional(Type.String()) }) },
      },
    },
    async (request, reply) => {
      const { oneTimePassword, ...account } = await auth.createAccount(actorOf(request), request.body);
      return reply.status(201).send(oneTimePassword ? { account, password: oneTimePassword } : { account });
    },
  );

  app.get(
    '/api/accounts',
    {
      config: { access: 'accounts.manage' },
      schema: {
        tags: ['accounts'],
        querystring: Strict({
          role: Type.Optional(RoleSchema),
          status: Type.Optional(Type.Union(ACCOUNT_STATUSES.map((s) => Type.Literal(s)))),
          placeId: Type.Optional(Id),
          q: Type.Optional(Text(50)),
          ...Page,
        }),
        response: { 200: AccountListSchema },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, q, ...rest } = request.query;
      return accounts.list(actorOf(request), { ...rest, q: q?.trim() || undefined, page, pageSize });
    },
  );

  app.get(
    '/api/accounts/:id',
    {
      config: { access: 'accounts.manage' },
      schema: { tags: ['accounts'], params: IdParams, response: { 200: AccountItemResponse } },
    },
    async (request) => ({ account: await accounts.get(actorOf(request), request.params.id) }),
  );

  app.patch(
    '/api/accounts/:id',
    {
      config: { access: 'accounts.manage' },
      schema: {
        tags: ['accounts'],
        params: IdParams,
        body: StrictPatch({
          displayName: Type.Optional(Text(50, 1)),
          role: Type.Optional(RoleSchema),
          scopePlaceId: Type.Optional(Id),
          scopeBuildingIds: Type.Optional(Type.Union([BuildingIds, Type.Null()])),
        }),
        response: { 200: AccountItemResponse },
      },
    },
    async (request) => ({
      account: await accounts.update(actorOf(request), request.params.id, request.body),
    }),
  );

  for (const [path, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/api/accounts/:id/${path}`,
      {
        config: { access: 'accounts.manage' },
        schema: { tags: ['accounts'], params: IdParams, response: { 200: AccountItemResponse } },
      },
      async (request) => ({
        account: await accounts.setDisabled(actorOf(request), request.params.id, disabled),
      }),
    );
  }

  app.post(
    '/api/accounts/:id/reset-password',
    {
      config: { access: 'accounts.manage' },
      schema: { tags: ['accounts'], params: IdParams, response: { 200: OneTimePasswordSchema } },
    },
    async (request) => accounts.resetPassword(actorOf(request), request.params.id),
  );
}
