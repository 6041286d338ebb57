/** The shape of one scripted event of the demo year (the list is in scripted-events.ts). */
import type { Actor } from '../../server/audit/actor';
import type { SeededTenant } from './factories';

export type DemoTenantId = 'tnt_demo' | 'tnt_acme';

export interface ScriptedEventContext {
  /** The seeded tenant the event is for (users, actors, apps, namespaces). */
  tenant: SeededTenant;
  /** Both demo tenants, for events that need the other one. */
  tenants: Record<DemoTenantId, SeededTenant>;
  /** The platform's finance staff member, for credits and corrections. */
  financeActor: Actor;
  /** The platform's admin staff member, for approvals and catalog changes. */
  adminActor: Actor;
  /** The simulated now (the clock is already set to it). */
  at: Date;
}

export interface ScriptedEvent {
  tenant: DemoTenantId;
  /** Days after the history start (day 0 is the first day, 09:00 Asia/Shanghai + `hour` hours). */
  day: number;
  /** Hours after 09:00 Shanghai on that day; default 0. Events of one day run in list order. */
  hour?: number;
  label: string;
  run(context: ScriptedEventContext): Promise<unknown>;
}
