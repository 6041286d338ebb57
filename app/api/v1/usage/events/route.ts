import { kickJob } from '@/server/jobs/kick';
import { usagePrice } from '@/server/jobs/usage-jobs';
import { tenantRoute } from '@/server/rest/guard';
import { ingestUsageEvents } from '@/server/usage/ingest';
import { operation } from './operation';

/** Metering sources: a batch of events → one result per event, in the order sent; then the pricing job is kicked. */
export const POST = tenantRoute(operation, async ({ caller, body }) => {
  const result = await ingestUsageEvents({ tenantId: caller.scope.tenantId, apiKeyId: caller.actor.apiKeyId, events: body.events }, caller.actor);
  if (result.accepted > 0) kickJob(usagePrice, { tenantId: caller.scope.tenantId });
  return result;
});
