// An upload cut short over a real connection (issue 11, defect 6): the client that closes its side gets
// 400, and the one that keeps the connection open without sending the rest is answered 408 and let go
// instead of holding the server's connection for ever (Fastify's default: no limit).
import net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createFixture, type Fixture, login } from '../test/fixture';
import { createTestApp, type TestApp } from '../test/test-app';

let t: TestApp;
let f: Fixture;
let cookie: string;
let port: number;

beforeAll(async () => {
  t = await createTestApp({}, { requestTimeoutMs: 1_000 });
  f = await createFixture(t.services);
  cookie = await login(t, f.a.usernames.community_secretary);
  port = Number(new URL(await t.app.listen({ port: 0, host: '127.0.0.1' })).port);
});
afterAll(() => t.close());

const body = Buffer.from(
  '--cut\r\nContent-Disposition: form-data; name="file"; filename="roster.csv"\r\nContent-Type: text/csv\r\n\r\n' +
    `${'姓名,证件号码\r\n'.repeat(200)}\r\n--cut--\r\n`,
);

/** Sends the headers and the first 300 bytes of the body, then closes its side or waits; the status line. */
function cutShort(closeSide: boolean): Promise<{ status: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    let answer = '';
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(
        `POST /api/imports?communityId=${f.a.community.id} HTTP/1.1\r\nHost: dashu\r\nCookie: ${cookie}\r\n` +
          `Content-Type: multipart/form-data; boundary=cut\r\nContent-Length: ${body.length}\r\n\r\n`,
      );
      socket.write(body.subarray(0, 300));
      if (closeSide) socket.end();
    });
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve({ status: answer.split('\r\n')[0] ?? '', ms: Date.now() - started }));
    setTimeout(() => socket.destroy(), 10_000);
  });
}

it('answers an upload whose sender closed halfway with 400', async () => {
  expect((await cutShort(true)).status).toBe('HTTP/1.1 400 Bad Request');
});

it('answers an upload that stalls halfway with 408 once the request time is up', async () => {
  const { status, ms } = await cutShort(false);
  expect(status).toBe('HTTP/1.1 408 Request Timeout');
  expect(ms).toBeLessThan(5_000);
});
