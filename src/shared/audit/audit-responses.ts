import { type Static, Type } from 'typebox';
import { Nullable } from '../api/responses';
import { AUDIT_LINK_KINDS, type AuditLinkKind } from './audit-parts';

// What GET /api/audit answers (src/server/modules/audit/audit.routes.ts).

export const AuditEntryOut = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  accountId: Nullable(Type.Integer()),
  accountName: Nullable(Type.String()),
  communityId: Nullable(Type.Integer()),
  action: Type.String(),
  entity: Type.String(),
  entityId: Nullable(Type.Integer()),
  reason: Nullable(Type.String()),
  /** What the action changed or looked at: counts, field names, before and after — never a sealed value. */
  detail: Nullable(Type.Record(Type.String(), Type.Unknown())),
  ip: Nullable(Type.String()),
  /** The entry as a sentence (audit-sentence.ts): pieces in both languages, named objects linked. */
  sentence: Type.Array(
    Type.Object({
      zh: Type.String(),
      en: Type.String(),
      link: Type.Optional(
        Type.Object({
          kind: Type.Unsafe<AuditLinkKind>(Type.Union(AUDIT_LINK_KINDS.map((k) => Type.Literal(k)))),
          id: Type.Integer(),
        }),
      ),
    }),
  ),
});
export type AuditEntry = Static<typeof AuditEntryOut>;

export const AuditPage = Type.Object({ items: Type.Array(AuditEntryOut), total: Type.Integer() });
export type AuditPage = Static<typeof AuditPage>;
