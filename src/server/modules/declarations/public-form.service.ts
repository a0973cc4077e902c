import { randomBytes } from 'node:crypto';
import { beijingToday, PERSON_STATUS_ADVICE, PERSON_STATUS_LABELS } from '../../../shared/declarations';
import { checkIdentity, type IdentityInput } from '../../../shared/people/resident-input';
import type { Database, DbOrTx } from '../../db/database';
import { createWriteBatcher } from '../../db/write-batcher';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { Vault } from '../../privacy/vault';
import type { AuditService } from '../audit/audit.service';
import { updateResident } from '../people/people.repo';
import { sealIdentity, sealPhone } from '../people/people.service';
import {
  type DoorInsert,
  doorKey,
  ensureHouseholdsAtDoors,
  insertResidentsBulk,
  residentsByDocHashes,
} from '../people/people-bulk.repo';
import { findPlace } from '../places/places.repo';
import type { PlacesService } from '../places/places.service';
import { writeDeclarationBatch } from './declarations.repo';
import type { DeclarationAnswers, DeclarationsService, RecordedDeclaration } from './declarations.service';
import { type PreparedDeclaration, prepareDeclarations, recordedOf } from './declarations-writer';
import type { FormVersionsService } from './form-versions.service';
import * as posters from './posters.repo';
import { registerAndDeclare } from './public-form.repo';

/**
 * What the resident keeps to quote: the Beijing date of the declaration and its id. (The date in UTC
 * would be the day before for anyone declaring between midnight and 8 am.)
 */
export function receiptNumber(declared: { id: number; declaredAt: string }): string {
  return `${beijingToday(new Date(declared.declaredAt)).replace(/-/g, '')}-${String(declared.id).padStart(6, '0')}`;
}

/** A submit that passed every check that needs no database, waiting for its batch. */
interface CheckedSubmit {
  communityId: number;
  person: { name: string; gender: string | null; birthDate: string | null; phone: string | null };
  docType: string;
  sealed: ReturnType<typeof sealIdentity>;
  door: DoorInsert | null;
  newcomerNote: string | null;
  /** Judged and sealed before it waits: the batch only writes. */
  declaration: PreparedDeclaration;
}

export interface PublicDeclarationInput extends DeclarationAnswers {
  token: string;
  person: IdentityInput;
  address:
    | { buildingId: number; entranceId?: number | null | undefined; room: string }
    | { newcomer: true; note?: string | undefined };
  consent: boolean;
}

/**
 * The resident's own form, reached through a poster's token (no account). A person is found by the
 * keyed hash of their ID number, so declaring twice updates them; someone new lands in the registry
 * marked unverified, for staff to confirm.
 */
export function createPublicFormService(
  database: Database,
  vault: Vault,
  audit: AuditService,
  places: PlacesService,
  declarations: DeclarationsService,
  formVersions: FormVersionsService,
) {
  const { db } = database;
  // A poster is read by every resident who scans it, so what it leads to is kept for a few seconds.
  // Revoking on this instance drops it at once; other instances follow within POSTER_CACHE_MS.
  const POSTER_CACHE_MS = 10_000;
  const cache = new Map<string, { until: number; value: Promise<LivePoster> }>();

  async function loadPoster(token: string) {
    const poster = await posters.findByToken(db, token);
    if (!poster) throw new AppError('poster_unknown');
    if (poster.revokedAt) throw new AppError('poster_revoked');
    const place = await findPlace(db, poster.placeId);
    const community = place?.communityId ? await findPlace(db, place.communityId) : undefined;
    if (!place || !community) throw new AppError('poster_unknown');
    const buildings = await posters.buildingsUnder(
      db,
      poster.communityId,
      `${place.path}${place.id}/`,
      place.id,
    );
    return { poster, place, community, buildings };
  }
  type LivePoster = Awaited<ReturnType<typeof loadPoster>>;

  function livePoster(token: string): Promise<LivePoster> {
    const hit = cache.get(token);
    if (hit && hit.until > Date.now()) return hit.value;
    const value = loadPoster(token);
    cache.set(token, { until: Date.now() + POSTER_CACHE_MS, value });
    value.catch(() => cache.delete(token));
    if (cache.size > 1000) cache.delete(cache.keys().next().value as string);
    return value;
  }

  async function offeredBuildings(token: string) {
    return (await livePoster(token)).buildings;
  }

  /** The door the resident picked, checked against the poster's buildings; null for a newcomer. */
  function doorOf(
    communityId: number,
    offered: Awaited<ReturnType<typeof offeredBuildings>>,
    address: PublicDeclarationInput['address'],
  ): DoorInsert | null {
    if ('newcomer' in address) return null;
    const building = offered.find((b) => b.id === address.buildingId);
    if (!building) throw new AppError('validation_failed', { detail: '请选择楼栋' }, 'address.buildingId');
    const entranceId = address.entranceId ?? null;
    if (entranceId !== null && !building.entrances.some((e) => e.id === entranceId)) {
      throw new AppError('validation_failed', { detail: '请选择单元' }, 'address.entranceId');
    }
    if (building.entrances.length > 0 && entranceId === null) {
      throw new AppError('validation_failed', { detail: '请选择单元' }, 'address.entranceId');
    }
    return {
      communityId,
      buildingId: building.id,
      entranceId,
      room: address.room.trim(),
      notes: '居民自行填报，待核实',
    };
  }

  // Residents scan a poster in waves (a notice in the building's chat group): concurrent submits are
  // written together, ONE statement per batch (`registerAndDeclare`). PostgreSQL takes two batches at
  // once (one being written while the next is prepared; more only made smaller batches and slower
  // answers on our two-core machines); the embedded database runs one statement at a time anyway. A
  // submit the batch could not settle is answered null and takes the slow way on its own.
  const batcher = createWriteBatcher<CheckedSubmit, RecordedDeclaration | null>({
    maxBatch: 100,
    maxInFlight: database.kind === 'postgres' ? 2 : 1,
    run: writeSubmits,
  });

  const selfDeclared = (i: CheckedSubmit) => ({
    door: i.door,
    resident: {
      communityId: i.communityId,
      name: i.person.name,
      gender: i.person.gender,
      birthDate: i.person.birthDate,
      docType: i.docType,
      ...i.sealed,
      relationToHead: 'other',
      residenceType: i.door ? 'registered' : 'floating',
      notes: i.door ? null : i.newcomerNote,
    },
  });
  const REGISTERED_BY_FORM = '居民自行登记';

  /**
   * The slow way, statement by statement in one transaction, for the rare person the batch statement
   * could not settle (someone else was creating their door or registering them at that very moment).
   */
  async function writeOneByOne(tx: DbOrTx, item: CheckedSubmit): Promise<RecordedDeclaration> {
    const [found] = await residentsByDocHashes(tx, [
      { communityId: item.communityId, docHash: item.sealed.docHash },
    ]);
    let resident: { id: number; communityId: number };
    if (found) {
      resident = found;
      // The registry had no phone for them: the one they typed is the best there is.
      if (!found.phoneHash && item.sealed.phoneHash)
        await updateResident(tx, found.id, found.version, sealPhone(vault, item.person.phone));
    } else {
      const doors = await ensureHouseholdsAtDoors(tx, item.door ? [item.door] : []);
      const [inserted] = await insertResidentsBulk(
        tx,
        [
          {
            ...selfDeclared(item).resident,
            householdId: item.door ? (doors.get(doorKey(item.door)) ?? null) : null,
            tags: [],
            verified: false,
          },
        ],
        { reason: REGISTERED_BY_FORM, byAccountId: null },
      );
      if (!inserted) throw new Error('resident neither found nor created');
      resident = inserted;
    }
    const [row] = await writeDeclarationBatch(tx, [{ ...item.declaration.write, residentId: resident.id }]);
    if (!row) throw new Error('declaration not written');
    return recordedOf(item.declaration, row);
  }

  /** A batch of submits: people found or registered by ID hash and every declaration recorded, in one go. */
  async function writeSubmits(items: CheckedSubmit[]): Promise<Array<RecordedDeclaration | null>> {
    const written = await registerAndDeclare(
      db,
      items.map(selfDeclared),
      items.map((i) => i.declaration.write),
      { reason: REGISTERED_BY_FORM },
    );
    const byOrd = new Map(written.map((w) => [w.ord, w]));
    return items.map((item, i) => {
      const row = byOrd.get(i + 1);
      return row ? recordedOf(item.declaration, row) : null;
    });
  }

  return {
    async posterInfo(token: string) {
      const { place, community, buildings } = await livePoster(token);
      return {
        poster: { communityName: community.name, placeName: place.name, placeKind: place.kind },
        buildings,
        form: await formVersions.inForce(community.id),
      };
    },

    async submit(input: PublicDeclarationInput) {
      const { poster } = await livePoster(input.token);
      if (!input.consent) throw new AppError('consent_required', {}, 'consent');
      const identity = checkIdentity(input.person);
      if (!identity.ok) {
        const first = identity.issues[0];
        throw new AppError(
          'validation_failed',
          { detail: first?.message.zh ?? '' },
          `person.${first?.field ?? 'name'}`,
        );
      }
      const person = identity.value;
      const sealed = sealIdentity(vault, person.docNumber, person.phone);
      // Everything read through the pool is read before any write (see declarations.basis).
      const [offered, basis, form] = await Promise.all([
        offeredBuildings(input.token),
        declarations.basis(),
        formVersions.accept(poster.communityId, input.formVersionId, input.extra),
      ]);
      // Checked, judged and sealed here, each request on its own, so a batch holds the database only
      // for writing.
      const [declaration] = prepareDeclarations(
        vault,
        [{ communityId: poster.communityId, input, channel: 'self', actor: null, form }],
        basis,
      );
      if (!declaration) throw new Error('nothing prepared');
      const checked: CheckedSubmit = {
        communityId: poster.communityId,
        person,
        docType: input.person.docType,
        sealed,
        door: doorOf(poster.communityId, offered, input.address),
        newcomerNote: 'newcomer' in input.address ? (input.address.note ?? null) : null,
        declaration,
      };
      const outcome =
        (await batcher.add(checked)) ?? (await db.transaction((tx) => writeOneByOne(tx, checked)));
      return {
        receiptNo: receiptNumber(outcome),
        status: outcome.status,
        statusLabel: PERSON_STATUS_LABELS[outcome.status],
        reason: outcome.reason,
        advice: PERSON_STATUS_ADVICE[outcome.status],
        observationUntil: outcome.observationUntil,
        declaredAt: outcome.declaredAt,
      };
    },

    async listPosters(actor: Actor, communityId?: number) {
      const rows = await posters.listInScope(db, actor.scope, communityId);
      return rows.map((r) => ({
        id: r.poster.id,
        token: r.poster.token,
        placeId: r.poster.placeId,
        placeName: r.placeName,
        placeKind: r.placeKind,
        path: `/r/p/${r.poster.token}`,
        createdAt: r.poster.createdAt.toISOString(),
        revokedAt: r.poster.revokedAt?.toISOString() ?? null,
      }));
    },

    async createPoster(actor: Actor, placeId: number) {
      const place = await places.loadVisible(actor, placeId);
      if (
        !place.communityId ||
        !['community', 'compound', 'building', 'bungalow_area'].includes(place.kind)
      ) {
        throw new AppError('validation_failed', { detail: '二维码只能贴在社区、小区或楼栋' }, 'placeId');
      }
      // 128 random bits: unguessable, short enough for a QR code a phone camera reads at a glance.
      const token = randomBytes(16).toString('base64url');
      const row = await db.transaction(async (tx) => {
        const created = await posters.insertPoster(tx, {
          communityId: place.communityId as number,
          placeId,
          token,
          createdBy: actor.accountId,
        });
        await audit.record(
          actor,
          { action: 'create', entity: 'poster', entityId: created.id, communityId: created.communityId },
          tx,
        );
        return created;
      });
      return (await this.listPosters(actor, row.communityId)).find((p) => p.id === row.id);
    },

    async revokePoster(actor: Actor, id: number) {
      const poster = await posters.findInScope(db, actor.scope, id);
      if (!poster) throw new AppError('not_found');
      cache.delete(poster.token);
      await db.transaction(async (tx) => {
        await posters.revoke(tx, id);
        await audit.record(
          actor,
          {
            action: 'update',
            entity: 'poster',
            entityId: id,
            communityId: poster.communityId,
            detail: { revoked: true },
          },
          tx,
        );
      });
    },
  };
}

export type PublicFormService = ReturnType<typeof createPublicFormService>;
