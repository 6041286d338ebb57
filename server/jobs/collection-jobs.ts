import { z } from 'zod';
import { SYSTEM_ACTOR } from '../audit/actor';
import { collectInvoice } from '../collection/collect-invoice';
import { findDueCollections } from '../collection/due-collections';
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
