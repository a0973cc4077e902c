import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app';
import { inlineScriptHashes, securityHeaders } from './security-headers';

// Defect 13 of issue 11: no CSP, frame or referrer policy. The browser side (every page working under
// its policy, no violation reported) is e2e/security-headers.e2e.ts.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('security headers', () => {
  it('API answers, errors included, carry the strict policy and the rest', async () => {
    for (const url of ['/api/health', '/api/auth/me', '/api/no-such-route']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy'], url).toBe(
        "default-src 'none'; img-src 'self'; frame-ancestors 'none'",
      );
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['permissions-policy']).toContain('camera=()');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    }
  });

  it('Swagger UI gets its own policy, still without inline scripts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toMatch(/script-src 'self';/);
  });

  it('pages: the camera only for the gate app, the resident start script only by its hash', () => {
    const hash = "'sha256-abc='";
    const headersFor = securityHeaders({ residentScriptHashes: [hash] });
    expect(headersFor('/gate/').permissions).toContain('camera=(self)');
    expect(headersFor('/gate/p/AbCdEfGhIjKlMnOpQrStUvWx').permissions).toContain('camera=(self)');
    for (const path of [
      '/admin/',
      '/admin/residents',
      '/r/p/token',
      '/sw.js',
      '/assets/x.js',
      '/api/photos/1',
    ])
      expect(headersFor(path).permissions, path).toContain('camera=()');
    expect(headersFor('/r/p/token').csp).toContain(`script-src 'self' ${hash}`);
    for (const path of ['/admin/', '/gate/', '/r/p/token', '/api/docs/', '/api/health']) {
      const csp = headersFor(path).csp;
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-/);
    }
  });

  it('hashes the resident page’s inline start script exactly as the browser will', () => {
    const file = fileURLToPath(new URL('../../web/resident/index.html', import.meta.url));
    const html = readFileSync(file, 'utf8');
    const body = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(body).toContain('__dashuPoster');
    const expected = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
    expect(inlineScriptHashes(file)).toEqual([expected]);
  });
});
