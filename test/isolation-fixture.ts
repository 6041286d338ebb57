import { seedApiKey, seedTestTenant, type SeededTenant } from '../prisma/seed/factories';
import { prisma } from '../server/db';
import { startSubscription } from '../server/subscriptions/start-subscription';
import type { Fixture } from './isolation';

async function invoiceOf(seeded: SeededTenant): Promise<string> {
  await startSubscription({ tenantId: seeded.tenant.id, planCode: 'starter', adminUserId: seeded.users.owner.id }, seeded.ownerActor);
  const record = await prisma.billingRecord.findFirstOrThrow({ where: { tenantId: seeded.tenant.id } });
  return record.invoiceNumber!;
}

/**
 * Two tenants on `starter` with an invoice and an all-scope API key each; `leaks` holds what of A
 * must never appear in an answer to B (name, key, invoice number, member emails).
 */
export async function seedIsolationFixture(): Promise<Fixture> {
  const [A, B] = [await seedTestTenant('CNY'), await seedTestTenant('USD')];
  const [keyA, keyB, invoiceA, invoiceB] = [await seedApiKey(A), await seedApiKey(B), await invoiceOf(A), await invoiceOf(B)];
  const leaks = [A.tenant.name, keyA.apiKey.prefix, keyA.key, invoiceA, ...Object.values(A.users).map((u) => u.email)];
  return { A, B, keyA, keyB, invoiceA, invoiceB, leaks };
}
