import { maskName } from '../../../shared/access';
import type { ObservationKind, ObservationReason } from '../../../shared/observation';
import type { AlertOut, ObservationOut } from '../../../shared/observation/observation-responses';
import { daysBetween } from '../../../shared/time/beijing';
import type { ObservationView } from './observation.repo';
import type { AlertView } from './observation-alerts.repo';

/** What staff see of an observation: the name masked, the day of the period counted from `today`. */
export function observationView(row: ObservationView, today: string): ObservationOut {
  return {
    id: row.id,
    communityId: row.community_id,
    residentId: row.resident_id,
    name: maskName(row.name),
    buildingName: row.building_name,
    compoundName: row.compound_name,
    room: row.room,
    kind: row.kind as ObservationKind,
    reason: row.reason as ObservationReason,
    note: row.note,
    dayOne: row.day_one,
    plannedEnd: row.planned_end,
    periodDays: row.period_days,
    dayOfPeriod: daysBetween(row.day_one, today) + 1,
    site: row.site,
    siteRoom: row.site_room,
    startedAt: new Date(row.started_at).toISOString(),
    endedAt: row.ended_at ? new Date(row.ended_at).toISOString() : null,
    endReason: row.end_reason,
    version: row.version,
    openAlerts: row.open_alerts,
  };
}

export function alertView(a: AlertView): AlertOut {
  return {
    id: a.id,
    communityId: a.community_id,
    observationId: a.observation_id,
    name: maskName(a.name),
    buildingName: a.building_name,
    compoundName: a.compound_name,
    room: a.room,
    temperature: a.temperature === null ? null : Number(a.temperature),
    raisedAt: new Date(a.raised_at).toISOString(),
    escalatedAt: a.escalated_at ? new Date(a.escalated_at).toISOString() : null,
    acknowledgedAt: a.acknowledged_at ? new Date(a.acknowledged_at).toISOString() : null,
  };
}
