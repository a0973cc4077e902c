// How care needs and tasks are answered: staff see the task; a helper's phone only what the task needs.
import { maskName } from '../../../shared/campaigns';
import type { CareOutcome, CareTaskKind, CareTaskStatus } from '../../../shared/helpers';
import type { CareNeed, CareTask, MyCareTask } from '../../../shared/helpers/helpers-responses';
import type * as care from './care.repo';

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

export function needView(row: care.NeedRow): CareNeed {
  return {
    id: row.id,
    communityId: row.community_id,
    residentId: row.resident_id,
    name: row.name,
    buildingName: row.building_name ?? '',
    compoundName: row.compound_name,
    room: row.room ?? '',
    tags: row.tags,
    contactEveryDays: row.contact_every_days,
    lastContactAt: iso(row.last_contact_at),
    dueAt: new Date(row.due_at).toISOString(),
    overdue: row.overdue,
  };
}

export function taskView(row: care.TaskRow): CareTask {
  return {
    id: row.id,
    communityId: row.community_id,
    buildingId: row.building_id,
    buildingName: row.building_name,
    compoundName: row.compound_name,
    room: row.room,
    residentId: row.resident_id,
    residentName: row.resident_name,
    kind: row.kind as CareTaskKind,
    what: row.what,
    status: row.status as CareTaskStatus,
    offeredAt: new Date(row.offered_at).toISOString(),
    helperId: row.helper_id,
    helperName: row.helper_name,
    acceptedAt: iso(row.accepted_at),
    escalatedAt: iso(row.escalated_at),
    outcome: row.outcome as CareOutcome | null,
    photoId: row.photo_public_id,
    notes: row.notes,
    doneAt: iso(row.done_at),
    minutes: row.minutes,
  };
}

/** What a helper's phone shows: the address, a masked name and phone, what to bring — nothing else. */
export function myTaskView(row: care.TaskRow, helperId: number | null): MyCareTask {
  return {
    id: row.id,
    communityId: row.community_id,
    kind: row.kind as CareTaskKind,
    what: row.what,
    status: row.status as CareTaskStatus,
    address: row.address,
    personName: maskName(row.resident_name),
    phoneMasked: row.phone_masked,
    offeredAt: new Date(row.offered_at).toISOString(),
    mine: helperId != null && row.helper_id === helperId,
    outcome: row.outcome as CareOutcome | null,
    doneAt: iso(row.done_at),
  };
}
