import { prisma } from '../db';
import { now } from '../clock';
import { newId } from '../ids';
import { notFound } from '../errors';
import { writeJson } from '../json';
import { rfc3339 } from '../time/rfc3339';
import type { Actor } from '../audit/actor';
import type { MembershipRole } from '../generated/prisma/enums';
import type { ExportUserDataInput } from './schema';
import { billingRecords, creditBalance, creditTransactions, meteredBilling, subscriptions, usageAlerts, usageStats } from './sections';

export type ExportTenant = { tenantId: string; role: MembershipRole };
export type ExportPlan = { userId: string; email: string; exportedAt: Date; tenants: ExportTenant[] };

/**
 * Everything decided before the first byte: the user exists (else 404 in the envelope), which
 * tenants the export covers (a membership, or a subscription's admin_user_id), and the audit row
 * (caller credential, user, tenant ids). Only reads of the sections themselves happen later.
 * A tenant where the user is only a subscription's admin_user_id has no membership role; it is
 * exported with role `admin` (the subscription's administrator).
 */
export async function planUserExport(input: ExportUserDataInput, actor: Actor, credentialId: string): Promise<ExportPlan> {
  const user = await prisma.user.findUnique({ where: { id: input.user_id }, select: { id: true, email: true } });
  if (!user) throw notFound('user', 'USER_NOT_FOUND');
  const [memberships, adminOf] = await Promise.all([
    prisma.membership.findMany({ where: { userId: user.id }, select: { tenantId: true, role: true } }),
    prisma.subscription.findMany({ where: { adminUserId: user.id }, distinct: ['tenantId'], select: { tenantId: true } }),
  ]);
  const roles = new Map<string, MembershipRole>(memberships.map((m) => [m.tenantId, m.role]));
  for (const { tenantId } of adminOf) if (!roles.has(tenantId)) roles.set(tenantId, 'admin');
  const tenants = [...roles].map(([tenantId, role]) => ({ tenantId, role })).sort((a, b) => a.tenantId.localeCompare(b.tenantId));
  const exportedAt = now();
  await prisma.auditLog.create({
    data: {
      id: newId('aud'), tenantId: null, actorKind: actor.kind, actorUserId: actor.userId, apiKeyId: null, serviceCredentialId: credentialId,
      action: 'user_data.export', targetType: 'user', targetId: user.id, after: { tenantIds: tenants.map((t) => t.tenantId) },
      ip: actor.ip, userAgent: actor.userAgent, requestId: actor.requestId, createdAt: exportedAt,
    },
  });
  return { userId: user.id, email: user.email, exportedAt, tenants };
}

const key = (name: string) => `${writeJson(name)}:`;

async function* array(items: AsyncIterable<unknown>): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const item of items) {
    yield (first ? '' : ',') + writeJson(item);
    first = false;
  }
  yield ']';
}

/** The seed-000 envelope and its data, as text pieces in wire order; each DTO goes through the one JSON writer. */
export async function* exportDocument(plan: ExportPlan, timestamp: string): AsyncGenerator<string> {
  yield `{"code":200,"message":"ok","timestamp":${writeJson(timestamp)},"data":{`;
  yield `${key('user_id')}${writeJson(plan.userId)},${key('exported_at')}${writeJson(rfc3339(plan.exportedAt))},${key('tenants')}[`;
  for (const [index, { tenantId, role }] of plan.tenants.entries()) {
    yield `${index ? ',' : ''}{${key('tenant_id')}${writeJson(tenantId)},${key('role')}${writeJson(role)},${key('subscriptions')}`;
    yield* array(subscriptions(tenantId));
    yield `,${key('billing_records')}`;
    yield* array(billingRecords(tenantId));
    yield `,${key('credit_balance')}${writeJson(await creditBalance(tenantId))},${key('credit_transactions')}`;
    yield* array(creditTransactions(tenantId));
    yield `,${key('usage_stats')}`;
    yield* array(usageStats(tenantId));
    yield `,${key('usage_alerts')}`;
    yield* array(usageAlerts(tenantId));
    yield `,${key('metered_billing')}`;
    yield* array(meteredBilling(tenantId));
    yield '}';
  }
  yield ']}}';
}

const CHUNK_CHARS = 64 * 1024;

/**
 * The document as a byte stream, pulled (so a slow client holds back the database reads, not
 * memory): pieces are coalesced into ~64 KB chunks. A failure after the 200 header cannot change
 * the status, so the stream is errored: the connection ends without the closing chunk and the
 * client sees a broken response, never a truncated document that parses.
 */
export function exportStream(pieces: AsyncGenerator<string>, onError: (error: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        let chunk = '';
        while (chunk.length < CHUNK_CHARS) {
          const next = await pieces.next();
          if (next.done) {
            if (chunk) controller.enqueue(encoder.encode(chunk));
            controller.close();
            return;
          }
          chunk += next.value;
        }
        controller.enqueue(encoder.encode(chunk));
      } catch (error) {
        onError(error);
        controller.error(error);
      }
    },
    async cancel() {
      await pieces.return(undefined);
    },
  }, { highWaterMark: 1 });
}
