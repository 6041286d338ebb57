import { TRPCError } from '@trpc/server';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/internal/billing/export-user-data/route';
import { seedTestTenant, seedUser, uniqueSuffix, type SeededTenant } from '@/prisma/seed/factories';
import { setClock, useSystemClock } from '@/server/clock';
import { prisma } from '@/server/db';
import { bearer, callerFor, callRoute } from '@/test/harness';

let A: SeededTenant;
let admin: Awaited<ReturnType<typeof callerFor>>;
const exportWith = (token: string) => callRoute(POST, { method: 'POST', path: '/internal/billing/export-user-data', headers: bearer(token), body: { user_id: A.users.owner.id } });

beforeAll(async () => {
  A = await seedTestTenant();
  const staff = await seedUser(`admin-${uniqueSuffix()}@staff.test`, 'Admin', { staffRole: 'admin' });
  admin = await callerFor(staff.id, null);
});
afterEach(() => useSystemClock());

describe('staff.serviceCredentials', () => {
  it('create shows the secret once, stores only its SHA-256, lists without it, audits', async () => {
    const name = `compliance-${uniqueSuffix()}`;
    const { token, credential } = await admin.staff.serviceCredentials.create({ name, scopes: ['export:user-data'] });
    expect(token).toMatch(/^cfs_[0-9a-z]{12}_[0-9a-z]{40}$/);
    expect(token.startsWith(`${credential.prefix}_`)).toBe(true);
    const row = await prisma.serviceCredential.findUniqueOrThrow({ where: { id: credential.id } });
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token.slice(-40));
    const listed = await admin.staff.serviceCredentials.list();
    const mine = listed.items.find((item) => item.id === credential.id)!;
    expect(mine).toMatchObject({ name, scopes: ['export:user-data'], revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(token.slice(-40));
    expect(await prisma.auditLog.count({ where: { targetId: credential.id, action: 'service_credential.create' } })).toBe(1);
    expect((await exportWith(token)).status).toBe(200);
  });

  it('rotate: both secrets work during the overlap, the old one is 401 once it ends on the clock; revoke refuses both', async () => {
    const start = new Date('2031-01-10T00:00:00Z');
    setClock(start);
    const { token: old, credential } = await admin.staff.serviceCredentials.create({ name: `rotating-${uniqueSuffix()}`, scopes: ['export:user-data'] });
    const rotated = await admin.staff.serviceCredentials.rotate({ id: credential.id, overlapHours: 24 });
    expect(rotated.token).not.toBe(old);
    expect(rotated.token.startsWith(`${credential.prefix}_`)).toBe(true);
    expect(rotated.credential.previousSecretExpiresAt?.toISOString()).toBe('2031-01-11T00:00:00.000Z');
    expect((await exportWith(old)).status).toBe(200);
    expect((await exportWith(rotated.token)).status).toBe(200);
    setClock(new Date('2031-01-10T23:59:59Z'));
    expect((await exportWith(old)).status).toBe(200);
    setClock(new Date('2031-01-11T00:00:00Z'));
    expect((await exportWith(old)).status).toBe(401);
    expect((await exportWith(rotated.token)).status).toBe(200);
    expect((await admin.staff.serviceCredentials.list()).items.find((i) => i.id === credential.id)!.previousSecretExpiresAt).toBeNull();
    // a rotation with no overlap refuses the replaced secret at once
    const again = await admin.staff.serviceCredentials.rotate({ id: credential.id, overlapHours: 0 });
    expect((await exportWith(rotated.token)).status).toBe(401);
    const third = await admin.staff.serviceCredentials.rotate({ id: credential.id, overlapHours: 24 });
    expect((await exportWith(again.token)).status).toBe(200);
    await admin.staff.serviceCredentials.revoke({ id: credential.id });
    expect((await exportWith(again.token)).status).toBe(401);
    expect((await exportWith(third.token)).status).toBe(401);
    await expect(admin.staff.serviceCredentials.rotate({ id: credential.id, overlapHours: 24 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await prisma.auditLog.count({ where: { targetId: credential.id, action: { in: ['service_credential.rotate', 'service_credential.revoke'] } } })).toBe(4);
  });

  it('staff admins only: support, finance and a tenant owner are FORBIDDEN', async () => {
    const callers = [
      await callerFor((await seedUser(`support-${uniqueSuffix()}@staff.test`, 'S', { staffRole: 'support' })).id, null),
      await callerFor((await seedUser(`finance-${uniqueSuffix()}@staff.test`, 'F', { staffRole: 'finance' })).id, null),
      await callerFor(A.users.owner.id, A.tenant.id),
    ];
    for (const caller of callers) {
      for (const call of [
        () => caller.staff.serviceCredentials.list(),
        () => caller.staff.serviceCredentials.create({ name: 'x', scopes: ['export:user-data'] }),
        () => caller.staff.serviceCredentials.rotate({ id: 'svc_x', overlapHours: 1 }),
        () => caller.staff.serviceCredentials.revoke({ id: 'svc_x' }),
      ]) {
        const error = await call().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(TRPCError);
        expect((error as TRPCError).code).toBe('FORBIDDEN');
      }
    }
  });

  it('rejects unknown scopes, extra keys and overlaps beyond a week', async () => {
    // a fresh admin: the earlier case moved the clock, which the per-session token bucket reads
    const admin = await callerFor((await seedUser(`admin-${uniqueSuffix()}@staff.test`, 'Admin', { staffRole: 'admin' })).id, null);
    await expect(admin.staff.serviceCredentials.create({ name: 'x', scopes: ['admin:all' as 'export:user-data'] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(admin.staff.serviceCredentials.rotate({ id: 'svc_x', overlapHours: 169 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(admin.staff.serviceCredentials.revoke({ id: 'svc_x', force: true } as { id: string })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(admin.staff.serviceCredentials.revoke({ id: 'svc_doesnotexist' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
