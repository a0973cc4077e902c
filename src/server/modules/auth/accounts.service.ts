import type { AccountItem, AccountStatus, OneTimePassword } from '../../../shared/auth/accounts';
import { GRANTABLE_ROLES, type Role } from '../../../shared/auth/roles';
import type { PlaceKind } from '../../../shared/places/place-kinds';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { checkGrant, slipPassword } from './account-rules';
import * as accountsRepo from './accounts.repo';
import * as repo from './auth.repo';
import type { AuthService } from './auth.service';
import { hashPassword } from './passwords';
import { placeInScope } from './scope';

export interface AccountChange {
  displayName?: string | undefined;
  role?: Role | undefined;
  scopePlaceId?: number | undefined;
  scopeBuildingIds?: number[] | null | undefined;
}

export interface AccountQuery {
  role?: Role | undefined;
  status?: AccountStatus | undefined;
  placeId?: number | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

type Row = NonNullable<Awaited<ReturnType<typeof accountsRepo.findAccountWithPlace>>>;

/**
 * The accounts page: managers (accounts.manage) list the accounts of their area and change those below
 * them. Every rule is the server's: an account outside the caller's scope answers 404 like one that does
 * not exist; one at or above the caller's role, or the caller's own, is read-only (403).
 */
export function createAccountsService(db: Db, auth: AuthService, audit: AuditService) {
  async function toItems(
    actor: Actor,
    rows: Array<Pick<Row, 'account'> & { place: { name: string; kind: string } }>,
  ) {
    const buildings = await accountsRepo.loadBuildings(
      db,
      rows.flatMap((r) => r.account.scopeBuildingIds ?? []),
    );
    return rows.map(
      ({ account, place }): AccountItem => ({
        id: account.id,
        username: account.username,
        displayName: account.displayName,
        role: account.role as Role,
        scopePlaceId: account.scopePlaceId,
        scopePlaceName: place.name,
        scopePlaceKind: place.kind as PlaceKind,
        buildings:
          account.scopeBuildingIds?.map(
            (id) => buildings.get(id) ?? { id, name: `#${id}`, compoundName: null },
          ) ?? null,
        disabled: account.disabledAt !== null,
        createdAt: account.createdAt.toISOString(),
        manageable:
          account.id !== actor.accountId && GRANTABLE_ROLES[actor.role].includes(account.role as Role),
      }),
    );
  }

  async function itemOf(actor: Actor, id: number): Promise<AccountItem> {
    const row = await accountsRepo.findAccountWithPlace(db, id);
    if (!row) throw new AppError('not_found');
    const [item] = await toItems(actor, [row]);
    return item as AccountItem;
  }

  /** An account the caller may change: in scope (else 404), below them and not their own (else 403). */
  async function managed(actor: Actor, id: number): Promise<Row> {
    const row = await accountsRepo.findAccountWithPlace(db, id);
    if (!row || !placeInScope(actor.scope, row.place)) throw new AppError('not_found');
    if (row.account.id === actor.accountId) throw new AppError('cannot_change_own_account');
    if (!GRANTABLE_ROLES[actor.role].includes(row.account.role as Role))
      throw new AppError('role_not_grantable');
    return row;
  }

  return {
    async list(actor: Actor, query: AccountQuery) {
      let place: { id: number; path: string } | undefined;
      if (query.placeId !== undefined) {
        const loaded = await repo.loadScopePlaces(db, query.placeId);
        // A place elsewhere filters to nothing, as a place that does not exist would.
        place = loaded && placeInScope(actor.scope, loaded.place) ? loaded.place : { id: -1, path: '/-1/' };
      }
      const { rows, total } = await accountsRepo.listAccounts(db, actor.scope, { ...query, place });
      return { items: await toItems(actor, rows), total };
    },

    async get(actor: Actor, id: number) {
      const row = await accountsRepo.findAccountWithPlace(db, id);
      if (!row || !placeInScope(actor.scope, row.place)) throw new AppError('not_found');
      return itemOf(actor, id);
    },

    /** Name, role and scope; a change of role or scope is checked as a new grant would be. */
    async update(actor: Actor, id: number, change: AccountChange): Promise<AccountItem> {
      const { account } = await managed(actor, id);
      const role = change.role ?? (account.role as Role);
      const scopePlaceId = change.scopePlaceId ?? account.scopePlaceId;
      // Buildings follow the role: a volunteer made a guard loses them; a new place drops the old ones.
      const keepBuildings = change.scopePlaceId === undefined || change.scopePlaceId === account.scopePlaceId;
      let scopeBuildingIds =
        change.scopeBuildingIds !== undefined
          ? change.scopeBuildingIds?.length
            ? [...new Set(change.scopeBuildingIds)]
            : null
          : keepBuildings
            ? account.scopeBuildingIds
            : null;
      if (role !== 'volunteer' && change.scopeBuildingIds === undefined) scopeBuildingIds = null;
      await checkGrant(db, actor, { role, scopePlaceId, scopeBuildingIds });
      const next = {
        displayName: change.displayName ?? account.displayName,
        role,
        scopePlaceId,
        scopeBuildingIds,
      };
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of Object.keys(next) as Array<keyof typeof next>) {
        const before = account[key];
        if (JSON.stringify(before) !== JSON.stringify(next[key]))
          changes[key] = { from: before, to: next[key] };
      }
      if (Object.keys(changes).length > 0) {
        await db.transaction(async (tx) => {
          await repo.updateAccount(tx, id, next);
          await audit.record(
            actor,
            {
              action: 'account_update',
              entity: 'account',
              entityId: id,
              detail: { username: account.username, changes },
            },
            tx,
          );
        });
        // This instance's cached sessions carry the old role and scope; others refresh within seconds.
        auth.forgetAccount(id);
        auth.invalidateScopes();
      }
      return itemOf(actor, id);
    },

    /** Disabling ends every session of the account at once (the rows go; this instance's cache too). */
    async setDisabled(actor: Actor, id: number, disabled: boolean): Promise<AccountItem> {
      const { account } = await managed(actor, id);
      if ((account.disabledAt !== null) !== disabled) {
        await db.transaction(async (tx) => {
          await repo.updateAccount(tx, id, { disabledAt: disabled ? new Date() : null });
          if (disabled) await repo.deleteSessionsOf(tx, id);
          await audit.record(
            actor,
            {
              action: disabled ? 'account_disable' : 'account_enable',
              entity: 'account',
              entityId: id,
              detail: { username: account.username },
            },
            tx,
          );
        });
        auth.forgetAccount(id);
      }
      return itemOf(actor, id);
    },

    /** A new password, returned once for the slip; the account's sessions end (a lost phone stays out). */
    async resetPassword(actor: Actor, id: number): Promise<OneTimePassword> {
      const { account } = await managed(actor, id);
      const password = slipPassword();
      const passwordHash = await hashPassword(password);
      await db.transaction(async (tx) => {
        await repo.updateAccount(tx, id, { passwordHash, passwordChangedAt: null });
        await repo.deleteSessionsOf(tx, id);
        await audit.record(
          actor,
          {
            action: 'account_password_reset',
            entity: 'account',
            entityId: id,
            detail: { username: account.username },
          },
          tx,
        );
      });
      auth.forgetAccount(id);
      return { account: await itemOf(actor, id), password };
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
