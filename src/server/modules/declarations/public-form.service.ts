import { randomBytes } from 'node:crypto';
import {
  PERSON_STATUS_ADVICE,
  PERSON_STATUS_LABELS,
  PERSON_STATUSES,
  type PersonStatus,
} from '../../../shared/declarations';
import { checkIdentity, type IdentityInput } from '../../../shared/people/resident-input';
import type { ChangeBus } from '../../db/change-bus';
import type { Database } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { Vault } from '../../privacy/vault';
import type { AuditService } from '../audit/audit.service';
import { sealIdentity } from '../people/people.service';
import type { DoorInsert } from '../people/people-bulk.repo';
import { findPlace } from '../places/places.repo';
import type { PlacesService } from '../places/places.service';
import { RECEIPT_NOTICE, receiptNumber } from './declaration-receipt';
import type { DeclarationAnswers, DeclarationsService } from './declarations.service';
import type { WrittenDeclaration } from './declarations-batch.repo';
import { type PreparedDeclaration, prepareDeclarations } from './declarations-writer';
import type { FormVersionsService } from './form-versions.service';
import * as posters from './posters.repo';
import { type CheckedSubmit, createSubmitWriter } from './public-form-writer';

/**
 * What the resident is told: what their answers lead to (a repeat of a client id: the first submit's)
 * and the advice that goes with it — safety advice, not a claim that any status changed.
 */
function receiptOf(prepared: PreparedDeclaration, written: WrittenDeclaration) {
  const same = written.status === prepared.outcome.status;
  const status = (PERSON_STATUSES as readonly string[]).includes(written.status)
    ? (written.status as PersonStatus)
    : prepared.outcome.status;
  return {
    receiptNo: receiptNumber({ id: written.id, declaredAt: written.declaredAt.toISOString() }),
    status,
    statusLabel: PERSON_STATUS_LABELS[status],
    reason: same ? prepared.outcome.reason : PERSON_STATUS_LABELS[status],
    advice: PERSON_STATUS_ADVICE[status],
    observationUntil: same ? prepared.outcome.observationUntil : null,
    declaredAt: written.declaredAt.toISOString(),
    notice: RECEIPT_NOTICE,
  };
}

export interface PublicDeclarationInput extends DeclarationAnswers {
  token: string;
  person: IdentityInput;
  address:
    | { buildingId: number; entranceId?: number | null | undefined; room: string }
    | { newcomer: true; note?: string | undefined };
  consent: boolean;
  /** Made on the phone and kept with the draft: a re-send of the same submit is stored once. */
  clientId: string;
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
  bus?: ChangeBus,
) {
  const { db } = database;
  // A poster is read by every resident who scans it, so what it leads to is kept for a few seconds.
  // Revoking drops it at once on every instance (a change notice, db/change-bus.ts); so does a change
  // of places, which may change the buildings it offers. POSTER_CACHE_MS bounds a lost notice.
  const POSTER_CACHE_MS = 10_000;
  const cache = new Map<string, { until: number; value: Promise<LivePoster> }>();
  bus?.on('poster', (change) => cache.delete(change.t));
  bus?.on('places', () => cache.clear());
  bus?.onResync(() => cache.clear());

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

  // Residents scan a poster in waves (a notice in the building's chat group): see public-form-writer.ts.
  const writer = createSubmitWriter(database, vault);

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
      const checked = await this.prepare(input);
      return receiptOf(checked.declaration, await writer.write(checked));
    },

    /** Everything about a submit that needs no write: checked, judged by the rules and sealed. */
    async prepare(input: PublicDeclarationInput): Promise<CheckedSubmit> {
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
        declarations.basis(poster.communityId),
        formVersions.accept(poster.communityId, input.formVersionId, input.extra),
      ]);
      // Checked, judged and sealed here, each request on its own, so a batch holds the database only
      // for writing.
      const [declaration] = prepareDeclarations(
        vault,
        [
          {
            communityId: poster.communityId,
            input,
            channel: 'self',
            actor: null,
            form,
            clientId: input.clientId,
            typedName: person.name,
          },
        ],
        basis,
      );
      if (!declaration) throw new Error('nothing prepared');
      return {
        communityId: poster.communityId,
        person,
        docType: input.person.docType,
        sealed,
        door: doorOf(poster.communityId, offered, input.address),
        newcomerNote: 'newcomer' in input.address ? (input.address.note ?? null) : null,
        declaration,
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
      const created = (await this.listPosters(actor, row.communityId)).find((p) => p.id === row.id);
      if (!created) throw new AppError('not_found');
      return created;
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
