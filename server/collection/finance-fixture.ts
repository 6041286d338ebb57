import { afterEach } from 'vitest';
import { seedTestTenant, type SeededTenant } from '../../prisma/seed/factories';
import { userActor } from '../audit/actor';
import { now, setClock, useSystemClock } from '../clock';
import { prisma } from '../db';

/** The finance staff member the collection tests act as. */
export const financeActor = userActor('usr_finance_test', { ip: '127.0.0.1', userAgent: 'test', requestId: 'test' }, 'staff');

/**
 * Fresh USD tenants on a test file's own clock. Each test file picks a year no other file's clock
 * reaches, so their unscoped job runs never touch its invoices; after each test the tenants'
 * subscriptions are ended (nothing renews into the next test) and the system clock is back.
 */
export function tenantsOnClock(start: Date, afterEachTest?: () => void): () => Promise<SeededTenant> {
  const tenants: string[] = [];
  afterEach(async () => {
    afterEachTest?.();
    await prisma.subscription.updateMany({ where: { tenantId: { in: tenants }, endedAt: null }, data: { status: 'canceled', endedAt: now() } });
    useSystemClock();
  });
  return async () => {
    setClock(start);
    const seeded = await seedTestTenant('USD');
    tenants.push(seeded.tenant.id);
    return seeded;
  };
}
