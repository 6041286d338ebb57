import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { seedTestTenant } from '../../prisma/seed/factories';
import { callerFor } from '../../test/harness';
import { issueInvoice } from '../billing/issue-invoice';
import { prisma } from '../db';
import { parseBuyerProfile } from './billing-profile';

const profile = { companyName: '  上海示例科技有限公司 ', taxId: '91310000ma1fl0001x', address: '上海市浦东新区世纪大道 100 号', invoiceEmail: 'AP@Example.COM', invoiceLanguage: 'zh-CN' as const };

describe('billing profile', () => {
  it('starts from the tenant’s name and locale, saves trimmed and normalized fields, and audits before and after', async () => {
    const seeded = await seedTestTenant('USD');
    const billing = await callerFor(seeded.users.billing.id, seeded.tenant.id);
    const initial = await billing.billingProfile.get();
    expect(initial).toMatchObject({ tenantId: seeded.tenant.id, companyName: seeded.tenant.name, taxId: null, invoiceLanguage: 'en', saved: false, updatedAt: null });

    const saved = await billing.billingProfile.update(profile);
    expect(saved).toMatchObject({ companyName: '上海示例科技有限公司', taxId: '91310000MA1FL0001X', invoiceEmail: 'ap@example.com', invoiceLanguage: 'zh-CN', saved: true });
    await billing.billingProfile.update(profile); // the same values again: nothing changes, nothing audited
    await billing.billingProfile.update({ ...profile, address: '' });

    const audits = await prisma.auditLog.findMany({ where: { tenantId: seeded.tenant.id, action: 'billing_profile.update' }, orderBy: { createdAt: 'asc' } });
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ actorUserId: seeded.users.billing.id, targetType: 'billing_profile', targetId: seeded.tenant.id, before: null });
    expect(audits[0]!.after).toMatchObject({ companyName: '上海示例科技有限公司', taxId: '91310000MA1FL0001X' });
    expect(audits[1]!.before).toMatchObject({ address: profile.address });
    expect(audits[1]!.after).toMatchObject({ address: null });
  });

  it('refuses malformed fields with BAD_REQUEST and saves nothing', async () => {
    const seeded = await seedTestTenant();
    const owner = await callerFor(seeded.users.owner.id, seeded.tenant.id);
    const bad: unknown[] = [
      { ...profile, companyName: '   ' },
      { ...profile, companyName: 'x'.repeat(201) },
      { ...profile, taxId: '税号' },
      { ...profile, invoiceEmail: 'not-an-email' },
      { ...profile, invoiceLanguage: 'fr' },
      { ...profile, tenantId: 'tnt_other' },
    ];
    for (const input of bad) {
      const error = await owner.billingProfile.update(input as never).catch((e: unknown) => e);
      expect(error, JSON.stringify(input)).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code, JSON.stringify(input)).toBe('BAD_REQUEST');
    }
    expect(await prisma.billingProfile.findUnique({ where: { tenantId: seeded.tenant.id } })).toBeNull();
  });

  it('an issued invoice keeps the profile it was issued with; later invoices print the new one', async () => {
    const seeded = await seedTestTenant();
    const owner = await callerFor(seeded.users.owner.id, seeded.tenant.id);
    await owner.billingProfile.update(profile);
    const line = { resourceType: 'plan', description: '专业版 月费', quantity: '1', unitPrice: '100' };
    const first = await issueInvoice({ tenantId: seeded.tenant.id, type: 'subscription', description: 'first', lines: [line] }, seeded.ownerActor);
    await owner.billingProfile.update({ ...profile, companyName: 'Renamed Ltd.', invoiceLanguage: 'en' });
    const second = await issueInvoice({ tenantId: seeded.tenant.id, type: 'subscription', description: 'second', lines: [line] }, seeded.ownerActor);

    const read = async (id: string) => parseBuyerProfile((await prisma.billingRecord.findUniqueOrThrow({ where: { tenantId_id: { tenantId: seeded.tenant.id, id } } })).buyerProfile);
    expect(await read(first.id)).toEqual({ companyName: '上海示例科技有限公司', taxId: '91310000MA1FL0001X', address: profile.address, invoiceEmail: 'ap@example.com', invoiceLanguage: 'zh-CN' });
    expect(await read(second.id)).toMatchObject({ companyName: 'Renamed Ltd.', invoiceLanguage: 'en' });
  });
});
