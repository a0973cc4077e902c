/**
 * Signs a demo account in to a server running in its own process (bench/lib/*-server.ts) and answers its
 * session cookie; every demo account has the password `dashu-demo`.
 */
export async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'dashu-demo' }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
