import { prisma } from '../db';
import { notifyTenant, type LocalizedText } from '../notifications/notify';
import { now } from '../clock';
import { newId } from '../ids';
import { notFound } from '../errors';
import { recordAudit } from '../audit/record-audit';
import { userActor, type Actor } from '../audit/actor';
import type { StaffRole } from '../generated/prisma/enums';
import type { Tx } from '../transaction';
import { IMPERSONATION_ROLE } from './access';
import type { ImpersonationView, StartImpersonationInput, StopImpersonationOutput } from './schema';

/** The staff user starting or stopping, in the auth session the impersonation is tied to. */
export type StaffSession = { id: string; email: string; sessionId: string; staffRole: StaffRole };

const VIEW_SELECT = {
  id: true, tenantId: true, staffUserId: true, reason: true, startedAt: true, expiresAt: true,
  tenant: { select: { name: true } },
  staffUser: { select: { email: true } },
} as const;

/** Ends whatever is still open in this auth session (one active impersonation per session), each end audited in its tenant. */
async function endOpen(tx: Tx, staff: StaffSession, actor: Actor, endedReason: string): Promise<string[]> {
  const at = now();
  const open = await tx.impersonationSession.findMany({ where: { authSessionId: staff.sessionId, endedAt: null }, select: { id: true, tenantId: true, expiresAt: true } });
  for (const row of open) {
    const reason = row.expiresAt <= at ? 'expired' : endedReason;
    await tx.impersonationSession.update({ where: { tenantId_id: { tenantId: row.tenantId, id: row.id } }, data: { endedAt: at, endedReason: reason } });
    await recordAudit(tx, { ...actor, impersonatorUserId: staff.id, impersonationId: row.id }, {
      tenantId: row.tenantId, action: 'impersonation.stop', targetType: 'impersonation_session', targetId: row.id,
      before: { endedAt: null }, after: { endedAt: at, endedReason: reason },
    });
  }
  await tx.authSession.update({ where: { id: staff.sessionId }, data: { impersonationTenantId: null, impersonationId: null } });
  return open.map((row) => row.id);
}

/**
 * Starts an impersonation of a tenant for this staff session (ending any other one first). The
 * start row is audited in the tenant's own log with the reason, and the tenant's owners get an
 * in-app notification: the tenant sees that staff acted, and why.
 */
export async function startImpersonation(input: StartImpersonationInput, staff: StaffSession, actor: Actor): Promise<ImpersonationView> {
  const tenant = await prisma.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true, status: true } });
  if (!tenant || tenant.status === 'closed') throw notFound('tenant', 'TENANT_NOT_FOUND');
  const startedAt = now();
  const expiresAt = new Date(startedAt.getTime() + input.minutes * 60_000);
  const effectiveRole = IMPERSONATION_ROLE[staff.staffRole];
  return prisma.$transaction(async (tx) => {
    await endOpen(tx, staff, actor, 'replaced');
    const id = newId('imp');
    const row = await tx.impersonationSession.create({
      data: { tenantId: tenant.id, id, staffUserId: staff.id, authSessionId: staff.sessionId, reason: input.reason, startedAt, expiresAt, ip: actor.ip, userAgent: actor.userAgent },
      select: VIEW_SELECT,
    });
    await tx.authSession.update({ where: { id: staff.sessionId }, data: { impersonationTenantId: tenant.id, impersonationId: id } });
    await recordAudit(tx, { ...actor, impersonatorUserId: staff.id, impersonationId: id }, {
      tenantId: tenant.id, action: 'impersonation.start', targetType: 'impersonation_session', targetId: id,
      after: { reason: input.reason, minutes: input.minutes, expiresAt, staffEmail: staff.email, staffRole: staff.staffRole, effectiveRole },
    });
    await notifyTenant(tx, {
      tenantId: tenant.id, kind: 'impersonation.started', channels: ['in_app'], roles: ['owner'],
      text: impersonationNotice(staff, expiresAt, input.reason),
      data: { impersonationId: id, staffUserId: staff.id, reason: input.reason, expiresAt: expiresAt.toISOString() },
    });
    return viewOf(row, staff.staffRole);
  });
}

/** Stops this session's impersonation, if any; audited in the impersonated tenant's log. */
export async function stopImpersonation(staff: StaffSession, actor: Actor): Promise<StopImpersonationOutput> {
  const ended = await prisma.$transaction((tx) => endOpen(tx, staff, actor, 'stopped'));
  return { stopped: ended.length > 0, impersonationId: ended[0] ?? null };
}

/** The session's active impersonation for the banner and the console, or null once stopped or expired. */
export async function currentImpersonationOf(staff: StaffSession): Promise<ImpersonationView | null> {
  const row = await prisma.impersonationSession.findFirst({
    where: { authSessionId: staff.sessionId, staffUserId: staff.id, endedAt: null, expiresAt: { gt: now() } },
    select: VIEW_SELECT,
    orderBy: { startedAt: 'desc' },
  });
  return row ? viewOf(row, staff.staffRole) : null;
}

type ViewRow = { id: string; tenantId: string; staffUserId: string; reason: string; startedAt: Date; expiresAt: Date; tenant: { name: string }; staffUser: { email: string } };

function viewOf(row: ViewRow, staffRole: StaffRole): ImpersonationView {
  return {
    id: row.id, tenantId: row.tenantId, tenantName: row.tenant.name, staffUserId: row.staffUserId, staffEmail: row.staffUser.email,
    staffRole, effectiveRole: IMPERSONATION_ROLE[staffRole], reason: row.reason, startedAt: row.startedAt, expiresAt: row.expiresAt, serverNow: now(),
  };
}

/** What the tenant's owners read, in each one's language (the end time in UTC, as the audit log shows it). */
function impersonationNotice(staff: StaffSession, expiresAt: Date, reason: string): LocalizedText {
  const until = `${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return {
    'zh-CN': { title: '平台工作人员正在查看您的账户', body: `${staff.email}（${staff.staffRole}）开始以您的租户身份查看，至 ${until} 结束。原因：${reason}` },
    en: { title: 'Platform staff are viewing your account', body: `${staff.email} (${staff.staffRole}) started an impersonation until ${until}: ${reason}` },
  };
}

/** Signing out ends the session's impersonation at once (reason `signed_out`), audited in the impersonated tenant. */
export async function endImpersonationOnSignOut(sessionId: string): Promise<void> {
  const session = await prisma.authSession.findUnique({
    where: { id: sessionId },
    select: { ip: true, userAgent: true, impersonationId: true, user: { select: { id: true, email: true, staffRole: true } } },
  });
  if (!session?.impersonationId || !session.user.staffRole) return;
  const staff: StaffSession = { id: session.user.id, email: session.user.email, sessionId, staffRole: session.user.staffRole };
  const actor = userActor(staff.id, { ip: session.ip ?? '', userAgent: session.userAgent ?? '', requestId: `sign-out:${sessionId}` }, 'staff');
  await prisma.$transaction((tx) => endOpen(tx, staff, actor, 'signed_out'));
}
