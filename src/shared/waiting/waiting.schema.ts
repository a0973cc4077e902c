import { type Static, Type } from 'typebox';

/**
 * GET /api/waiting: what waits for the signed-in account, counted within its scope — the side menu's
 * badges. A count is present only when the account may act on it (a volunteer gets none of them).
 * Counts stop at WAITING_CAP: a badge says "99+" long before that, and counting further costs time.
 */
export const WaitingCountsSchema = Type.Object({
  /** Residents who registered themselves (QR form) and no staff member has confirmed yet. */
  selfRegistrations: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Residents' own declarations waiting for staff to confirm or reject. */
  declarationReviews: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Open requests (接诉即办) past their next deadline. */
  requestsOverdue: Type.Optional(Type.Integer({ minimum: 0 })),
});

export const WAITING_CAP = 1000;

export type WaitingCounts = Static<typeof WaitingCountsSchema>;
