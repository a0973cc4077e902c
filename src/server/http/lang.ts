import type { FastifyRequest } from 'fastify';
import type { Lang } from '../../shared/i18n/error-messages';

/** Chinese unless the client clearly prefers English (the console sends `x-dashu-lang`). */
export function requestLang(request: FastifyRequest): Lang {
  const explicit = request.headers['x-dashu-lang'];
  if (typeof explicit === 'string') return explicit.startsWith('en') ? 'en' : 'zh';
  const accept = request.headers['accept-language'];
  if (typeof accept === 'string') {
    const first = accept.split(',')[0]?.trim().toLowerCase() ?? '';
    if (first.startsWith('en')) return 'en';
  }
  return 'zh';
}
