import { createHash, randomBytes } from 'node:crypto';
import { GRANTABLE_ROLES, type Role } from '../../../shared/auth/roles';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import * as repo from './auth.repo';
import { dummyPasswordHash, hashPassword, isAcceptablePassword, verifyPassword } from './passwords';
import { placeInScope, type Scope } from './scope';

export interface PublicAccount {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scope: { placeId: number; placeName: string; placeKind: string; buildingIds: number[] | null };
}

type ScopeWithPlace = Scope & { placeName: string; placeKind: string };

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export function createAuthService(db: Db, config: Config, audit: AuditService) {
  // Scopes change only when places or accounts change; a short cache spares two queries per request.
  const scopeCache = new Map<string, { scope: ScopeWithPlace; until: number }>();
  // Every signed-in request starts by finding its session; on the embedded database that lookup alone
  // capped staff routes near 80 requests a second. Sessions are kept here for a few seconds: signing out
  // or changing the password on this instance drops them at once; a session deleted elsewhere (another
  // instance, an expiry) stops working within SESSION_CACHE_MS.
  const SESSION_CACHE_MS = 5_000;
  const sessionCache = new Map<string, { account: repo.AccountRow; until: number }>();
  const forgetSessionsOf = (accountId: number) => {
    for (const [hash, entry] of sessionCache) if (entry.account.id === accountId) sessionCache.delete(hash);
  };

  async function resolveScope(account: repo.AccountRow): Promise<ScopeWithPlace> {
    const key = `${account.scopePlaceId}:${account.scopeBuildingIds?.join(',') ?? ''}`;
    const cached = scopeCache.get(key);
    if (cached && cached.until > Date.now()) return cached.scope;
    const loaded = await repo.loadScopePlaces(db, account.scopePlaceId);
    if (!loaded) throw new AppError('account_disabled');
    const scope: ScopeWithPlace = {
      placeId: loaded.place.id,
      placePath: loaded.place.path,
      placeName: loaded.place.name,
      placeKind: loaded.place.kind,
      communityIds: loaded.communityIds,
      buildingIds: account.scopeBuildingIds ?? null,
    };
    scopeCache.set(key, { scope, until: Date.now() + 10_000 });
    return scope;
  }

  async function toPublic(account: repo.AccountRow): Promise<PublicAccount> {
    const scope = await resolveScope(account);
    return {
      id: account.id,
      username: account.username,
      displayName: account.displayName,
      role: account.role as Role,
      scope: {
        placeId: scope.placeId,
        placeName: scope.placeName,
        placeKind: scope.placeKind,
        buildingIds: scope.buildingIds,
      },
    };
  }

  return {
    invalidateScopes() {
      scopeCache.clear();
    },

    async login(username: string, password: string, ip: string) {
      const account = await repo.findAccountByUsername(db, username.trim());
      if (!account) {
        await verifyPassword(await dummyPasswordHash(), password);
        throw new AppError('invalid_credentials');
      }
      if (account.disabledAt) throw new AppError('account_disabled');
      if (account.lockedUntil && account.lockedUntil > new Date()) {
        throw new AppError('account_locked', { minutes: config.lockoutMinutes });
      }
      const actor = { accountId: account.id, displayName: account.displayName, ip };
      if (!(await verifyPassword(account.passwordHash, password))) {
        const lockedUntil = await repo.recordFailedLogin(
          db,
          account.id,
          config.lockoutAttempts,
          config.lockoutMinutes,
        );
        await audit.record(actor, { action: 'login_failed', entity: 'account', entityId: account.id });
        if (lockedUntil && lockedUntil > new Date()) {
          throw new AppError('account_locked', { minutes: config.lockoutMinutes });
        }
        throw new AppError('invalid_credentials');
      }
      await repo.updateAccount(db, account.id, { failedLogins: 0, lockedUntil: null });
      await repo.deleteExpiredSessions(db);
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + config.sessionHours * 3_600_000);
      await repo.insertSession(db, tokenHash(token), account.id, expiresAt);
      await audit.record(actor, { action: 'login', entity: 'account', entityId: account.id });
      return { token, expiresAt, account: await toPublic(account) };
    },

    async logout(token: string, actor: Actor) {
      sessionCache.delete(tokenHash(token));
      await repo.deleteSession(db, tokenHash(token));
      await audit.record(actor, { action: 'logout', entity: 'account', entityId: actor.accountId });
    },

    /** The caller behind a session cookie, or null when the cookie is missing, expired or unknown. */
    async authenticate(token: string | undefined, ip: string, lang: Actor['lang']): Promise<Actor | null> {
      if (!token || token.length > 100) return null;
      const hash = tokenHash(token);
      const hit = sessionCache.get(hash);
      let account = hit && hit.until > Date.now() ? hit.account : undefined;
      if (!account) {
        account = await repo.findSessionAccount(db, hash);
        if (account) {
          if (sessionCache.size >= 10_000) sessionCache.delete(sessionCache.keys().next().value as string);
          sessionCache.set(hash, { account, until: Date.now() + SESSION_CACHE_MS });
        } else sessionCache.delete(hash);
      }
      if (!account || account.disabledAt) return null;
      return {
        accountId: account.id,
        username: account.username,
        displayName: account.displayName,
        role: account.role as Role,
        scope: await resolveScope(account),
        ip,
        lang,
      };
    },

    async me(actor: Actor): Promise<PublicAccount> {
      const account = await repo.findAccountById(db, actor.accountId);
      if (!account) throw new AppError('unauthenticated');
      return toPublic(account);
    },

    async changePassword(actor: Actor, token: string, current: string, next: string) {
      const account = await repo.findAccountById(db, actor.accountId);
      if (!account) throw new AppError('unauthenticated');
      if (!(await verifyPassword(account.passwordHash, current))) throw new AppError('wrong_password');
      if (!isAcceptablePassword(next, account.username))
        throw new AppError('weak_password', {}, 'newPassword');
      await db.transaction(async (tx) => {
        await repo.updateAccount(tx, account.id, {
          passwordHash: await hashPassword(next),
          passwordChangedAt: new Date(),
        });
        // Other devices signed in with the old password are signed out.
        await repo.deleteSessionsOf(tx, account.id, tokenHash(token));
        await audit.record(actor, { action: 'password_change', entity: 'account', entityId: account.id }, tx);
      });
      forgetSessionsOf(account.id);
    },

    /** Creates an account; used by the CLI (actor null: the machine's operator) and by managers. */
    async createAccount(
      actor: Actor | null,
      input: {
        username: string;
        displayName: string;
        password: string;
        role: Role;
        scopePlaceId: number;
        scopeBuildingIds?: number[] | null;
      },
    ) {
      if (actor) {
        if (!GRANTABLE_ROLES[actor.role].includes(input.role)) throw new AppError('forbidden');
        const loaded = await repo.loadScopePlaces(db, input.scopePlaceId);
        if (!loaded || !placeInScope(actor.scope, loaded.place)) throw new AppError('out_of_scope');
      }
      if (input.scopeBuildingIds?.length) {
        // Building-level accounts: every building must really be a building inside the scope place.
        const unique = [...new Set(input.scopeBuildingIds)];
        const place = await repo.loadScopePlaces(db, input.scopePlaceId);
        const prefix = place ? `${place.place.path}${place.place.id}/` : '';
        if (!place || (await repo.countBuildingsUnder(db, unique, prefix)) !== unique.length) {
          throw new AppError('out_of_scope', {}, 'scopeBuildingIds');
        }
      }
      if (!isAcceptablePassword(input.password, input.username))
        throw new AppError('weak_password', {}, 'password');
      if (await repo.findAccountByUsername(db, input.username))
        throw new AppError('duplicate_username', {}, 'username');
      const row = await repo.insertAccount(db, {
        username: input.username,
        displayName: input.displayName,
        passwordHash: await hashPassword(input.password),
        role: input.role,
        scopePlaceId: input.scopePlaceId,
        scopeBuildingIds: input.scopeBuildingIds ?? null,
      });
      await audit.record(actor, {
        action: 'account_create',
        entity: 'account',
        entityId: row.id,
        detail: { username: row.username, role: row.role },
      });
      return toPublic(row);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
