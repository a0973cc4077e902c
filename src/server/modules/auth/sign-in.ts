import { createHash } from 'node:crypto';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import type { AccountRow } from './auth.repo';
import * as repo from './auth.repo';
import { clearPair, countFailure, lockedKeys, type ThrottleLimits } from './login-throttle.repo';
import { dummyPasswordHash, verifyPassword } from './passwords';

/**
 * Checking a password, with the limits that keep guessing slow without letting a stranger keep a guard
 * out (docs/SECURITY.md):
 * - one address on one username: `lockoutAttempts` wrong passwords lock that pair, not the account, so
 *   the guard on her own phone still signs in while the attacker's address is locked out;
 * - one address, any usernames: `loginAddressLimit` failures refuse the address for the window;
 * - one account from everywhere: `loginAlarmThreshold` failures write an alarm to the audit log that the
 *   account's managers see; the account itself is never locked.
 * Unknown usernames count and lock exactly like real ones and cost the same argon2 verify, so neither
 * the answer nor its timing tells which usernames exist. Counters live in PostgreSQL (login_throttle), so
 * several instances share them.
 */
export function createSignIn(db: Db, config: Config, audit: AuditService) {
  const limits: ThrottleLimits = {
    address: config.loginAddressLimit,
    pair: config.lockoutAttempts,
    minutes: config.lockoutMinutes,
  };
  const locked = () => new AppError('account_locked', { minutes: config.lockoutMinutes });

  async function recordFailure(
    account: AccountRow | undefined,
    keys: { addr: string; pair: string },
    ip: string,
  ) {
    const acct = account ? `acct:${account.id}` : undefined;
    const counts = await countFailure(db, [keys.addr, keys.pair, ...(acct ? [acct] : [])], limits);
    const byKey = new Map(counts.map((c) => [c.key, c]));
    const pair = byKey.get(keys.pair);
    const pairLocked = pair?.failures === limits.pair;
    if (account) {
      const actor = { accountId: account.id, displayName: account.displayName, ip };
      const event = { entity: 'account', entityId: account.id };
      await audit.record(actor, { ...event, action: 'login_failed' });
      if (pairLocked)
        await audit.record(actor, { ...event, action: 'login_locked', detail: { minutes: limits.minutes } });
      const total = acct ? byKey.get(acct)?.failures : undefined;
      if (total === config.loginAlarmThreshold)
        await audit.record(actor, {
          ...event,
          action: 'login_alarm',
          detail: { failures: total, minutes: limits.minutes },
        });
    }
    return pairLocked;
  }

  /** The account behind a right password; every refusal answers the same for unknown usernames. */
  return async function checkPassword(username: string, password: string, ip: string): Promise<AccountRow> {
    const name = username.trim();
    const keys = {
      addr: `addr:${ip}`,
      pair: `pair:${createHash('sha256').update(`${ip}\n${name.toLowerCase()}`).digest('hex').slice(0, 40)}`,
    };
    const lockedNow = await lockedKeys(db, [keys.addr, keys.pair]);
    if (lockedNow.has(keys.addr)) throw new AppError('rate_limited');
    if (lockedNow.has(keys.pair)) throw locked();
    const account = await repo.findAccountByUsername(db, name);
    const right = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!account || !right) {
      if (await recordFailure(account, keys, ip)) throw locked();
      throw new AppError('invalid_credentials');
    }
    await clearPair(db, keys.pair, limits.minutes);
    // Told only to someone who knows the password, so it reveals nothing to a guesser.
    if (account.disabledAt) throw new AppError('account_disabled');
    return account;
  };
}
