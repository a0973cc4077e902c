import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/auth/roles';
import type { PlaceKind } from '../../../shared/places/place-kinds';
import type { Config } from '../../config';
import type { ChangeBus } from '../../db/change-bus';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { checkGrant, slipPassword } from './account-rules';
import * as repo from './auth.repo';
import { hashPassword, isAcceptablePassword, verifyPassword } from './passwords';
import { isRootScope, type Scope } from './scope';
import { createSignIn } from './sign-in';

export interface PublicAccount {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scope: {
    placeId: number;
    placeName: string;
    placeKind: PlaceKind;
    /** The place is the top of the tree: installation-wide actions (the signing key) are its own. */
    isRoot: boolean;
    buildingIds: number[] | null;
  };
}

type ScopeWithPlace = Scope & { placeName: string; placeKind: PlaceKind };

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export function createAuthService(db: Db, config: Config, audit: AuditService, bus?: ChangeBus) {
  // Scopes change only when places or accounts change; a short cache spares two queries per request.
  const checkPassword = createSignIn(db, config, audit);
  const scopeCache = new Map<string, { scope: ScopeWithPlace; until: number }>();
  // Every signed-in request starts by finding its session; on the embedded database that lookup alone
  // capped staff routes near 80 requests a second. Sessions are kept here for a few seconds: signing out
  // or changing the password drops them at once on every instance (a change notice from the sessions and
  // accounts tables, db/change-bus.ts); an expiry, or a lost notice, within SESSION_CACHE_MS.
  const SESSION_CACHE_MS = 5_000;
  const sessionCache = new Map<string, { account: repo.AccountRow; until: number }>();
  const forgetSessionsOf = (accountId: number) => {
    for (const [hash, entry] of sessionCache) if (entry.account.id === accountId) sessionCache.delete(hash);
  };
  bus?.on('session', (change) => sessionCache.delete(change.h));
  // Disabled, new password, new role or scope: the account is read again.
  bus?.on('account', (change) => forgetSessionsOf(change.a));
  bus?.on('places', () => scopeCache.clear());
  bus?.onResync(() => {
    sessionCache.clear();
    scopeCache.clear();
  });

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
        isRoot: isRootScope(scope),
        buildingIds: scope.buildingIds,
      },
    };
  }

  return {
    invalidateScopes() {
      scopeCache.clear();
    },

    async login(username: string, password: string, ip: string) {
      const account = await checkPassword(username, password, ip);
      const actor = { accountId: account.id, displayName: account.displayName, ip };
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

    /** Drops what this instance keeps of an account's sessions (a change made through another service). */
    forgetAccount(accountId: number) {
      forgetSessionsOf(accountId);
    },

    /**
     * Creates an account; used by the CLI (actor null: the machine's operator) and by managers. Without a
     * password one is made for the sign-in slip and returned once (`password`); it is stored only hashed.
     */
    async createAccount(
      actor: Actor | null,
      input: {
        username: string;
        displayName: string;
        password?: string | undefined;
        role: Role;
        scopePlaceId: number;
        scopeBuildingIds?: number[] | null | undefined;
      },
    ): Promise<PublicAccount & { oneTimePassword?: string }> {
      await checkGrant(db, actor, input);
      const generated = input.password === undefined ? slipPassword() : undefined;
      const password = input.password ?? (generated as string);
      if (!isAcceptablePassword(password, input.username))
        throw new AppError('weak_password', {}, 'password');
      if (await repo.findAccountByUsername(db, input.username))
        throw new AppError('duplicate_username', {}, 'username');
      const passwordHash = await hashPassword(password);
      const row = await db.transaction(async (tx) => {
        const inserted = await repo.insertAccount(tx, {
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          role: input.role,
          scopePlaceId: input.scopePlaceId,
          scopeBuildingIds: input.scopeBuildingIds?.length ? [...new Set(input.scopeBuildingIds)] : null,
        });
        await audit.record(
          actor,
          {
            action: 'account_create',
            entity: 'account',
            entityId: inserted.id,
            detail: {
              username: inserted.username,
              displayName: inserted.displayName,
              role: inserted.role,
              scopePlaceId: inserted.scopePlaceId,
              scopeBuildingIds: inserted.scopeBuildingIds,
              passwordMadeBy: generated ? 'system' : 'creator',
            },
          },
          tx,
        );
        return inserted;
      });
      const account = await toPublic(row);
      return generated ? { ...account, oneTimePassword: generated } : account;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
