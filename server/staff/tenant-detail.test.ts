import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedTestTenant, seedUser, uniqueSuffix, type SeededTenant } from '../../prisma/seed/factories';
import { callerFor } from '../../test/harness';
import { startSubscription } from '../subscriptions/start-subscription';

describe('staff.tenant.get and staff.tenant.invoices', () => {
  let A: SeededTenant;
  let supportId: string;
  beforeAll(async () => {
    A = await seedTestTenant('USD');
    await startSubscription({ tenantId: A.tenant.id, planCode: 'starter', adminUserId: A.users.owner.id }, A.ownerActor);
    supportId = (await seedUser(`support-${uniqueSuffix()}@staff.test`, 'Support', { staffRole: 'support' })).id;
  });

  it('support sees subscription, credit, members and an empty usage summary', async () => {
    const { staff } = await callerFor(supportId, null);
    const detail = await staff.tenant.get({ tenantId: A.tenant.id });
    expect(detail.tenant.id).toBe(A.tenant.id);
    expect(detail.subscription).toMatchObject({ planCode: 'starter' });
    expect(detail.credit.currency).toBe('USD');
    expect(typeof detail.credit.balance).toBe('string');
    expect(detail.members.map((m) => m.email).sort()).toEqual(Object.values(A.users).map((u) => u.email).sort());
    expect(detail.usage).toEqual([]);
    const invoices = await staff.tenant.invoices({ tenantId: A.tenant.id, pageSize: 1 });
    expect(invoices.total).toBeGreaterThanOrEqual(1);
    expect(invoices.items).toHaveLength(1);
    expect(invoices.items[0]!.invoiceNumber).toMatch(/^INV-/);
  });

  it('an unknown tenant is NOT_FOUND; a tenant owner is FORBIDDEN', async () => {
    const { staff } = await callerFor(supportId, null);
    expect(((await staff.tenant.get({ tenantId: 'tnt_nope' }).catch((e: unknown) => e)) as TRPCError).code).toBe('NOT_FOUND');
    const owner = await callerFor(A.users.owner.id, A.tenant.id);
    expect(((await owner.staff.tenant.get({ tenantId: A.tenant.id }).catch((e: unknown) => e)) as TRPCError).code).toBe('FORBIDDEN');
  });
});
