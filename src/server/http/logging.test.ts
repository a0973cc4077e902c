import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture, login, syntheticId } from '../test/fixture';
import { createTestApp, type TestApp } from '../test/test-app';
import { safeUrl, scrubDigits, serializeError } from './logging';

// The server's log, captured: what an operator (or whoever reads the log files) would see.
const lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});

let t: TestApp;
let f: Fixture;
const idNumber = syntheticId('19750303');
const phone = '13912345678';

beforeAll(async () => {
  t = await createTestApp(
    { LOG_LEVEL: 'debug' },
    {
      logStream: sink,
      // A statement that fails with a person's numbers as its parameters, as a bad query in any route would.
      // A NOT NULL violation (not a data exception, which answers 400) quotes the row in PostgreSQL's detail.
      beforeReady: (app, database) =>
        app.get('/api/test/failing-query', { config: { access: 'public' } }, async () => {
          await database.db.execute(
            sql`insert into rate_limits (key, window_start, hits) values (${`${idNumber}:${phone}`}, null, 1)`,
          );
          return {};
        }),
    },
  );
  f = await createFixture(t.services);
});
afterAll(() => t.close());

// The log as text, less the fields the logger adds of itself (time, pid, duration): their digits are the
// clock's, and a timestamp such as 1796541234940 would otherwise "contain" a phone's middle digits.
const logged = () =>
  lines
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const { time: _time, pid: _pid, ms: _ms, ...entry } = JSON.parse(line) as Record<string, unknown>;
      return JSON.stringify(entry);
    })
    .join('\n');
const digitsOf = (value: string) => value.replace(/\D/g, '');

describe('the server log', () => {
  it('never carries the ID number or phone of a search, and logs requests at debug', async () => {
    const cookie = await login(t, f.a.usernames.community_secretary);
    lines.length = 0;
    for (const q of [idNumber, phone, `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`]) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/residents?q=${encodeURIComponent(q)}&communityId=${f.a.community.id}`,
        headers: { cookie },
      });
      expect(res.statusCode).toBe(200);
    }
    const text = logged();
    // The requests were logged (at debug), by path and the query's names only.
    expect(text).toContain('"url":"/api/residents?q=~&communityId=~"');
    expect(text).toContain('"level":20');
    expect(text).not.toContain('incoming request');
    expect(text).not.toContain(digitsOf(idNumber).slice(6, 14));
    expect(text).not.toContain(phone);
    expect(text).not.toContain(phone.slice(3, 7));
  });

  it('logs a failed statement without its parameters, and PostgreSQL quoting the value is blanked', async () => {
    lines.length = 0;
    const res = await t.app.inject({ method: 'GET', url: '/api/test/failing-query' });
    expect(res.statusCode).toBe(500);
    const text = logged();
    expect(text).toContain('Failed query: insert into rate_limits');
    expect(text).toContain('"level":50');
    expect(text).not.toContain(idNumber.slice(0, 17));
    expect(text).not.toContain(idNumber.slice(6, 14));
    expect(text).not.toContain(phone);
    expect(text).not.toMatch(/"params"\s*:\s*\[/);
  });
});

describe('what the log keeps of a URL and an error', () => {
  it('drops query values and blanks tokens and long digit runs in the path', () => {
    expect(safeUrl('/api/residents?q=110105197503031234&page=2')).toBe('/api/residents?q=~&page=~');
    expect(safeUrl('/api/public/passes/AbCdEfGhIjKlMnOpQrStUvWx')).toBe('/api/public/passes/[token]');
    expect(safeUrl('/api/residents/11010519750303123X')).not.toMatch(/\d{6}/);
    expect(safeUrl('/api/residents/42')).toBe('/api/residents/42');
  });

  it('blanks numbers written with spaces or dashes', () => {
    expect(scrubDigits('phone 139 1234 5678 and 139-1234-5678')).toBe('phone [n] and [n]');
  });

  it('keeps codes and the chain of causes, never params or detail', () => {
    const cause = Object.assign(new Error('value "110105197503031234" is out of range for type integer'), {
      code: '22003',
      detail: 'Key (id_number)=(110105197503031234)',
    });
    const error = Object.assign(new Error('Failed query: select $1\nparams: 110105197503031234'), {
      query: 'select $1',
      params: ['110105197503031234'],
      cause,
    });
    const out = JSON.stringify(serializeError(error));
    expect(out).not.toContain('110105197503031234');
    expect(out).toContain('22003');
    expect(out).not.toContain('detail');
  });
});
