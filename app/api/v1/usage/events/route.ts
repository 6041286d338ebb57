import { tenantRoute } from '@/server/rest/guard';
import { ingestUsageEvents } from '@/server/usage/ingest';
import { operation } from './operation';

/** Metering sources: a batch of events → one result per event, in the order sent. */
export const POST = tenantRoute(operation, async ({ caller, body }) =>
  ingestUsageEvents({ tenantId: caller.scope.tenantId, apiKeyId: caller.actor.apiKeyId, events: body.events }, caller.actor));
