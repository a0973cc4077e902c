import { parseIdNumber, parsePhone } from '../../../shared/identity';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import type { Vault } from '../../privacy/vault';
import * as repo from './people.repo';
import { residentView } from './resident-view';
import { type WholeNumberSearchGuard, wholeNumberKind } from './whole-number-search';

export interface ResidentQuery {
  q?: string | undefined;
  communityId?: number | undefined;
  householdId?: number | undefined;
  tag?: string | undefined;
  unverified?: boolean | undefined;
  page: number;
  pageSize: number;
}

/** 居民查询: by name prefix, phone tail (four digits) or a whole number, always inside the scope. */
export function createResidentSearch(db: Db, vault: Vault, numberSearches: WholeNumberSearchGuard) {
  return {
    async search(actor: Actor, query: ResidentQuery) {
      const q = query.q?.trim() ?? '';
      const search: repo.ResidentSearch = {
        communityId: query.communityId,
        householdId: query.householdId,
        tag: query.tag,
        unverified: query.unverified,
        page: query.page,
        pageSize: query.pageSize,
      };
      const compact = q.replace(/[\s-]/g, '');
      // Only something with a digit can be a document or phone number; 'Smith' is a name.
      const wholeNumber = /^[0-9A-Za-z０-９Ｘｘ]{5,}$/.test(compact) && /[0-9０-９]/.test(compact);
      const kind = wholeNumber ? wholeNumberKind(compact) : null;
      if (kind) {
        await numberSearches.admit(actor, kind);
        // A whole document or phone number: found by its keyed hash, never by decrypting.
        const candidates = new Set<string>([compact.toUpperCase()]);
        const id = parseIdNumber('resident_id', compact);
        if (id.ok) candidates.add(id.normalized);
        const phone = parsePhone(compact);
        if (phone.ok) candidates.add(phone.normalized);
        search.hashes = [...candidates].map((value) => vault.hash(value));
        // Letters and digits may still be a name as typed (a foreign name with a number): try both.
        if (/[A-Za-z]/.test(compact)) search.name = q;
      } else if (/^\d{4}$/.test(compact)) search.phoneTail = compact;
      else if (q) search.name = q;
      const result = await repo.searchResidents(db, actor.scope, search);
      // The audit row is written before anyone sees the answer, as for a reveal.
      if (kind) {
        await numberSearches.record(
          actor,
          kind,
          result.items.map((row) => ({ id: row.resident.id, communityId: row.resident.communityId })),
        );
      }
      return {
        items: result.items.map((row) => residentView(row.resident, row)),
        total: result.total,
        totalCapped: result.totalCapped,
      };
    },
  };
}
