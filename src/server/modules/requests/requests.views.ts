import type {
  ExclusionReason,
  ExclusionState,
  RequestChannel,
  RequestEventKind,
  RequestStatus,
  Satisfaction,
} from '../../../shared/requests';
import type { EventRow, RequestRow } from './requests.repo';

export interface RequestNames {
  categoryName: string;
  communityName: string;
  placeName: string | null;
  assigneeName: string | null;
}

/** A request as staff see it: the phone only masked, the deadlines for the countdown. */
export function requestView(row: RequestRow, names: RequestNames) {
  return {
    id: row.id,
    communityId: row.communityId,
    communityName: names.communityName,
    placeId: row.placeId,
    placeName: names.placeName,
    householdId: row.householdId,
    residentId: row.residentId,
    requesterName: row.requesterName,
    phoneMasked: row.phoneMasked,
    categoryId: row.categoryId,
    categoryName: names.categoryName,
    text: row.text,
    channel: row.channel as RequestChannel,
    orderNumber: row.orderNumber,
    contactPreference: row.contactPreference,
    status: row.status as RequestStatus,
    receivedAt: row.receivedAt.toISOString(),
    contactDeadline: row.contactDeadline.toISOString(),
    resolveDeadline: row.resolveDeadline.toISOString(),
    signedAt: row.signedAt?.toISOString() ?? null,
    contactedAt: row.contactedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    explanation: row.explanation,
    assigneeId: row.assigneeId,
    assigneeName: names.assigneeName,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    escalationReason: row.escalationReason,
    callbackAt: row.callbackAt?.toISOString() ?? null,
    callbackResolved: row.callbackResolved,
    satisfaction: (row.satisfaction as Satisfaction | null) ?? null,
    failedCallbacks: row.failedCallbacks,
    exclusionReason: (row.exclusionReason as ExclusionReason | null) ?? null,
    exclusionState: (row.exclusionState as ExclusionState | null) ?? null,
    exclusionNote: row.exclusionNote,
    reopenCount: row.reopenCount,
    version: row.version,
  };
}

export function timelineView(e: EventRow) {
  return {
    id: e.id,
    kind: e.kind as RequestEventKind,
    at: e.at.toISOString(),
    accountName: e.accountName,
    note: e.note,
    detail: e.detail,
  };
}
