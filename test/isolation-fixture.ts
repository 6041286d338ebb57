import { seedApiKey, seedTestTenant, type SeededTenant } from '../prisma/seed/factories';
import { prisma } from '../server/db';
import { startSubscription } from '../server/subscriptions/start-subscription';
import { issueVoucher } from '../server/discounts/vouchers';
import { SYSTEM_ACTOR } from '../server/audit/actor';
import { now } from '../server/clock';
import type { Fixture } from './isolation';

async function invoiceOf(seeded: SeededTenant): Promise<string> {
  await startSubscription({ tenantId: seeded.tenant.id, planCode: 'starter', adminUserId: seeded.users.owner.id }, seeded.ownerActor);
  const record = await prisma.billingRecord.findFirstOrThrow({ where: { tenantId: seeded.tenant.id } });
  return record.invoiceNumber!;
}

/**
 * Two tenants on `starter` with an invoice and an all-scope API key each, A with a voucher; `leaks`
 * holds what of A must never appear in an answer to B (name, key, invoice number, member emails, voucher code).
 */
export async function seedIsolationFixture(): Promise<Fixture> {
  const [A, B] = [await seedTestTenant('CNY'), await seedTestTenant('USD')];
  const [keyA, keyB, invoiceA, invoiceB] = [await seedApiKey(A), await seedApiKey(B), await invoiceOf(A), await invoiceOf(B)];
  const voucherA = await issueVoucher({ tenantId: A.tenant.id, code: `ISO-${A.tenant.id.slice(4).toUpperCase()}`, amount: '12.5', expiresAt: new Date(now().getTime() + 90 * 86_400_000), resourceType: null, reason: 'isolation fixture' }, SYSTEM_ACTOR);
  const leaks = [A.tenant.name, keyA.apiKey.prefix, keyA.key, invoiceA, voucherA.code, ...Object.values(A.users).map((u) => u.email)];
  return { A, B, keyA, keyB, invoiceA, invoiceB, leaks };
}
