import { and, count, eq, exists, inArray, isNull, or, type SQL, sql, sum } from 'drizzle-orm';
import { FINDING_PHOTO_PURPOSE } from '../../../shared/campaigns';
import { CARE_PHOTO_PURPOSE } from '../../../shared/helpers';
import { INSPECTION_PHOTO_PURPOSE, type PhotoPurpose } from '../../../shared/photos';
import type { DbOrTx } from '../../db/database';
import { dutyInspections } from '../access/duty.table';
import type { Scope } from '../auth/scope';
import { campaignFindings } from '../campaigns/campaigns.table';
import { careTasks } from '../helpers/helpers.table';
import { photos } from './photos.table';

export type PhotoRow = typeof photos.$inferSelect;

export async function insertPhoto(db: DbOrTx, values: typeof photos.$inferInsert): Promise<PhotoRow> {
  const rows = await db.insert(photos).values(values).returning();
  if (!rows[0]) throw new Error('insert returned nothing');
  return rows[0];
}

const ACCOUNT_UPLOADS = 0x5041;
const COMMUNITY_UPLOADS = 0x5043;

/**
 * Serialises uploads of one account and into one community until the transaction ends, so that the quota
 * counted next holds across server instances on one database. Always account first, then community.
 */
export async function lockUploads(tx: DbOrTx, accountId: number, communityId: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(${ACCOUNT_UPLOADS}, ${accountId})`);
  await tx.execute(sql`select pg_advisory_xact_lock(${COMMUNITY_UPLOADS}, ${communityId})`);
}

/** Photos the account uploaded since `since`, and bytes the community keeps in all. */
export async function usage(tx: DbOrTx, accountId: number, since: Date, communityId: number) {
  const [mine] = await tx
    .select({ n: count() })
    .from(photos)
    .where(and(eq(photos.createdBy, accountId), sql`${photos.createdAt} >= ${since.toISOString()}`));
  const [community] = await tx
    .select({ bytes: sum(photos.bytes) })
    .from(photos)
    .where(eq(photos.communityId, communityId));
  return { photosToday: Number(mine?.n ?? 0), communityBytes: Number(community?.bytes ?? 0) };
}

/** Who is asking for a photo, and which kinds of record their role may read. */
export interface PhotoViewer {
  accountId: number;
  scope: Scope;
  findings: boolean;
  inspections: boolean;
  care?: boolean;
}

/**
 * A photo by its public id, only when the viewer may see what it belongs to: a finding in a building of
 * their scope, an inspection of a gate of their community, or — not attached yet — their own upload.
 */
export async function findVisiblePhoto(db: DbOrTx, viewer: PhotoViewer, publicId: string) {
  if (viewer.scope.communityIds.length === 0) return undefined;
  const buildings = viewer.scope.buildingIds;
  const visible: Array<SQL | undefined> = [
    and(isNull(photos.attachedTo), eq(photos.createdBy, viewer.accountId)),
  ];
  if (viewer.findings)
    visible.push(
      and(
        eq(photos.purpose, FINDING_PHOTO_PURPOSE),
        exists(
          db
            .select({ one: sql`1` })
            .from(campaignFindings)
            .where(
              and(
                eq(campaignFindings.id, photos.attachedTo),
                eq(campaignFindings.communityId, photos.communityId),
                buildings
                  ? inArray(campaignFindings.buildingId, buildings.length ? buildings : [-1])
                  : undefined,
              ),
            ),
        ),
      ),
    );
  if (viewer.inspections)
    visible.push(
      and(
        eq(photos.purpose, INSPECTION_PHOTO_PURPOSE),
        exists(
          db
            .select({ one: sql`1` })
            .from(dutyInspections)
            .where(
              and(
                eq(dutyInspections.id, photos.attachedTo),
                eq(dutyInspections.communityId, photos.communityId),
              ),
            ),
        ),
      ),
    );
  if (viewer.care)
    visible.push(
      and(
        eq(photos.purpose, CARE_PHOTO_PURPOSE),
        exists(
          db
            .select({ one: sql`1` })
            .from(careTasks)
            .where(and(eq(careTasks.id, photos.attachedTo), eq(careTasks.communityId, photos.communityId))),
        ),
      ),
    );
  const rows = await db
    .select()
    .from(photos)
    .where(
      and(
        eq(photos.publicId, publicId),
        inArray(photos.communityId, viewer.scope.communityIds),
        or(...visible),
      ),
    )
    .limit(1);
  return rows[0];
}

/**
 * Which of these public ids the account may attach to a record of `purpose` in `communityId`: its own
 * uploads not attached yet, or photos already attached to that same record (`target`, on a re-check).
 * Returns public id → internal id; ids that do not qualify are simply absent.
 */
export async function attachablePhotos(
  db: DbOrTx,
  query: {
    communityId: number;
    purpose: PhotoPurpose;
    accountId: number;
    publicIds: string[];
    target?: number;
  },
): Promise<Map<string, number>> {
  if (query.publicIds.length === 0) return new Map();
  const rows = await db
    .select({ id: photos.id, publicId: photos.publicId })
    .from(photos)
    .where(
      and(
        eq(photos.communityId, query.communityId),
        eq(photos.purpose, query.purpose),
        inArray(photos.publicId, query.publicIds),
        or(
          and(isNull(photos.attachedTo), eq(photos.createdBy, query.accountId)),
          query.target === undefined ? undefined : eq(photos.attachedTo, query.target),
        ),
      ),
    );
  return new Map(rows.map((r) => [r.publicId, r.id]));
}

/**
 * Attaches the photos to `target` (a finding's or an inspection's id). False when one of them was attached
 * elsewhere in the meantime: the caller's transaction must then roll back.
 */
export async function attachPhotos(
  tx: DbOrTx,
  query: { purpose: PhotoPurpose; accountId: number; ids: number[]; target: number },
): Promise<boolean> {
  if (query.ids.length === 0) return true;
  const rows = await tx
    .update(photos)
    .set({ attachedTo: query.target })
    .where(
      and(
        inArray(photos.id, query.ids),
        eq(photos.purpose, query.purpose),
        or(
          and(isNull(photos.attachedTo), eq(photos.createdBy, query.accountId)),
          eq(photos.attachedTo, query.target),
        ),
      ),
    )
    .returning({ id: photos.id });
  return rows.length === query.ids.length;
}

/** SQL for the public ids of an `int[]` column of photo ids, in the column's order (for other repositories). */
export function publicPhotoIds(column: string): SQL {
  return sql`array(select p.public_id from unnest(${sql.raw(column)}) with ordinality as u(id, n)
    join photos p on p.id = u.id order by u.n)`;
}

/** The public id of one photo id (an inspection's photo). */
export async function publicIdOf(db: DbOrTx, id: number | null): Promise<string | null> {
  if (id === null) return null;
  const rows = await db.select({ publicId: photos.publicId }).from(photos).where(eq(photos.id, id));
  return rows[0]?.publicId ?? null;
}
