import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedTestTenant, seedUser, uniqueSuffix, type SeededTenant } from '../../prisma/seed/factories';
import { callerFor } from '../../test/harness';
import { SYSTEM_ACTOR } from '../audit/actor';
import { prisma } from '../db';
import { grantCredit } from './grant-credit';

let A: SeededTenant;
beforeAll(async () => {
  A = await seedTestTenant('CNY');
  for (let i = 1; i <= 25; i += 1) await grantCredit({ tenantId: A.tenant.id, amount: `${i}.5`, source: 'promotion', remark: `grant ${i}` }, SYSTEM_ACTOR);
});

const codeOf = (error: unknown) => (error instanceof TRPCError ? error.code : String(error));

describe('credits.* over tRPC', () => {
  it('credits.balance is the ledger sum; credits.ledger pages on the server, newest first', async () => {
    const viewer = await callerFor(A.users.viewer.id, A.tenant.id);
    const balance = await viewer.credits.balance();
    expect(balance).toMatchObject({ tenantId: A.tenant.id, currency: 'CNY', balance: '337.5' }); // Σ (i + 0.5), i = 1…25
    const first = await viewer.credits.ledger({ page: 1, pageSize: 10 });
    expect(first.total).toBe(25);
    expect(first.items.map((r) => r.seq)).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
    expect(first.items[0]).toMatchObject({ type: 'credit', source: 'promotion', amount: '25.5', balance: '337.5', remark: 'grant 25' });
    const last = await viewer.credits.ledger({ page: 3, pageSize: 10 });
    expect(last.items.map((r) => r.seq)).toEqual([5, 4, 3, 2, 1]);
    expect((await viewer.credits.ledger({ page: 4, pageSize: 10 })).items).toEqual([]);
    for (const bad of [{ page: 0, pageSize: 10 }, { page: 1, pageSize: 101 }, { page: 1.5, pageSize: 10 }, { page: 1, pageSize: 10, tenantId: 'x' }]) {
      expect(codeOf(await viewer.credits.ledger(bad as never).catch((e: unknown) => e)), JSON.stringify(bad)).toBe('BAD_REQUEST');
    }
  });

  it('staff.credits.adjust: finance and admin staff adjust with a reason, audited with the staff actor; support and tenant owners cannot', async () => {
    const finance = await seedUser(`finance-${uniqueSuffix()}@staff.test`, 'Finance', { staffRole: 'finance' });
    const support = await seedUser(`support-${uniqueSuffix()}@staff.test`, 'Support', { staffRole: 'support' });
    const admin = await seedUser(`admin-${uniqueSuffix()}@staff.test`, 'Admin', { staffRole: 'admin' });
    const input = { tenantId: A.tenant.id, direction: 'credit' as const, amount: '12.34', reason: 'refund for the outage' };
    const row = await (await callerFor(finance.id, null)).staff.credits.adjust(input);
    expect(row).toMatchObject({ type: 'credit', source: 'adjustment', amount: '12.34', balance: '349.84', remark: 'refund for the outage' });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'credit.adjust', targetId: row.id } });
    expect(audit).toMatchObject({ tenantId: A.tenant.id, actorKind: 'staff', actorUserId: finance.id });
    await (await callerFor(admin.id, null)).staff.credits.adjust({ ...input, direction: 'debit', amount: '2.34', reason: 'correction' });
    expect((await (await callerFor(A.users.owner.id, A.tenant.id)).credits.balance()).balance).toBe('347.5');

    const before = await prisma.creditTransaction.count({ where: { tenantId: A.tenant.id } });
    expect(codeOf(await (await callerFor(support.id, null)).staff.credits.adjust(input).catch((e: unknown) => e))).toBe('FORBIDDEN');
    expect(codeOf(await (await callerFor(A.users.owner.id, A.tenant.id)).staff.credits.adjust(input).catch((e: unknown) => e))).toBe('FORBIDDEN');
    const financeCaller = await callerFor(finance.id, null);
    for (const bad of [{ ...input, reason: '' }, { ...input, reason: '  ' }, { ...input, amount: '0' }, { ...input, amount: '-1' }, { ...input, amount: 1 }, { ...input, direction: 'up' }]) {
      expect(codeOf(await financeCaller.staff.credits.adjust(bad as never).catch((e: unknown) => e)), JSON.stringify(bad)).toBe('BAD_REQUEST');
    }
    expect(codeOf(await financeCaller.staff.credits.adjust({ ...input, direction: 'debit', amount: '100000' }).catch((e: unknown) => e))).toBe('BAD_REQUEST');
    expect(codeOf(await financeCaller.staff.credits.adjust({ ...input, tenantId: 'tnt_ghost_nobody' }).catch((e: unknown) => e))).toBe('NOT_FOUND');
    expect(await prisma.creditTransaction.count({ where: { tenantId: A.tenant.id } })).toBe(before);
  });
});
