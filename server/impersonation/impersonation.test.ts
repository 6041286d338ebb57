import { encode } from 'next-auth/jwt';
import { endImpersonationOnSignOut } from './lifecycle';
import { TRPCError } from '@trpc/server';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedTestTenant, seedUser, uniqueSuffix, type SeededTenant } from '../../prisma/seed/factories';
import { callerFor, callRoute, edgeHeaders } from '../../test/harness';
import { appRouter } from '../app-router';
import { buildContext } from '../trpc/context';
import { createCallerFactory } from '../trpc/init';
import { loadSessionUser, openSession } from '../auth/sessions';
import { advanceClock, now, setClock, useSystemClock } from '../clock';
import { prisma } from '../db';
import { startSubscription } from '../subscriptions/start-subscription';
import { GET as currentPlan } from '@/app/api/web/namespaces/[namespace]/usage_plans/current/route';
import { POST as previewTransition } from '@/app/api/web/namespaces/[namespace]/billing/plan_transition/preview/route';

const createCaller = createCallerFactory(appRouter);
const COOKIE = 'authjs.session-token';

/** One staff session seen through two callers: the console (no tenant) and the tenant pages (tenant header). */
async function staffSession(staffRole: 'support' | 'finance' | 'admin', tenantId: string) {
  const staff = await seedUser(`${staffRole}-${uniqueSuffix()}@staff.test`, `Staff ${staffRole}`, { staffRole });
  const session = await openSession(staff.id, '127.0.0.1', 'vitest');
  const user = (await loadSessionUser(session.id))!;
  const headers = () => new Headers({ ...edgeHeaders('10.9.8.7'), 'user-agent': 'vitest' });
  const jwt = await encode({ token: { sub: staff.id, sid: session.id }, secret: process.env.AUTH_SECRET!, salt: COOKIE });
  return {
    staff,
    sessionId: session.id,
    cookie: `${COOKIE}=${jwt}`,
    console: createCaller(buildContext(user, null, headers())),
    at: (tenant: string = tenantId) => createCaller(buildContext(user, tenant, headers())),
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error, 'the call should have been refused').toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
}

const requestRows = (impersonationId: string) => prisma.auditLog.findMany({ where: { impersonationId, action: 'impersonation.request' }, orderBy: { createdAt: 'asc' } });
const REASON = 'Customer ticket #4411: invoice totals look wrong';

let A: SeededTenant;
let B: SeededTenant;

beforeAll(async () => {
  [A, B] = [await seedTestTenant('CNY'), await seedTestTenant('USD')];
  await startSubscription({ tenantId: A.tenant.id, planCode: 'starter', adminUserId: A.users.owner.id }, A.ownerActor);
});

afterEach(() => useSystemClock());

describe('impersonation', () => {
  it('without an impersonation staff get NOT_FOUND at a tenant; start validates reason and duration', async () => {
    const s = await staffSession('support', A.tenant.id);
    expect(await codeOf(s.at().tenants.overview())).toBe('NOT_FOUND');
    expect(await codeOf(s.console.staff.impersonation.start({ tenantId: A.tenant.id, reason: 'too short' }))).toBe('BAD_REQUEST');
    expect(await codeOf(s.console.staff.impersonation.start({ tenantId: A.tenant.id, reason: REASON, minutes: 241 }))).toBe('BAD_REQUEST');
    expect(await codeOf(s.console.staff.impersonation.start({ tenantId: `tnt_ghost${uniqueSuffix()}`, reason: REASON }))).toBe('NOT_FOUND');
    const started = await s.console.staff.impersonation.start({ tenantId: A.tenant.id, reason: REASON });
    expect(started.expiresAt.getTime() - started.startedAt.getTime()).toBe(30 * 60_000);
    expect(started).toMatchObject({ tenantId: A.tenant.id, effectiveRole: 'viewer', reason: REASON, staffEmail: s.staff.email });
  });

  it('signing out ends the impersonation at once, with the reason signed_out, audited in the tenant', async () => {
    const s = await staffSession('support', A.tenant.id);
    const imp = await s.console.staff.impersonation.start({ tenantId: A.tenant.id, reason: REASON });
    await endImpersonationOnSignOut(s.sessionId);
    const row = await prisma.impersonationSession.findFirstOrThrow({ where: { id: imp.id } });
    expect(row.endedReason).toBe('signed_out');
    expect(row.endedAt).not.toBeNull();
    const stop = await prisma.auditLog.findFirstOrThrow({ where: { action: 'impersonation.stop', impersonationId: imp.id } });
    expect(stop).toMatchObject({ tenantId: A.tenant.id, actorUserId: s.staff.id, impersonatorUserId: s.staff.id });
    expect(stop.after).toMatchObject({ endedReason: 'signed_out' });
    await endImpersonationOnSignOut(s.sessionId); // nothing left to end: no second row
    expect(await prisma.auditLog.count({ where: { action: 'impersonation.stop', impersonationId: imp.id } })).toBe(1);
  });

  it('a tenant owner cannot start one (FORBIDDEN), and staff.impersonation.current is null without one', async () => {
    const owner = await callerFor(A.users.owner.id, null);
    expect(await codeOf(owner.staff.impersonation.start({ tenantId: A.tenant.id, reason: REASON }))).toBe('FORBIDDEN');
    expect(await codeOf(owner.staff.impersonation.current())).toBe('FORBIDDEN');
    expect(await codeOf(owner.staff.impersonation.stop())).toBe('FORBIDDEN');
    const s = await staffSession('support', A.tenant.id);
    expect(await s.console.staff.impersonation.current()).toBeNull();
  });

  it('support reads tenant data, every mutation is FORBIDDEN, another tenant stays NOT_FOUND; one request row per call', async () => {
    const s = await staffSession('support', A.tenant.id);
    const imp = await s.console.staff.impersonation.start({ tenantId: A.tenant.id, reason: REASON });
    const overview = await s.at().tenants.overview();
    expect(JSON.stringify(overview)).toContain(A.tenant.id);
    await s.at().credits.balance();
    expect(await codeOf(s.at().subscriptions.cancel({}))).toBe('FORBIDDEN');
    // Refused as read-only before any role check: every mutation, whatever role it needs.
    const readOnly = await s.at().apiKeys.create({ name: 'nope', scopes: ['read'] }).catch((e: unknown) => e);
    expect(readOnly).toBeInstanceOf(TRPCError);
    expect((readOnly as TRPCError).code).toBe('FORBIDDEN');
    expect(((readOnly as TRPCError).cause as { reason?: string }).reason).toBe('IMPERSONATION_READ_ONLY');
    expect(await codeOf(s.at().apiKeys.list())).toBe('FORBIDDEN'); // admin-level read: above viewer
    expect(await codeOf(s.at(B.tenant.id).tenants.overview())).toBe('NOT_FOUND');
    expect(await prisma.apiKey.count({ where: { tenantId: A.tenant.id, name: 'nope' } })).toBe(0);
    expect((await prisma.subscription.findFirstOrThrow({ where: { tenantId: A.tenant.id, status: { not: 'canceled' } } })).cancelAtPeriodEnd).toBe(false);

    const rows = await requestRows(imp.id);
    expect(rows.map((r) => r.targetId)).toEqual(['tenants.overview', 'credits.balance', 'subscriptions.cancel', 'apiKeys.create', 'apiKeys.list']);
    for (const row of rows) {
      expect(row).toMatchObject({ tenantId: A.tenant.id, actorKind: 'staff', actorUserId: s.staff.id, impersonatorUserId: s.staff.id, impersonationId: imp.id, ip: '10.9.8.7' });
      expect(row.requestId).toBeTruthy();
    }
    expect(await prisma.auditLog.count({ where: { tenantId: B.tenant.id, impersonationId: imp.id } })).toBe(0);

    const start = await prisma.auditLog.findFirstOrThrow({ where: { action: 'impersonation.start', impersonationId: imp.id } });
    expect(start).toMatchObject({ tenantId: A.tenant.id, actorUserId: s.staff.id, impersonatorUserId: s.staff.id, targetId: imp.id });
    expect(start.after).toMatchObject({ reason: REASON, effectiveRole: 'viewer' });
    const notice = await prisma.notification.findFirstOrThrow({ where: { tenantId: A.tenant.id, userId: A.users.owner.id, kind: 'impersonation.started' } });
    expect(notice.body).toContain(REASON);
    expect(notice.title).toBe('平台工作人员正在查看您的账户'); // the owner's own language (A is a zh-CN tenant)
  });

  it('finance acts as billing: may cancel, may not manage API keys; the mutation row carries the impersonator', async () => {
    const s = await staffSession('finance', A.tenant.id);
    const imp = await s.console.staff.impersonation.start({ tenantId: A.tenant.id, reason: REASON, minutes: 60 });
    expect(imp.effectiveRole).toBe('billing');
    await s.at().subscriptions.cancel({});
    expect(await codeOf(s.at().apiKeys.create({ name: 'nope', scopes: ['read'] }))).toBe('FORBIDDEN');
    await s.at().subscriptions.resume({});
    const own = await prisma.auditLog.findMany({ where: { impersonationId: imp.id, action: { notIn: ['impersonation.request', 'impersonation.start'] } } });
    expect(own.length).toBeGreaterThanOrEqual(2);
    for (const row of own) expect(row).toMatchObject({ tenantId: A.tenant.id, actorUserId: s.staff.id, impersonatorUserId: s.staff.id, impersonationId: imp.id });
    expect(await requestRows(imp.id)).toHaveLength(3);
  });

  it('admin acts as admin, never owner: creates an API key audited with the impersonation', async () => {
    const s = await staffSession('admin', A.tenant.id);
    const imp = await s.console.staff.impersonation.start({ tenantId: A.tenant.id, reason: REASON });
    expect(imp.effectiveRole).toBe('admin');
    const created = await s.at().apiKeys.create({ name: 'by-staff', scopes: ['read'] });
    const row = await prisma.auditLog.findFirstOrThrow({ where: { action: 'api_key.create', targetId: created.apiKey.id } });
    expect(row).toMatchObject({ tenantId: A.tenant.id, actorKind: 'staff', actorUserId: s.staff.id, impersonatorUserId: s.staff.id, impersonationId: imp.id });
  });

  it('expiry on the server clock ends it: the next call is NOT_FOUND and current is null', async () => {
    setClock(new Date());
    const s = await staffSession('support', A.tenant.id);
    const imp = await s.console.staff.impersonation.start({ tenantId: A.tenant.id, reason: REASON, minutes: 1 });
    await s.at().tenants.overview();
    advanceClock(59_000);
    await s.at().tenants.overview();
    advanceClock(1_000);
    expect(await codeOf(s.at().tenants.overview())).toBe('NOT_FOUND');
    expect(await s.console.staff.impersonation.current()).toBeNull();
    expect(await requestRows(imp.id)).toHaveLength(2);
    expect(now()).toBeInstanceOf(Date);
  });

  it('stop ends it at once; starting another ends the previous; another session never inherits it', async () => {
    const s = await staffSession('support', A.tenant.id);
    const first = await s.console.staff.impersonation.start({ tenantId: A.tenant.id, reason: REASON });
    expect((await s.console.staff.impersonation.current())?.id).toBe(first.id);
    const second = await s.console.staff.impersonation.start({ tenantId: B.tenant.id, reason: REASON });
    expect(await codeOf(s.at(A.tenant.id).tenants.overview())).toBe('NOT_FOUND');
    await s.at(B.tenant.id).tenants.overview();
    expect(await prisma.impersonationSession.findFirstOrThrow({ where: { id: first.id } })).toMatchObject({ endedReason: 'replaced' });

    const other = await callerFor(s.staff.id, B.tenant.id); // the same staff user, another sign-in
    expect(await codeOf(other.tenants.overview())).toBe('NOT_FOUND');

    expect(await s.console.staff.impersonation.stop()).toEqual({ stopped: true, impersonationId: second.id });
    expect(await codeOf(s.at(B.tenant.id).tenants.overview())).toBe('NOT_FOUND');
    expect(await s.console.staff.impersonation.current()).toBeNull();
    expect(await prisma.authSession.findUniqueOrThrow({ where: { id: s.sessionId } })).toMatchObject({ impersonationId: null, impersonationTenantId: null });
    const stops = await prisma.auditLog.findMany({ where: { action: 'impersonation.stop', impersonationId: { in: [first.id, second.id] } } });
    expect(stops.map((r) => r.tenantId).sort()).toEqual([A.tenant.id, B.tenant.id].sort());
  });

  it('REST on the session cookie: support reads (audited once), a write is 403, and stop ends it', async () => {
    const s = await staffSession('support', A.tenant.id);
    const headers = { cookie: s.cookie, 'x-counterfoil-tenant': A.tenant.id, ...edgeHeaders('10.9.8.7') };
    const get = () => callRoute(currentPlan, { path: '/api/web/namespaces/system/usage_plans/current', params: { namespace: 'system' }, headers });
    expect((await get()).status).toBe(404);
    const imp = await s.console.staff.impersonation.start({ tenantId: A.tenant.id, reason: REASON });
    expect((await get()).status).toBe(200);
    const write = await callRoute(previewTransition, {
      method: 'POST', path: '/api/web/namespaces/system/billing/plan_transition/preview', params: { namespace: 'system' },
      headers: { ...headers, 'sec-fetch-site': 'same-origin' }, body: { usage_plan_name: 'pro' },
    });
    expect(write.status).toBe(403);
    expect(write.text).toContain('read-only');
    const rows = await requestRows(imp.id);
    expect(rows.map((r) => r.targetId)).toEqual(['GET /api/web/namespaces/system/usage_plans/current', 'POST /api/web/namespaces/system/billing/plan_transition/preview']);
    expect(rows[0]).toMatchObject({ tenantId: A.tenant.id, actorUserId: s.staff.id, impersonatorUserId: s.staff.id, ip: '10.9.8.7' });
    await s.console.staff.impersonation.stop();
    expect((await get()).status).toBe(404);
  });
});
