import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

/**
 * Headers every answer carries: a Content-Security-Policy per kind of page, no framing, no referrer (a
 * poster's token and a resident's personal pass link are in the address), no MIME sniffing, and the
 * camera only for the gate app (its QR scanner). Set here rather than by @fastify/helmet, which is not
 * installed; the policies are small enough to read in one place.
 */

type Policy = Record<string, string>;

const serialize = (policy: Policy) =>
  Object.entries(policy)
    .map(([directive, value]) => `${directive} ${value}`)
    .join('; ');

/**
 * The console, the gate app and the resident page: scripts only from the site's own files (never inline,
 * never eval); styles may be inline because Ant Design writes its CSS-in-JS into <style> tags; images may
 * be data: (the favicon, Ant Design's icons) or blob: (a photo kept on the phone, shown before upload).
 */
const PAGE: Policy = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'media-src': "'self' blob:",
  'worker-src': "'self'",
  'manifest-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};

/** JSON and files never run anything: the strictest policy (a photo opened on its own still shows). */
const API: Policy = { 'default-src': "'none'", 'img-src': "'self'", 'frame-ancestors': "'none'" };

/** Swagger UI (/api/docs) loads its own scripts and styles from the same origin and draws data: icons. */
const DOCS: Policy = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
};

/** Powerful features nobody uses are off everywhere; the camera is allowed to the gate app alone. */
const NO_FEATURES = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()';
const GATE_FEATURES = NO_FEATURES.replace('camera=()', 'camera=(self)');

/** SHA-256 hashes ('sha256-…') of the inline <script> blocks of a built page, for its script-src. */
export function inlineScriptHashes(htmlFile: string): string[] {
  if (!existsSync(htmlFile)) return [];
  const html = readFileSync(htmlFile, 'utf8');
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(match[1] ?? '')) continue;
    hashes.push(
      `'sha256-${createHash('sha256')
        .update(match[2] ?? '', 'utf8')
        .digest('base64')}'`,
    );
  }
  return hashes;
}

export interface SecurityHeaderOptions {
  /** Hashes of the resident page's inline start script (it asks for the poster before the code arrives). */
  residentScriptHashes: string[];
}

/** The policy and permissions for each kind of path, serialised once. */
export function securityHeaders(options: SecurityHeaderOptions) {
  const page = { csp: serialize(PAGE), permissions: NO_FEATURES };
  const gate = { csp: serialize(PAGE), permissions: GATE_FEATURES };
  const resident = {
    csp: serialize({ ...PAGE, 'script-src': ["'self'", ...options.residentScriptHashes].join(' ') }),
    permissions: NO_FEATURES,
  };
  const api = { csp: serialize(API), permissions: NO_FEATURES };
  const docs = { csp: serialize(DOCS), permissions: NO_FEATURES };
  return (pathname: string) => {
    if (pathname === '/api/docs' || pathname.startsWith('/api/docs/')) return docs;
    if (pathname.startsWith('/api/')) return api;
    if (pathname === '/gate' || pathname.startsWith('/gate/')) return gate;
    if (pathname.startsWith('/r/')) return resident;
    return page;
  };
}

export function registerSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions): void {
  const headersFor = securityHeaders(options);
  app.addHook('onSend', async (request, reply, payload) => {
    const pathname = request.url.split('?', 1)[0] ?? '/';
    const headers = headersFor(pathname);
    reply.header('content-security-policy', headers.csp);
    reply.header('permissions-policy', headers.permissions);
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('cross-origin-opener-policy', 'same-origin');
    // API answers (photos included) are for this site's pages only, never embedded by another site.
    if (pathname.startsWith('/api/') && !pathname.startsWith('/api/docs'))
      reply.header('cross-origin-resource-policy', 'same-origin');
    return payload;
  });
}
