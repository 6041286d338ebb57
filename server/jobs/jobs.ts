/** Every background job, once. Adding a job is one `defineJob` and one line here. */
import type { JobDefinition } from './registry';
import { subscriptionPastDue, subscriptionPeriodEnd, subscriptionSweep } from './subscription-jobs';
import { usagePrice, usagePriceSweep, usageRawRetention } from './usage-jobs';
import { invoiceCollection, invoiceCollectionSweep, invoiceRetry, invoiceRetrySweep } from './collection-jobs';
import { notificationEmail, notificationEmailSweep } from './notification-jobs';
import { usagePeriodClose, usagePeriodCloseSweep } from './metered-billing-jobs';

export const JOBS: readonly JobDefinition<unknown>[] = [
  subscriptionSweep,
  subscriptionPeriodEnd,
  subscriptionPastDue,
  invoiceCollectionSweep,
  invoiceCollection,
  invoiceRetrySweep,
  invoiceRetry,
  usageRawRetention,
  usagePriceSweep,
  usagePrice,
  usagePeriodCloseSweep,
  usagePeriodClose,
  notificationEmailSweep,
  notificationEmail,
];

export function jobNamed(name: string, jobs: readonly JobDefinition<unknown>[] = JOBS): JobDefinition<unknown> {
  const job = jobs.find((j) => j.name === name);
  if (!job) throw new Error(`unknown job ${name}`);
  return job;
}
