import { z } from 'zod';
import { SYSTEM_ACTOR } from '../audit/actor';
import { collectInvoice } from '../collection/collect-invoice';
import { findDueCollections } from '../collection/due-collections';
import { findRetryTargets, retryOwedInvoices } from '../collection/retry-owed';
import { defineJob } from './registry';

/** One dunning step of one invoice: charge the primary, then the secondary (server/collection). */
export const invoiceCollection = defineJob({
  name: 'invoice-collection',
  payload: z.strictObject({ tenantId: z.string().min(1).max(64), invoiceId: z.string().min(1).max(64), step: z.number().int().min(0).max(20) }),
  key: (data) => `collect:${data.tenantId}:${data.invoiceId}:${data.step}`,
  handler: (data) => collectInvoice(data, SYSTEM_ACTOR),
  // A retry re-runs the step with the same attempts (same idempotency keys): never a second charge.
  retry: { limit: 5, delaySeconds: 60, backoff: true },
  expireInSeconds: 300,
});

/** Every five minutes: the invoices whose next dunning step is due, one job per (invoice, step). */
export const invoiceCollectionSweep = defineJob({
  name: 'invoice-collection-sweep',
  payload: z.strictObject({}),
  key: () => 'invoice-collection-sweep',
  schedule: { cron: '*/5 * * * *', tz: 'UTC' },
  handler: async (_data, { at, enqueue, tenantIds }) => {
    for (const due of await findDueCollections(at, tenantIds)) await enqueue(invoiceCollection.name, due);
  },
  retry: { limit: 1, delaySeconds: 60, backoff: false },
  expireInSeconds: 240,
});

/**
 * A tenant's owed invoices collected again after it changed its payment methods (server/collection/
 * retry-owed.ts). Kicked by the payment-method mutations once they commit (kick-retry.ts), and by
 * its sweep. `stately`: a change made while the job runs gets one more run. Idempotent per
 * (invoice, change): a re-run reuses the attempts (and their idempotency keys) it recorded.
 */
export const invoiceRetry = defineJob({
  name: 'invoice-retry',
  payload: z.strictObject({ tenantId: z.string().min(1).max(64) }),
  key: (data) => `retry:${data.tenantId}`,
  handler: (data, { at }) => retryOwedInvoices({ tenantId: data.tenantId, at }, SYSTEM_ACTOR),
  retry: { limit: 5, delaySeconds: 60, backoff: true },
  expireInSeconds: 300,
  policy: 'stately',
});

/** Every five minutes: the net under a lost kick, one retry job per tenant with something to retry. */
export const invoiceRetrySweep = defineJob({
  name: 'invoice-retry-sweep',
  payload: z.strictObject({}),
  key: () => 'invoice-retry-sweep',
  schedule: { cron: '*/5 * * * *', tz: 'UTC' },
  handler: async (_data, { at, enqueue, tenantIds }) => {
    const tenants = new Set((await findRetryTargets(at, tenantIds)).map((target) => target.trigger.tenantId));
    for (const tenantId of tenants) await enqueue(invoiceRetry.name, { tenantId });
  },
  retry: { limit: 1, delaySeconds: 60, backoff: false },
  expireInSeconds: 240,
});
