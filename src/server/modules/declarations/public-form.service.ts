import { randomBytes } from 'node:crypto';
import { PERSON_STATUS_ADVICE, PERSON_STATUS_LABELS } from '../../../shared/declarations';
import { checkIdentity, type IdentityInput } from '../../../shared/people/resident-input';
import type { Db, DbOrTx } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { Vault } from '../../privacy/vault';
import type { AuditService } from '../audit/audit.service';
import {
  findHouseholdByDoor,
  findResidentByDocHash,
  insertHousehold,
  insertMove,
  insertResident,
  updateResident,
} from '../people/people.repo';
import { sealIdentity, sealPhone } from '../people/people.service';
import { findPlace } from '../places/places.repo';
import type { PlacesService } from '../places/places.service';
import type { DeclarationAnswers, DeclarationsService } from './declarations.service';
import type { FormVersionsService } from './form-versions.service';
import * as posters from './posters.repo';

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
  db: Db,
  vault: Vault,
  audit: AuditService,
  places: PlacesService,
  declarations: DeclarationsService,
  formVersions: FormVersionsService,
) {
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

  /** The household behind the typed door, created when the building has no such door yet. */
  async function householdFor(
    tx: DbOrTx,
    communityId: number,
    offered: Awaited<ReturnType<typeof offeredBuildings>>,
    address: PublicDeclarationInput['address'],
  ) {
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
    const room = address.room.trim();
    const existing = await findHouseholdByDoor(tx, building.id, entranceId, room);
    if (existing) return existing.id;
    return (
      await insertHousehold(tx, {
        communityId,
        buildingId: building.id,
        entranceId,
        room,
        notes: '居民自行填报，待核实',
      })
    ).id;
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
      // Everything read through the pool is read before the transaction (see declarations.basis).
      const [offered, basis, form] = await Promise.all([
        offeredBuildings(input.token),
        declarations.basis(),
        formVersions.accept(poster.communityId, input.formVersionId, input.extra),
      ]);
      const outcome = await db.transaction(async (tx) => {
        let resident = await findResidentByDocHash(tx, poster.communityId, sealed.docHash);
        if (!resident) {
          const householdId = await householdFor(tx, poster.communityId, offered, input.address);
          resident = await insertResident(tx, {
            communityId: poster.communityId,
            householdId,
            name: person.name,
            gender: person.gender,
            birthDate: person.birthDate,
            docType: input.person.docType,
            ...sealed,
            residenceType: 'newcomer' in input.address ? 'floating' : 'registered',
            notes: 'newcomer' in input.address ? (input.address.note ?? null) : null,
            verified: false,
          });
          await insertMove(tx, {
            communityId: resident.communityId,
            residentId: resident.id,
            householdId,
            reason: '居民自行登记',
          });
        } else if (!resident.phoneHash && sealed.phoneHash) {
          // The registry had no phone for them: the one they typed is the best there is.
          await updateResident(tx, resident.id, resident.version, sealPhone(vault, person.phone));
        }
        return declarations.recordIn(tx, resident, input, 'self', null, basis, form);
      });
      return {
        receiptNo: `${outcome.declaredAt.slice(0, 10).replace(/-/g, '')}-${String(outcome.id).padStart(6, '0')}`,
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
