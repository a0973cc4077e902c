import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type Permission } from '../../shared/auth/roles';
import type { AuthService } from '../modules/auth/auth.service';
import type { Actor } from './actor';
import { AppError } from './app-error';
import { requestLang } from './lang';

export type Access = 'public' | 'signed_in' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. Routes that say nothing need a signed-in account: safe by default. */
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export const SESSION_COOKIE = 'dashu_session';

/** The signed-in caller; routes that are not public can rely on it. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

/** API routes need an account unless they say otherwise; the docs UI and the web pages are public. */
function defaultAccess(url: string): Access {
  return url.startsWith('/api/') && !url.startsWith('/api/docs') ? 'signed_in' : 'public';
}

export function registerAccessControl(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('actor', null);
  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config.access ?? defaultAccess(request.routeOptions.url ?? '');
    if (access === 'public') return;
    request.actor = await auth.authenticate(
      request.cookies[SESSION_COOKIE],
      request.ip,
      requestLang(request),
    );
    if (!request.actor) throw new AppError('unauthenticated');
    if (access !== 'signed_in' && !can(request.actor.role, access)) throw new AppError('forbidden');
  });
}
