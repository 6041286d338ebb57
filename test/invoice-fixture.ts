import { seedApiKey, seedTestTenant, type SeededTenant } from '../prisma/seed/factories';
import { setClock, useSystemClock } from '../server/clock';
import { prisma } from '../server/db';
import { grantCredit } from '../server/credits/grant-credit';
import { issueInvoice, type IssueInvoiceInput } from '../server/billing/issue-invoice';
import { newId } from '../server/ids';

/**
 * A CNY tenant (tax 0.06, Asia/Shanghai) with one invoice of every type and status, issued on a
 * frozen clock in 2034 (no other test's clock reaches it), and its API key. Two records share one
 * created_at (the keyset's tie on id). Statuses other than open/paid are set on the row, as the
 * collection and finance code will: this fixture is about reading them.
 */
export type InvoiceFixture = Awaited<ReturnType<typeof seedInvoiceFixture>>;

export const FIXTURE_DATES = {
  subscription: new Date('2034-01-04T16:30:00Z'), // 5 Jan 00:30 in Shanghai, 4 Jan in UTC
  usage: new Date('2034-02-05T02:00:00Z'),
  addon: new Date('2034-03-05T02:00:00Z'),
  proration: new Date('2034-03-05T02:00:00Z'), // the same instant as the add-on
  refunded: new Date('2034-04-05T02:00:00Z'),
  draft: new Date('2034-05-05T02:00:00Z'),
};

export async function seedInvoiceFixture() {
  const seeded = await seedTestTenant('CNY');
  const tenantId = seeded.tenant.id;
  const appId = seeded.apps[0]!.id;
  const issue = async (at: Date, input: Omit<IssueInvoiceInput, 'tenantId'>) => {
    setClock(at);
    return issueInvoice({ tenantId, ...input }, seeded.ownerActor);
  };
  try {
    setClock(FIXTURE_DATES.subscription);
    await grantCredit({ tenantId, amount: '50', source: 'promotion', remark: 'fixture' }, seeded.ownerActor);
    const subscription = await issue(FIXTURE_DATES.subscription, {
      type: 'subscription', description: '专业版月度订阅',
      periodStart: FIXTURE_DATES.subscription, periodEnd: new Date('2034-02-04T16:00:00Z'),
      lines: [{ resourceType: 'subscription', description: '专业版月度订阅', quantity: '1', unitPrice: '99' }],
    });
    await prisma.billingRecord.update({ where: { tenantId_id: { tenantId, id: subscription.id } }, data: { status: 'paid', paidAt: new Date('2034-01-06T02:00:00Z') } });
    const usage = await issue(FIXTURE_DATES.usage, {
      type: 'usage', description: 'API usage, January', appId,
      lines: [
        { resourceType: 'api_requests', description: 'API 调用 =SUM(A1)', quantity: '1234', unitPrice: '0.01' },
        { resourceType: 'bandwidth', description: 'Bandwidth, "egress"', quantity: '3', unitPrice: '2.5' },
      ],
    });
    const addon = await issue(FIXTURE_DATES.addon, { type: 'addon', description: 'Audit retention', lines: [{ resourceType: 'addon', description: 'Audit retention', quantity: '1', unitPrice: '30' }] });
    await prisma.billingRecord.update({ where: { tenantId_id: { tenantId, id: addon.id } }, data: { status: 'failed' } });
    const proration = await issue(FIXTURE_DATES.proration, { type: 'proration', description: 'Upgrade to pro', lines: [{ resourceType: 'subscription', description: 'Pro × 14/31', quantity: '1', unitPrice: '45.16' }] });
    await prisma.billingRecord.update({ where: { tenantId_id: { tenantId, id: proration.id } }, data: { status: 'void', voidedAt: new Date('2034-03-06T02:00:00Z') } });
    const refunded = await issue(FIXTURE_DATES.refunded, { type: 'subscription', description: '专业版月度订阅', lines: [{ resourceType: 'subscription', description: '专业版月度订阅', quantity: '1', unitPrice: '99' }] });
    await prisma.billingRecord.update({
      where: { tenantId_id: { tenantId, id: refunded.id } },
      data: { status: 'refunded', paidAt: new Date('2034-04-05T03:00:00Z'), refundedAt: new Date('2034-04-07T03:00:00Z') },
    });
    // No domain code makes drafts yet (issueInvoice finalizes at once): one written as a draft would be.
    const draftId = newId('rec');
    await prisma.billingRecord.create({
      data: {
        tenantId, id: draftId, type: 'adjustment', status: 'draft', description: 'Draft adjustment', currency: 'CNY', subtotal: '10', taxAmount: '0.6', amount: '10.6', createdAt: FIXTURE_DATES.draft,
        lineItems: { create: [{ id: newId('li'), position: 1, resourceType: 'adjustment', description: 'Adjustment', quantity: '1', unitPrice: '10', amount: '10', taxRate: '0.06', taxAmount: '0.6', createdAt: FIXTURE_DATES.draft }] },
      },
    });
    const ids = { subscription: subscription.id, usage: usage.id, addon: addon.id, proration: proration.id, refunded: refunded.id, draft: draftId };
    const { key } = await seedApiKey(seeded, ['read']);
    return { seeded, tenantId, appId, ids, key };
  } finally {
    useSystemClock();
  }
}

/** Invoice numbers by record id, for assertions. */
export async function invoiceNumbers(tenantId: string): Promise<Map<string, string | null>> {
  const rows = await prisma.billingRecord.findMany({ where: { tenantId }, select: { id: true, invoiceNumber: true } });
  return new Map(rows.map((row) => [row.id, row.invoiceNumber]));
}

export type { SeededTenant };
