import { z } from 'zod';
import { ActorKind } from '../generated/prisma/enums';
import { safeString } from '../platform/safe-text';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** Filters shared by the tenant's and the staff's audit log, the page and the CSV export. */
export const auditFilterShape = {
  /** An actor's email (any case) or user id; matches the acting user or the staff member acting as them. */
  actor: safeString().trim().max(320).optional(),
  action: safeString().trim().max(100).optional(),
  targetType: safeString().trim().max(100).optional(),
  targetId: safeString().trim().max(200).optional(),
  /** Inclusive local dates: the tenant's billing timezone for tenants, UTC for staff. */
  from: localDate.optional(),
  to: localDate.optional(),
};

export const auditListInput = z.strictObject({
  ...auditFilterShape,
  /** Opaque keyset cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(200).nullish(),
  /** Sent by TanStack's infinite queries through tRPC; pages only go forward. */
  direction: z.enum(['forward']).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type AuditListInput = z.output<typeof auditListInput>;

/** Staff see every tenant's rows (and platform-wide ones); `tenantId` narrows to one tenant. */
export const staffAuditListInput = auditListInput.extend({ tenantId: safeString().trim().max(100).optional() });
export type StaffAuditListInput = z.output<typeof staffAuditListInput>;

export type AuditFilter = {
  actor?: string | undefined; action?: string | undefined; targetType?: string | undefined; targetId?: string | undefined;
  from?: string | undefined; to?: string | undefined; tenantId?: string | undefined;
};

const person = z.object({ id: z.string(), email: z.string().nullable() });

export const auditRow = z.object({
  id: z.string(),
  tenantId: z.string().nullable(),
  createdAt: z.date(),
  actorKind: z.enum(ActorKind),
  actor: person.nullable(),
  apiKeyId: z.string().nullable(),
  /** Set when staff acted as the tenant: who, and the reason they gave when the impersonation started. */
  impersonator: person.extend({ reason: z.string().nullable() }).nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  before: z.json().nullable(),
  after: z.json().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditRow = z.infer<typeof auditRow>;

export const auditPage = z.object({ items: z.array(auditRow), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof auditPage>;

/** The CSV export's query string: the same filters, no paging (every matching row is written). */
export const auditExportQuery = z.strictObject(auditFilterShape);
export const staffAuditExportQuery = z.strictObject({ ...auditFilterShape, tenantId: safeString().trim().max(100).optional() });
