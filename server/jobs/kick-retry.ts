/**
 * `kickOwedInvoiceRetry`: after a payment-method change has committed (add, make primary or
 * secondary, swap; from the portal and from the REST API), enqueue the tenant's `invoice-retry` job
 * when the change left owed invoices to retry, so they are charged within seconds rather than at
 * the next sweep. Best effort like every kick (kick.ts): the change is already durable, and
 * `invoice-retry-sweep` finds what a lost kick missed. The check keeps changes with nothing owed
 * (the common case) from touching the queue.
 */
import { now } from '../clock';
import { findRetryTargets } from '../collection/retry-owed';
import { invoiceRetry } from './collection-jobs';
import { kickJob } from './kick';

export async function kickOwedInvoiceRetry(tenantId: string): Promise<void> {
  try {
    if ((await findRetryTargets(now(), [tenantId])).length > 0) kickJob(invoiceRetry, { tenantId });
  } catch (error) {
    console.error(`[jobs] could not look for owed invoices to retry (the sweep will): ${(error as Error).message}`);
  }
}
