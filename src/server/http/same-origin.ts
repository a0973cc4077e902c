import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './app-error';

/**
 * Cross-site request forgery: the session cookie is SameSite=Strict, and on top of that every request
 * that changes something (POST, PUT, PATCH, DELETE) must
 * 1. come from this site: its Origin (or, without one, its Referer) is the site's own origin — the Host
 *    it was sent to (through a trusted proxy: X-Forwarded-Host/-Proto) or one of DASHU_PUBLIC_ORIGIN.
 *    Browsers send Origin with every such fetch, from any page, so a page elsewhere is refused; a request
 *    with neither header is not from a browser page (the CLI, curl, tests) and has no victim's browser
 *    to borrow, so it passes on to the usual sign-in and permission checks;
 * 2. carry its body as JSON, or as multipart on the routes that take uploads (their schema says
 *    `consumes`). A cross-site <form> can only send form-encoded, multipart or text/plain bodies, and
 *    fetch from another site cannot send JSON without a CORS preflight, which Dashu never grants.
 * A request without a body needs no content type (logout, deletes).
 */

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_ONLY = ['application/json'];

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

function ownOrigin(request: FastifyRequest): string | null {
  return request.host ? originOf(`${request.protocol}://${request.host}`) : null;
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

export function registerSameOriginGuard(app: FastifyInstance, publicOrigins: string[]): void {
  app.addHook('onRequest', async (request) => {
    if (!CHANGES.has(request.method)) return;
    const { origin, referer } = request.headers;
    const claimed = origin !== undefined ? originOf(origin) : referer !== undefined ? originOf(referer) : '';
    if (claimed !== '') {
      const own = ownOrigin(request);
      if (claimed === null || (claimed !== own && !publicOrigins.includes(claimed))) {
        // Worth a line: behind an HTTPS proxy that is not trusted, the site's own pages land here.
        request.log.warn({ origin: claimed, expected: own }, 'refused a request from another origin');
        throw new AppError('cross_site_request');
      }
    }
    const type = request.headers['content-type'];
    if (type === undefined) {
      if (hasBody(request)) throw new AppError('unsupported_media_type');
      return;
    }
    const media = type.split(';', 1)[0]?.trim().toLowerCase() ?? '';
    const consumes = request.routeOptions.schema?.consumes ?? JSON_ONLY;
    if (!consumes.includes(media)) throw new AppError('unsupported_media_type');
  });
}
