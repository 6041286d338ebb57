import { newId } from '../ids';
import { now } from '../clock';
import type { Prisma } from '../generated/prisma/client';
import type { Actor } from './actor';

type AuditWriter = { auditLog: { create: (args: { data: Prisma.AuditLogUncheckedCreateInput }) => Promise<unknown> } };

export type AuditEntry = {
  tenantId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
};

/** JSON-safe snapshot: Decimals and Dates become strings, secrets never reach here (callers pass selected fields). */
function snapshot(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_key, item) => (typeof item === 'bigint' ? item.toString() : item))) as Prisma.InputJsonValue;
}

/** Append-only: every mutation writes one row in the same transaction as the change itself. */
export async function recordAudit(db: AuditWriter, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      id: newId('aud'),
      tenantId: entry.tenantId,
      actorKind: actor.kind,
      actorUserId: actor.userId,
      apiKeyId: actor.apiKeyId,
      impersonatorUserId: actor.impersonatorUserId,
      impersonationId: actor.impersonationId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
      ip: actor.ip,
      userAgent: actor.userAgent,
      requestId: actor.requestId,
      createdAt: now(),
    },
  });
}
