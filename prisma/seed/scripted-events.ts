/**
 * The demo year, as a list of scripted events replayed on the simulated clock (prisma/seed/demo.ts).
 *
 * The replay walks day by day from the history start; each day at 09:00 Shanghai it first runs the
 * jobs that are due (`runDueJobs`: renewals, trial ends, grace expiry…, exactly as the workers would),
 * then that day's events at 09:00 + `hour`, in list order. An event calls domain functions with the tenant's actors; it never
 * writes rows directly.
 *
 * To add events from another slice: export an array of `ScriptedEvent` (type in scripted-event.ts) from your
 * own file (`prisma/seed/history-<topic>.ts`) and append it to SCRIPTED_EVENTS below with one line.
 */
import type { ScriptedEvent } from './scripted-event';
import { LIFECYCLE_EVENTS } from './history-lifecycle';
import { CREDIT_EVENTS } from './history-credits';
import { TRANSITION_EVENTS } from './history-transitions';
import { USAGE_EVENTS } from './history-usage';
import { COLLECTION_EVENTS } from './history-collection';
import { DISCOUNT_EVENTS } from './history-discounts';
import { REFUND_EVENTS } from './history-refunds';

export type { ScriptedEvent, ScriptedEventContext, DemoTenantId } from './scripted-event';

/** Every scripted event of the demo year. Others append their arrays here, one line each. */
export const SCRIPTED_EVENTS: ScriptedEvent[] = [
  ...LIFECYCLE_EVENTS,
  ...CREDIT_EVENTS,
  ...TRANSITION_EVENTS,
  ...USAGE_EVENTS,
  ...COLLECTION_EVENTS,
  ...DISCOUNT_EVENTS,
  ...REFUND_EVENTS,
];
