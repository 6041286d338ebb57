import { TRPCError } from '@trpc/server';
import { encode } from 'next-auth/jwt';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedTestTenant, seedUser, uniqueSuffix, type SeededTenant } from '../../prisma/seed/factories';
import { callerFor, callRoute } from '../../test/harness';
import { openSession } from '../auth/sessions';
import { prisma } from '../db';
import { newId } from '../ids';
import { csvCell } from './csv';
import { GET as tenantExport } from '@/app/t/[tenantId]/audit/export/route';
import { GET as staffExport } from '@/app/staff/audit/export/route';

const COOKIE = 'authjs.session-token';
async function sessionCookie(userId: string) {
  const session = await openSession(userId, '127.0.0.1', 'vitest');
  return `${COOKIE}=${await encode({ token: { sub: userId, sid: session.id }, secret: process.env.AUTH_SECRET!, salt: COOKIE })}`;
}

const AT = new Date('2026-03-10T15:30:00.000Z'); // 23:30 on 10 March in Asia/Shanghai, 11 March's start is 16:00Z
const TAG = uniqueSuffix();

let A: SeededTenant;
let B: SeededTenant;
let staffId: string;

/** Rows written straight to the table (the app only ever appends): 7 share one timestamp, to test the keyset. */
async function seedRows(seeded: SeededTenant, prefix: string) {
  const rows = Array.from({ length: 7 }, (_, i) => ({
    id: newId('aud'), tenantId: seeded.tenant.id, actorKind: 'user' as const, actorUserId: seeded.users.admin.id,
    action: `test.${prefix}`, targetType: 'widget', targetId: `w${i}`, before: { n: i }, after: { n: i + 1, note: '=HYPERLINK("x")' },
    ip: '10.0.0.1', requestId: `req-${prefix}-${i}`, createdAt: AT,
  }));
  rows.push({ ...rows[0]!, id: newId('aud'), targetId: 'later', requestId: `req-${prefix}-later`, createdAt: new Date('2026-03-10T16:30:00.000Z') });
  await prisma.auditLog.createMany({ data: rows });
}

beforeAll(async () => {
  [A, B] = await Promise.all([seedTestTenant('CNY'), seedTestTenant('USD')]);
  await seedRows(A, `a${TAG}`);
  await seedRows(B, `b${TAG}`);
  staffId = (await seedUser(`support-${TAG}@staff.test`, 'Support', { staffRole: 'support' })).id;
});

describe('audit.list', () => {
  it("A's admin and owner see only A's rows; B's owner at A gets NOT_FOUND; viewer and billing are FORBIDDEN", async () => {
    for (const role of ['owner', 'admin'] as const) {
      const page = await (await callerFor(A.users[role].id, A.tenant.id)).audit.list({ limit: 100 });
      expect(page.items.length).toBeGreaterThan(8);
      expect(page.items.every((row) => row.tenantId === A.tenant.id)).toBe(true);
    }
    for (const role of ['viewer', 'billing'] as const) {
      const error = await (await callerFor(A.users[role].id, A.tenant.id)).audit.list({}).catch((e: unknown) => e);
      expect((error as TRPCError).code).toBe('FORBIDDEN');
    }
    const foreign = await (await callerFor(B.users.owner.id, A.tenant.id)).audit.list({}).catch((e: unknown) => e);
    expect((foreign as TRPCError).code).toBe('NOT_FOUND');
  });

  it('filters by action, actor email or id, target, and local date range (tenant timezone)', async () => {
    const admin = await callerFor(A.users.admin.id, A.tenant.id);
    const action = `test.a${TAG}`;
    expect((await admin.audit.list({ action })).items).toHaveLength(8);
    expect((await admin.audit.list({ action: `test.b${TAG}` })).items).toHaveLength(0); // B's action, asked at A
    expect((await admin.audit.list({ action, actor: A.users.admin.email.toUpperCase() })).items).toHaveLength(8);
    expect((await admin.audit.list({ action, actor: A.users.admin.id })).items).toHaveLength(8);
    expect((await admin.audit.list({ action, actor: A.users.owner.email })).items).toHaveLength(0);
    expect((await admin.audit.list({ action, actor: 'nobody@nowhere.test' })).items).toHaveLength(0);
    expect((await admin.audit.list({ action, targetType: 'widget', targetId: 'w3' })).items.map((r) => r.requestId)).toEqual([`req-a${TAG}-3`]);
    // Asia/Shanghai: 15:30Z is 10 March, 16:30Z is 11 March
    expect((await admin.audit.list({ action, from: '2026-03-10', to: '2026-03-10' })).items).toHaveLength(7);
    expect((await admin.audit.list({ action, from: '2026-03-11', to: '2026-03-11' })).items.map((r) => r.targetId)).toEqual(['later']);
    const row = (await admin.audit.list({ action, targetId: 'w2' })).items[0]!;
    expect(row).toMatchObject({ actor: { id: A.users.admin.id, email: A.users.admin.email }, impersonator: null, before: { n: 2 }, ip: '10.0.0.1' });
  });

  it('keyset paging: no duplicates and no gaps when rows share a timestamp', async () => {
    const admin = await callerFor(A.users.admin.id, A.tenant.id);
    const action = `test.a${TAG}`;
    const all = (await admin.audit.list({ action, limit: 100 })).items.map((r) => r.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      // as TanStack's infinite query sends it through tRPC: a direction, and no cursor on the first page
      const page = await admin.audit.list({ action, limit: 3, direction: 'forward', ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(8);
    const bad = await admin.audit.list({ action, cursor: 'not-a-cursor' }).catch((e: unknown) => e);
    expect((bad as TRPCError).code).toBe('BAD_REQUEST');
  });

  it('shows the staff member acting as the tenant, with the reason of the impersonation', async () => {
    const impersonationId = newId('imp');
    await prisma.impersonationSession.create({
      data: { tenantId: A.tenant.id, id: impersonationId, staffUserId: staffId, reason: `ticket ${TAG}`, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    await prisma.auditLog.create({
      data: {
        id: newId('aud'), tenantId: A.tenant.id, actorKind: 'staff', actorUserId: A.users.owner.id, impersonatorUserId: staffId, impersonationId,
        action: `test.imp${TAG}`, targetType: 'widget', targetId: 'x', createdAt: AT,
      },
    });
    const [row] = (await (await callerFor(A.users.owner.id, A.tenant.id)).audit.list({ action: `test.imp${TAG}` })).items;
    expect(row!.impersonator).toEqual({ id: staffId, email: `support-${TAG}@staff.test`, reason: `ticket ${TAG}` });
    expect((await (await callerFor(A.users.owner.id, A.tenant.id)).audit.list({ action: `test.imp${TAG}`, actor: staffId })).items).toHaveLength(1);
  });

  it('staff.audit.list sees every tenant, narrowed by tenantId; tenant members are FORBIDDEN', async () => {
    const { staff } = await callerFor(staffId, null);
    expect((await staff.audit.list({ action: `test.b${TAG}` })).items.every((r) => r.tenantId === B.tenant.id)).toBe(true);
    expect((await staff.audit.list({ action: `test.b${TAG}`, tenantId: A.tenant.id })).items).toHaveLength(0);
    // UTC: both rows (15:30Z and 16:30Z) are on 10 March
    expect((await staff.audit.list({ action: `test.b${TAG}`, from: '2026-03-10', to: '2026-03-10' })).items).toHaveLength(8);
    const error = await (await callerFor(A.users.owner.id, A.tenant.id)).staff.audit.list({}).catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe('FORBIDDEN');
  });
});

describe('audit CSV export', () => {
  const csv = async (handler: typeof tenantExport, path: string, cookie: string, tenantId?: string) =>
    callRoute(handler as never, { path, headers: { cookie }, params: tenantId ? { tenantId } : {} });

  it("writes only the tenant's rows, with the filters applied, injection-safe", async () => {
    const cookie = await sessionCookie(A.users.admin.id);
    const all = await csv(tenantExport, `/t/${A.tenant.id}/audit/export`, cookie, A.tenant.id);
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toContain('text/csv');
    expect(all.text).toContain(`test.a${TAG}`);
    expect(all.text).not.toContain(`test.b${TAG}`);
    expect(all.text).not.toContain(B.tenant.id);
    const lines = all.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^created_at,tenant_id,actor_kind/);
    expect(lines.slice(1).every((line) => line.split(',')[1] === A.tenant.id)).toBe(true);

    const filtered = await csv(tenantExport, `/t/${A.tenant.id}/audit/export?action=test.a${TAG}&targetId=w4&actor=&from=2026-03-10`, cookie, A.tenant.id);
    const rows = filtered.text.trim().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(`req-a${TAG}-4`);
    // the `after` JSON is one quoted cell; a cell starting with = + - @ gets a leading quote
    expect(rows[1]).toContain('"{""n"":5,""note"":""=HYPERLINK(\\""x\\"")""}"');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('=a,"b"')).toBe(`"'=a,""b"""`);
    expect(csvCell('plain')).toBe('plain');
  });

  it("another tenant's export URL is 404; viewer 403; signed out 401; staff export is staff only", async () => {
    const bCookie = await sessionCookie(B.users.owner.id);
    const foreign = await csv(tenantExport, `/t/${A.tenant.id}/audit/export`, bCookie, A.tenant.id);
    expect(foreign.status).toBe(404);
    expect(foreign.text).not.toContain(`test.a${TAG}`);
    expect((await csv(tenantExport, `/t/${A.tenant.id}/audit/export`, await sessionCookie(A.users.viewer.id), A.tenant.id)).status).toBe(403);
    expect((await csv(tenantExport, `/t/${A.tenant.id}/audit/export`, '', A.tenant.id)).status).toBe(401);
    expect((await csv(tenantExport, `/t/${A.tenant.id}/audit/export?bogus=1`, await sessionCookie(A.users.admin.id), A.tenant.id)).status).toBe(400);
    expect((await csv(staffExport as never, '/staff/audit/export', await sessionCookie(A.users.owner.id))).status).toBe(403);
    const staffCsv = await csv(staffExport as never, `/staff/audit/export?action=test.b${TAG}`, await sessionCookie(staffId));
    expect(staffCsv.status).toBe(200);
    expect(staffCsv.text.trim().split('\r\n')).toHaveLength(9);
  });
});
