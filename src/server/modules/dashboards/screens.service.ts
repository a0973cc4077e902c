import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { placeInScope } from '../auth/scope';
import type { DashboardsService } from './dashboards.service';
import * as facts from './facts.repo';
import type { IndicatorRegistry } from './indicator-registry';

/** Counts of 1–4 are not shown on the wall (an aggregate must not point at a person). */
export const SUPPRESS_BELOW = 5;
/** What the wall shows: no rows, only these numbers. */
const WALL = [
  'people.residents',
  'declarations.today',
  'status.home_observation',
  'status.centralised_observation',
  'status.referred_to_clinic',
  'screening.coverage',
  'gate.in',
  'gate.out',
  'gate.fevers',
  'findings.open',
];

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
type LinkRow = {
  id: number;
  place_id: number;
  name: string;
  created_at: string | Date;
  revoked_at: string | Date | null;
};
const view = (r: LinkRow) => ({
  id: r.id,
  placeId: r.place_id,
  name: r.name,
  createdAt: new Date(r.created_at).toISOString(),
  revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
});

/** 数据大屏: read-only links to one place's aggregates, made and revoked by officers. */
export function createScreensService(
  database: Database,
  registry: IndicatorRegistry,
  dashboards: DashboardsService,
  audit: AuditService,
) {
  const { db } = database;

  async function placeOf(actor: Actor, placeId: number) {
    const place = await facts.placeById(db, placeId);
    if (!place || !placeInScope(actor.scope, place)) throw new AppError('not_found');
    return place;
  }

  const shown = (indicator: string, value: number | null | undefined) => {
    const kind = registry.get(indicator)?.kind;
    const v = value ?? null;
    const suppressed = kind !== 'ratio' && v !== null && v > 0 && v < SUPPRESS_BELOW;
    return { value: suppressed ? null : v, suppressed };
  };

  return {
    async create(actor: Actor, input: { placeId: number; name: string }) {
      const place = await placeOf(actor, input.placeId);
      const token = randomBytes(24).toString('base64url');
      const { rows } = await db.execute<LinkRow>(sql`
        insert into screen_links (place_id, name, token_hash, created_by)
        values (${place.id}, ${input.name}, ${hash(token)}, ${actor.accountId})
        returning id, place_id, name, created_at, revoked_at`);
      const screen = view(rows[0] as LinkRow);
      // Whoever holds the link sees the place's figures: who made one, for where, is on record.
      await audit.record(actor, {
        action: 'create',
        entity: 'screen_link',
        entityId: screen.id,
        communityId: place.community_id,
        detail: { placeId: place.id, name: input.name },
      });
      return { screen, token };
    },

    async list(actor: Actor, placeId: number) {
      const place = await placeOf(actor, placeId);
      const { rows } = await db.execute<LinkRow>(sql`
        select l.id, l.place_id, l.name, l.created_at, l.revoked_at from screen_links l
        join places p on p.id = l.place_id
        where l.place_id = ${place.id} or p.path like ${`${place.path}${place.id}/`} || '%'
        order by l.id desc`);
      return { items: rows.map(view) };
    },

    async revoke(actor: Actor, id: number) {
      const { rows: found } = await db.execute<{ place_id: number }>(
        sql`select place_id from screen_links where id = ${id}`,
      );
      if (!found[0]) throw new AppError('not_found');
      await placeOf(actor, found[0].place_id);
      const { rows } = await db.execute<LinkRow>(sql`
        update screen_links set revoked_at = coalesce(revoked_at, now()) where id = ${id}
        returning id, place_id, name, created_at, revoked_at`);
      const screen = view(rows[0] as LinkRow);
      await audit.record(actor, {
        action: 'update',
        entity: 'screen_link',
        entityId: screen.id,
        detail: { placeId: screen.placeId, revoked: true },
      });
      return { screen };
    },

    /** The wall's picture, by the link's token: aggregates of its place only, small counts suppressed. */
    async show(token: string) {
      const { rows } = await db.execute<{ place_id: number }>(sql`
        select place_id from screen_links where token_hash = ${hash(token)} and revoked_at is null`);
      const link = rows[0];
      if (!link) throw new AppError('not_found');
      const place = await facts.placeById(db, link.place_id);
      if (!place) throw new AppError('not_found');
      // The wall sees what an officer of that place sees, through the same reading (facts only above a community).
      const communities = await db.execute<{ id: number }>(sql`
        select id from places where kind = 'community'
          and (id = ${place.id} or path like ${`${place.path}${place.id}/`} || '%')`);
      const scope = {
        placeId: place.id,
        placePath: place.path,
        communityIds: communities.rows.map((r) => r.id),
        buildingIds: null,
      };
      const data = await dashboards.place({ scope } as Actor, place.id);
      const wall = WALL.filter((id) => registry.get(id));
      return {
        place: { name: data.place.name, kind: data.place.kind },
        day: data.day,
        asOf: data.asOf,
        stale: data.stale,
        tiles: wall.map((id) => {
          const tile = data.tiles.find((t) => t.indicator === id);
          const indicator = registry.get(id);
          return {
            indicator: id,
            name: indicator?.name.zh ?? id,
            unit: indicator?.unit.zh ?? '',
            ...shown(id, tile?.value),
          };
        }),
        children: data.children.map((c) => ({
          name: c.place.name,
          values: Object.fromEntries(
            wall.filter((id) => id in c.values).map((id) => [id, shown(id, c.values[id])]),
          ),
        })),
        trend: {
          days: data.trend.days,
          series: Object.fromEntries(
            ['declarations.today', 'gate.in', 'gate.fevers'].map((id) => [
              id,
              (data.trend.series[id] ?? []).map((v) => shown(id, v).value),
            ]),
          ),
        },
      };
    },
  };
}
export type ScreensService = ReturnType<typeof createScreensService>;
