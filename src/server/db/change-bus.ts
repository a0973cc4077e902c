import pg from 'pg';
import type { Database } from './database';

/**
 * Changes other instances must see at once, carried by PostgreSQL's LISTEN/NOTIFY on one channel.
 *
 * Most are sent by triggers (migration `change_notifications`): every writer of a pass, a status, an
 * account, a session, a place, a gate, a poster, a form version, a rule set or a risk area is covered, the importer and the
 * command line included, and the notice leaves only when its transaction commits. The rest (a key
 * rotation, which is a file) are published here.
 *
 * On PostgreSQL each instance keeps one connection that LISTENs; a dropped connection is reopened and
 * every subscriber resyncs (notices sent while it was down are lost). On the embedded database there is
 * one instance and one session shared by every connection: the session LISTENs once and PostgreSQL
 * hands each notice to the connection whose transaction sent it, i.e. to this process's own pool
 * (database.ts forwards them): the same messages, delivered in-process.
 */
export const CHANGE_CHANNEL = 'dashu_changes';
export const LISTENER_NAME = 'dashu-changes';

export type Change =
  /** Passes of a community changed; `n` names them when the statement touched few. */
  | { k: 'passes'; c: number; n?: number[] }
  /** Someone's status (or household, or moving out) changed in a community: who stays in. */
  | { k: 'status'; c: number }
  | { k: 'account'; a: number }
  /** A session ended before its time (sign-out, password change). `h`: the token's SHA-256. */
  | { k: 'session'; h: string }
  | { k: 'places' }
  | { k: 'gate'; g: number }
  | { k: 'poster'; t: string }
  | { k: 'form_versions' }
  /** A rule set or a risk area changed: every community's basis for judging declarations. */
  | { k: 'rules' }
  | { k: 'keys'; kid: number };

export type ChangeKind = Change['k'];
type Handler<K extends ChangeKind> = (change: Extract<Change, { k: K }>) => void;

export interface ChangeBus {
  on<K extends ChangeKind>(kind: K, handler: Handler<K>): void;
  /** Called after the listener (re)connects: changes may have been missed, caches start over. */
  onResync(handler: () => void): void;
  /** True while every change reaches this instance (listening now); caches fall back to short lives otherwise. */
  readonly live: boolean;
  publish(change: Change): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 5_000;
/** A connection that died without a word (a cable, a firewall) is found by a ping this often. */
const PING_MS = 10_000;

export function createChangeBus(database: Database): ChangeBus {
  const handlers = new Map<ChangeKind, Array<(change: Change) => void>>();
  const resyncs: Array<() => void> = [];
  let live = false;
  let stopped = false;
  let started = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let ping: NodeJS.Timeout | undefined;
  let delay = RECONNECT_MIN_MS;

  function deliver(payload: string | undefined) {
    if (!payload) return;
    let change: Change;
    try {
      change = JSON.parse(payload) as Change;
    } catch {
      return;
    }
    for (const handler of handlers.get(change.k) ?? []) {
      try {
        handler(change);
      } catch {
        // One subscriber's fault must not keep the notice from the others.
      }
    }
  }
  const onMessage = (message: pg.Notification) => {
    if (message.channel === CHANGE_CHANNEL) deliver(message.payload);
  };

  function resync() {
    for (const handler of resyncs) {
      try {
        handler();
      } catch {}
    }
  }

  async function connect() {
    if (stopped) return;
    const next = new pg.Client({
      ...(database.pool.options as pg.ClientConfig),
      application_name: LISTENER_NAME,
      keepAlive: true,
    });
    let dropped = false;
    const drop = () => {
      if (dropped) return;
      dropped = true;
      live = false;
      if (client === next) client = undefined;
      clearInterval(ping);
      next.end().catch(() => {});
      scheduleReconnect();
    };
    next.on('error', drop);
    next.on('end', drop);
    next.on('notification', onMessage);
    try {
      await next.connect();
      await next.query(`listen ${CHANGE_CHANNEL}`);
    } catch {
      drop();
      return;
    }
    if (stopped || dropped) {
      next.end().catch(() => {});
      return;
    }
    client = next;
    live = true;
    delay = RECONNECT_MIN_MS;
    ping = setInterval(() => {
      next.query('select 1').catch(drop);
    }, PING_MS);
    ping.unref();
    resync();
  }

  function scheduleReconnect() {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, delay);
    retry.unref();
    delay = Math.min(RECONNECT_MAX_MS, delay * 2);
  }

  return {
    on(kind, handler) {
      const list = handlers.get(kind) ?? [];
      list.push(handler as (change: Change) => void);
      handlers.set(kind, list);
    },
    onResync(handler) {
      resyncs.push(handler);
    },
    get live() {
      return live;
    },
    async publish(change) {
      await database.pool.query('select pg_notify($1, $2)', [CHANGE_CHANNEL, JSON.stringify(change)]);
    },
    async start() {
      if (started) return;
      started = true;
      stopped = false;
      if (database.kind === 'embedded') {
        database.notifications.on('notification', onMessage);
        // One session for every connection: this LISTEN stays for the life of the database.
        await database.pool.query(`listen ${CHANGE_CHANNEL}`);
        live = true;
        return;
      }
      await connect();
      // The first connection failing is not fatal: the caches run on short lives until it comes back.
    },
    async stop() {
      stopped = true;
      started = false;
      live = false;
      clearTimeout(retry);
      retry = undefined;
      clearInterval(ping);
      database.notifications.off('notification', onMessage);
      const last = client;
      client = undefined;
      await last?.end().catch(() => {});
    },
  };
}
