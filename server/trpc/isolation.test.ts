import { createHash } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedUser, uniqueSuffix } from '../../prisma/seed/factories';
import { seedIsolationFixture } from '../../test/isolation-fixture';
import { callerFor } from '../../test/harness';
import type { Caller, Fixture, IsolationCase as Case, IsolationCases } from '../../test/isolation';
import { STAFF_ROLES, TENANT_ROLES, tenantRoleAtLeast } from '../auth/roles';
import { prisma } from '../db';
import { apiKeysIsolationCases } from '../apikeys/isolation-cases';
import { staffIsolationCases } from '../staff/isolation-cases';
import { tenantsIsolationCases } from '../tenants/isolation-cases';
import { catalogIsolationCases } from '../catalog/isolation-cases';
import { planTransitionsIsolationCases } from '../transitions/isolation-cases';
import { creditsIsolationCases } from '../credits/isolation-cases';
import { subscriptionsIsolationCases } from '../subscriptions/isolation-cases';
import { addOnsIsolationCases } from '../addons/isolation-cases';
import { auditIsolationCases } from '../audit/isolation-cases';
import { usageDashboardIsolationCases } from '../usage-dashboard/isolation-cases';
import { paymentMethodsIsolationCases } from '../payment-methods/isolation-cases';
import { invoicesIsolationCases } from '../invoices/isolation-cases';
import { billingProfileIsolationCases } from '../billing-profile/isolation-cases';
import { quotasIsolationCases } from '../quotas/isolation-cases';
import { alertsIsolationCases } from '../alerts/isolation-cases';
import { notificationsIsolationCases } from '../notifications/isolation-cases';
import { billsIsolationCases } from '../bills/isolation-cases';
import { usageCostIsolationCases } from '../usage-read/isolation-cases';
import { discountsIsolationCases } from '../discounts/isolation-cases';
import { buildContext } from './context';
import { createCallerFactory } from './init';
import { appRouter } from '../app-router';

/**
 * Differential tenant isolation: every procedure of the root router has a case, kept beside its
 * domain (`server/<domain>/isolation-cases.ts`) and gathered here; a procedure added without one
 * fails the first test.
 */
const createCaller = createCallerFactory(appRouter);
const DOMAIN_CASES: IsolationCases[] = [tenantsIsolationCases, apiKeysIsolationCases, staffIsolationCases, catalogIsolationCases, planTransitionsIsolationCases, creditsIsolationCases, addOnsIsolationCases, subscriptionsIsolationCases, auditIsolationCases, usageDashboardIsolationCases, billingProfileIsolationCases, invoicesIsolationCases, paymentMethodsIsolationCases, quotasIsolationCases, alertsIsolationCases, notificationsIsolationCases, billsIsolationCases, usageCostIsolationCases, discountsIsolationCases];
const PROCEDURES: IsolationCases = Object.assign({}, ...DOMAIN_CASES);
const entries = Object.entries(PROCEDURES);
const tenantCases = entries.filter((e): e is [string, Extract<Case, { kind: 'tenant' }>] => e[1].kind === 'tenant');

let fx: Fixture;
let callers: { ownerA: Caller; ownerBatA: Caller; ownerBatB: Caller; outsiderAtA: Caller; ownerAnoHeader: Caller; staffAtA: Caller; signedOutAtA: Caller; ownerBatGhost: Caller };

beforeAll(async () => {
  fx = await seedIsolationFixture();
  const { A, B } = fx;
  const outsider = await seedUser(`outsider-${uniqueSuffix()}@elsewhere.test`, 'Outsider');
  const staff = await seedUser(`support-${uniqueSuffix()}@staff.test`, 'Support', { staffRole: 'support' });
  callers = {
    ownerA: await callerFor(A.users.owner.id, A.tenant.id),
    ownerBatA: await callerFor(B.users.owner.id, A.tenant.id),
    ownerBatB: await callerFor(B.users.owner.id, B.tenant.id),
    ownerBatGhost: await callerFor(B.users.owner.id, `tnt_ghost${uniqueSuffix()}`),
    outsiderAtA: await callerFor(outsider.id, A.tenant.id),
    ownerAnoHeader: await callerFor(A.users.owner.id, null),
    staffAtA: await callerFor(staff.id, A.tenant.id),
    signedOutAtA: createCaller(buildContext(null, A.tenant.id)),
  };
});

function errorText(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  return [JSON.stringify(error), error instanceof Error ? error.message : '', JSON.stringify(cause), cause instanceof Error ? cause.message : ''].join('\n');
}

/** A's keys and audit trail, to prove a refused call changed nothing. */
async function snapshotA() {
  const keys = await prisma.apiKey.findMany({ where: { tenantId: fx.A.tenant.id }, select: { id: true, revokedAt: true }, orderBy: { id: 'asc' } });
  return { keys, audits: await prisma.auditLog.count({ where: { tenantId: fx.A.tenant.id } }) };
}

async function expectDenied(path: string, caller: Caller, code: TRPCError['code']): Promise<TRPCError> {
  const before = await snapshotA();
  const error = await PROCEDURES[path]!.run(caller, fx, 'denied').then(
    (result) => { throw new Error(`${path} should fail with ${code} but returned ${JSON.stringify(result)}`); },
    (e: unknown) => e,
  );
  expect(error, path).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code, path).toBe(code);
  const text = errorText(error);
  for (const secret of fx.leaks) expect(text, `${path} error leaks ${secret}`).not.toContain(secret);
  expect(await snapshotA(), `${path} changed tenant A`).toEqual(before);
  return error as TRPCError;
}

describe('tenant isolation across the whole tRPC router', () => {
  it('lists every procedure of the root router in the table, with its type', () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
    // no procedure listed by two domains (a later spread would hide the earlier case)
    expect(DOMAIN_CASES.reduce((count, cases) => count + Object.keys(cases).length, 0)).toBe(Object.keys(PROCEDURES).length);
    expect(Object.keys(PROCEDURES).sort()).toEqual(Object.keys(procedures).sort());
    for (const [path, entry] of entries) expect(procedures[path]!._def.type, path).toBe(entry.type);
  });

  it.each(tenantCases)('%s: A’s owner gets A’s data; B’s owner gets B’s own data only', async (_path, entry) => {
    await entry.ownsA(await entry.run(callers.ownerA, fx, 'allowed'), fx);
    if (entry.type === 'query') {
      const ofB = JSON.stringify(await entry.run(callers.ownerBatB, fx, 'allowed'));
      for (const secret of fx.leaks) expect(ofB).not.toContain(secret);
    }
  });

  it.each(tenantCases)('%s: another tenant’s owner, an outsider, staff and a missing header get NOT_FOUND', async (path) => {
    const foreign = await expectDenied(path, callers.ownerBatA, 'NOT_FOUND');
    const ghost = await expectDenied(path, callers.ownerBatGhost, 'NOT_FOUND');
    expect(foreign.message).toBe(ghost.message); // a foreign tenant looks exactly like one that does not exist
    await expectDenied(path, callers.outsiderAtA, 'NOT_FOUND');
    await expectDenied(path, callers.staffAtA, 'NOT_FOUND');
    await expectDenied(path, callers.ownerAnoHeader, 'NOT_FOUND');
  });

  it.each(entries)('%s: signed out gets UNAUTHORIZED', async (path) => {
    await expectDenied(path, callers.signedOutAtA, 'UNAUTHORIZED');
  });

  it.each(tenantCases)('%s: roles below the minimum get FORBIDDEN, the others succeed', async (path, entry) => {
    for (const role of TENANT_ROLES) {
      const caller = await callerFor(fx.A.users[role].id, fx.A.tenant.id);
      if (tenantRoleAtLeast(role, entry.minRole)) await entry.ownsA(await entry.run(caller, fx, 'allowed'), fx);
      else await expectDenied(path, caller, 'FORBIDDEN');
    }
  });

  it('apiKeys.* need admin: viewer and billing are refused, admin and owner pass', () => {
    for (const [path, entry] of tenantCases.filter(([p]) => p.startsWith('apiKeys.'))) expect(entry.minRole, path).toBe('admin');
    expect(TENANT_ROLES.filter((role) => tenantRoleAtLeast(role, 'admin')).sort()).toEqual(['admin', 'owner']);
  });

  it('B’s owner, looking at B, cannot revoke A’s key by id', async () => {
    const before = await snapshotA();
    const error = await callers.ownerBatB.apiKeys.revoke({ id: fx.keyA.apiKey.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('NOT_FOUND');
    for (const secret of fx.leaks) expect(errorText(error)).not.toContain(secret);
    const row = await prisma.apiKey.findUniqueOrThrow({ where: { prefix: fx.keyA.apiKey.prefix } });
    expect(row.revokedAt).toBeNull();
    expect(await snapshotA()).toEqual(before);
  });

  it('tenants.me ignores the tenant header and lists only the caller’s own tenants', async () => {
    const me = await callers.ownerBatA.tenants.me();
    expect(me.user.id).toBe(fx.B.users.owner.id);
    expect(me.tenants.map((t) => t.tenantId)).toEqual([fx.B.tenant.id]);
    for (const secret of fx.leaks) expect(JSON.stringify(me)).not.toContain(secret);
    expect((await callers.outsiderAtA.tenants.me()).tenants).toEqual([]);
    expect((await callers.staffAtA.tenants.me()).tenants).toEqual([]);
  });

  it('staff.tenants: support, finance and admin staff see the tenants; a tenant owner is FORBIDDEN', async () => {
    for (const staffRole of STAFF_ROLES) {
      const staff = await seedUser(`${staffRole}-${uniqueSuffix()}@staff.test`, `Staff ${staffRole}`, { staffRole });
      const caller = await callerFor(staff.id, null);
      const found = await caller.staff.tenants({ search: fx.A.tenant.id });
      expect(found.total, staffRole).toBe(1);
      expect(found.tenants[0]).toMatchObject({ id: fx.A.tenant.id, name: fx.A.tenant.name, planCode: 'starter', members: 4 });
      expect((await caller.staff.tenants({})).total).toBeGreaterThanOrEqual(2);
    }
    await expectDenied('staff.tenants', callers.ownerA, 'FORBIDDEN');
    await expectDenied('staff.tenants', callers.ownerBatA, 'FORBIDDEN');
  });

  it('apiKeys.create and apiKeys.revoke refuse malformed input with BAD_REQUEST and create nothing', async () => {
    const before = await snapshotA();
    const bad: unknown[] = [
      { name: '', scopes: ['read'] },
      { name: '   ', scopes: ['read'] },
      { name: 'x', scopes: ['admin'] },
      { name: 'x', scopes: [] },
      { name: 'x', scopes: ['read'], tenantId: fx.B.tenant.id },
    ];
    for (const input of bad) {
      const error = await callers.ownerA.apiKeys.create(input as never).catch((e: unknown) => e);
      expect((error as TRPCError).code, JSON.stringify(input)).toBe('BAD_REQUEST');
    }
    for (const input of [{ id: '' }, { id: fx.keyA.apiKey.id, tenantId: fx.A.tenant.id }]) {
      const error = await callers.ownerA.apiKeys.revoke(input as never).catch((e: unknown) => e);
      expect((error as TRPCError).code, JSON.stringify(input)).toBe('BAD_REQUEST');
    }
    expect(await snapshotA()).toEqual(before);
  });

  it('apiKeys.create and apiKeys.revoke each write exactly one audit row, without the secret', async () => {
    const sha = (value: string) => createHash('sha256').update(value).digest('hex');
    const created = await callers.ownerA.apiKeys.create({ name: 'audited', scopes: ['read', 'write'] });
    const secretPart = created.key.slice(created.apiKey.prefix.length + 1);
    const row = await prisma.apiKey.findUniqueOrThrow({ where: { prefix: created.apiKey.prefix } });
    expect(row.secretHash).toBe(sha(created.key));
    const expected = { tenantId: fx.A.tenant.id, actorKind: 'user', actorUserId: fx.A.users.owner.id, targetType: 'api_key', targetId: created.apiKey.id, ip: '10.1.2.3' };

    const creates = await prisma.auditLog.findMany({ where: { action: 'api_key.create', targetId: created.apiKey.id } });
    expect(creates).toHaveLength(1);
    expect(creates[0]).toMatchObject({ ...expected, action: 'api_key.create' });

    await callers.ownerA.apiKeys.revoke({ id: created.apiKey.id });
    await callers.ownerA.apiKeys.revoke({ id: created.apiKey.id }); // a second revoke changes nothing and audits nothing
    const revokes = await prisma.auditLog.findMany({ where: { action: 'api_key.revoke', targetId: created.apiKey.id } });
    expect(revokes).toHaveLength(1);
    expect(revokes[0]).toMatchObject({ ...expected, action: 'api_key.revoke' });

    for (const audit of [...creates, ...revokes]) {
      const text = JSON.stringify(audit);
      for (const secret of [created.key, secretPart, row.secretHash]) expect(text).not.toContain(secret);
    }
  });
});
