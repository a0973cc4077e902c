/**
 * The address residents' and staff's phones reach the server at. QR posters, pass links and sign-in slips
 * encode it; the browser's own address is only the fallback, since a secretary who opened
 * `localhost:8080` would otherwise print posters no phone can open.
 */

export type PublicUrlCheck =
  | { ok: true; url: string }
  | { ok: false; reason: 'not_url' | 'not_http' | 'has_extra' };

/**
 * An http(s) address with a host, nothing after the path (no query, fragment or password): normalised to
 * `scheme://host[:port][/path]` without a trailing slash, so `${url}/r/p/…` is always right.
 */
export function checkPublicUrl(value: string): PublicUrlCheck {
  let parsed: URL;
  try {
    parsed = new URL(value.trim());
  } catch {
    return { ok: false, reason: 'not_url' };
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname)
    return { ok: false, reason: 'not_http' };
  if (parsed.search || parsed.hash || parsed.username || parsed.password)
    return { ok: false, reason: 'has_extra' };
  const path = parsed.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${parsed.protocol}//${parsed.host}${path}` };
}

/**
 * The address only this machine or its own network can open: localhost, 127.x, 0.0.0.0, ::1, the private
 * ranges 10.x, 192.168.x, 172.16–31.x, link-local 169.254.x, and mDNS names (.local). A poster printed
 * with one works only on that network.
 */
export function isLocalAddress(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  host = host.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true;
  if (host === '::1' || host === '::' || host.startsWith('fe80:') || /^f[cd][0-9a-f]{2}:/.test(host))
    return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!v4) return false;
  const [a, b] = [Number(v4[1]), Number(v4[2])];
  return (
    a === 127 ||
    a === 10 ||
    a === 0 ||
    (a === 192 && b === 168) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 169 && b === 254)
  );
}

/** Where a link goes: the public address when one is set, else the browser's own origin. */
export function publicLink(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The setting as the server answers it: the database's value wins over DASHU_PUBLIC_URL. */
export interface PublicUrlSetting {
  url: string | null;
  source: 'database' | 'environment' | null;
  environmentUrl: string | null;
}
