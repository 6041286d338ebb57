import { prisma } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { badRequest } from '../errors';
import { startOfLocalDate } from '../time/zoned';
import type { AuditFilter, AuditPage, AuditRow } from './schema';

/** Where the caller may look: one tenant (its billing timezone reads the dates), or every row (staff, UTC). */
export type AuditScope = { tenantId: string; timeZone: string } | { tenantId: null; timeZone: 'UTC' };

type Cursor = { at: Date; id: string };

export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (!id || Number.isNaN(at.getTime())) throw badRequest('the cursor is not one this list gave out', 'INVALID_CURSOR');
  return { at, id };
}

/** The filters as a Prisma where clause; the tenant scope is always ANDed in, whatever the filters say. */
export async function auditWhere(filter: AuditFilter, scope: AuditScope): Promise<Prisma.AuditLogWhereInput> {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (scope.tenantId !== null) and.push({ tenantId: scope.tenantId });
  else if (filter.tenantId) and.push({ tenantId: filter.tenantId });
  if (filter.actor) {
    let userId = filter.actor;
    if (filter.actor.includes('@')) {
      const user = await prisma.user.findUnique({ where: { email: filter.actor.toLowerCase() }, select: { id: true } });
      userId = user?.id ?? '';
    }
    and.push({ OR: [{ actorUserId: userId }, { impersonatorUserId: userId }] });
  }
  if (filter.action) and.push({ action: filter.action });
  if (filter.targetType) and.push({ targetType: filter.targetType });
  if (filter.targetId) and.push({ targetId: filter.targetId });
  if (filter.from) and.push({ createdAt: { gte: startOfLocalDate(filter.from, scope.timeZone) } });
  if (filter.to) and.push({ createdAt: { lt: startOfLocalDate(filter.to, scope.timeZone, 1) } });
  return { AND: and };
}

const ROW_SELECT = {
  id: true, tenantId: true, createdAt: true, actorKind: true, actorUserId: true, apiKeyId: true, impersonatorUserId: true, impersonationId: true,
  action: true, targetType: true, targetId: true, before: true, after: true, ip: true, requestId: true,
} as const;

/** Newest first, keyset on (created_at, id): rows sharing a timestamp are neither repeated nor skipped across pages. */
async function readBatch(where: Prisma.AuditLogWhereInput, after: Cursor | null, take: number) {
  const keyset: Prisma.AuditLogWhereInput = after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {};
  return prisma.auditLog.findMany({ where: { AND: [where, keyset] }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take, select: ROW_SELECT });
}

type RawRow = Awaited<ReturnType<typeof readBatch>>[number];

/** Emails of the people named and the reasons given for the impersonations, in two queries per batch. */
async function present(rows: RawRow[]): Promise<AuditRow[]> {
  const userIds = [...new Set(rows.flatMap((r) => [r.actorUserId, r.impersonatorUserId]).filter((id): id is string => !!id))];
  const sessions = rows.filter((r) => r.impersonationId && r.tenantId).map((r) => ({ tenantId: r.tenantId!, id: r.impersonationId! }));
  const [users, impersonations] = await Promise.all([
    userIds.length ? prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }) : [],
    sessions.length ? prisma.impersonationSession.findMany({ where: { OR: sessions }, select: { tenantId: true, id: true, reason: true } }) : [],
  ]);
  const email = new Map(users.map((u) => [u.id, u.email]));
  const reason = new Map(impersonations.map((s) => [`${s.tenantId}|${s.id}`, s.reason]));
  return rows.map(({ actorUserId, impersonatorUserId, impersonationId, ...row }) => ({
    ...row,
    // Prisma's JsonValue is the same JSON, typed with optional object members.
    before: (row.before ?? null) as AuditRow['before'],
    after: (row.after ?? null) as AuditRow['after'],
    actor: actorUserId ? { id: actorUserId, email: email.get(actorUserId) ?? null } : null,
    impersonator: impersonatorUserId
      ? { id: impersonatorUserId, email: email.get(impersonatorUserId) ?? null, reason: (impersonationId && reason.get(`${row.tenantId}|${impersonationId}`)) || null }
      : null,
  }));
}

/** One page of the audit log within the scope. Read-only: the application never updates or deletes audit rows. */
export async function listAuditLog(input: AuditFilter & { cursor?: string | null | undefined; limit: number }, scope: AuditScope): Promise<AuditPage> {
  const where = await auditWhere(input, scope);
  const rows = await readBatch(where, input.cursor ? decodeCursor(input.cursor) : null, input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return { items: await present(page), nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null };
}

/** Every row matching the filters, read in batches of `batchSize` along the same keyset (for the streamed CSV). */
export async function* auditRowsInBatches(filter: AuditFilter, scope: AuditScope, batchSize = 500): AsyncGenerator<AuditRow[]> {
  const where = await auditWhere(filter, scope);
  let after: Cursor | null = null;
  for (;;) {
    const rows = await readBatch(where, after, batchSize);
    if (rows.length === 0) return;
    yield await present(rows);
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    after = { at: last.createdAt, id: last.id };
  }
}
