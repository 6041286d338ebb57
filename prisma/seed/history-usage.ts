/**
 * The last 90 days of metered usage, sent through the product's ingest path on the simulated clock
 * (`ingestUsageEvents` with an ingest-scoped API key, as a metering source would): every 6 days the
 * source ships the hours since its last batch — in the last 7 days pre-aggregated per hour
 * (counters) and sampled every 6 hours (gauges), before that one event per counter and gauge per
 * day — in batches of at most 1,000 events. Usage follows a daily rhythm (busy
 * afternoons, quiet nights, in the tenant's timezone), a weekly one (quiet weekends) and slow growth.
 *
 * Scripted on top: the demo tenant's tenant-wide hard quota on API calls, a soft bandwidth quota
 * the mobile app runs past every period, and an alert on the website's API calls that only a retry
 * storm 5 days before the end of the history crosses (4,200,000 calls in 6 hours against a normal
 * month of about 3,000,000), so it fires once.
 */
import { apiKeyActor } from '../../server/audit/actor';
import { createAlert } from '../../server/alerts/alerts';
import { createAlertInput } from '../../server/alerts/schema';
import { now } from '../../server/clock';
import { createQuota } from '../../server/quotas/quotas';
import { quotaCreateRequest } from '../../server/quotas/schema';
import { ingestUsageEvents } from '../../server/usage/ingest';
import type { UsageEventInput } from '../../server/usage/schema';
import { fromLocal, startOfLocalDay, toLocal } from '../../server/time/zoned';
import { seedApiKey, type SeededTenant } from './factories';
import type { DemoTenantId, ScriptedEvent, ScriptedEventContext } from './scripted-event';

const USAGE_DAYS = 90;
const SHIP_EVERY_DAYS = 6;
const BATCH = 1000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const SPIKE_DAYS_BEFORE_END = 5;
/** Hourly detail for the last 7 days; older days arrive pre-aggregated per day (fewer events and fewer hours to price). */
const HOURLY_DAYS = 7;
const SPIKE_PER_HOUR = 700_000;

/** Where the replay ends (the seed runs up to the real now, read before the clock is simulated) and where it starts (demo.ts: the first of the month 12 months back, 09:00 Shanghai). */
const SEED_END = now();
function historyStart(): Date {
  const local = toLocal(SEED_END, 'Asia/Shanghai');
  const index = local.year * 12 + local.month - 1 - 12;
  return fromLocal({ year: Math.floor(index / 12), month: (index % 12) + 1, day: 1, hour: 9 }, 'Asia/Shanghai');
}

/** One metered stream: an app in a namespace, with its peak-hour rates and gauge levels. */
type Stream = { app: number; namespace: number; apiCalls: number; mfa: number; bandwidthGb: number; activeUsers: number; storageGb: number };

const STREAMS: Record<DemoTenantId, Stream[]> = {
  tnt_demo: [
    { app: 0, namespace: 0, apiCalls: 6000, mfa: 40, bandwidthGb: 2.5, activeUsers: 1800, storageGb: 35 },
    { app: 1, namespace: 1, apiCalls: 4000, mfa: 60, bandwidthGb: 4, activeUsers: 3200, storageGb: 20 },
  ],
  tnt_acme: [
    { app: 0, namespace: 0, apiCalls: 1500, mfa: 12, bandwidthGb: 0.8, activeUsers: 600, storageGb: 8 },
    { app: 0, namespace: 1, apiCalls: 150, mfa: 1, bandwidthGb: 0.05, activeUsers: 20, storageGb: 1 },
  ],
};

/** Deterministic jitter in [0.9, 1.1): the same seed always writes the same history. */
function jitter(...parts: number[]): number {
  let hash = 2166136261;
  for (const part of parts) hash = Math.imul(hash ^ part, 16777619) >>> 0;
  return 0.9 + ((hash % 1000) / 1000) * 0.2;
}

/** Busy afternoons, quiet nights (local hour), quiet weekends, 25 % growth over the window. */
function rhythm(at: Date, timeZone: string, windowStart: number): number {
  const local = toLocal(at, timeZone);
  const daily = 0.35 + 0.65 * Math.max(0, Math.sin((Math.PI * (local.hour - 7)) / 16));
  const weekday = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();
  const weekly = weekday === 0 || weekday === 6 ? 0.55 : 1;
  return daily * weekly * (1 + 0.25 * ((at.getTime() - windowStart) / (USAGE_DAYS * DAY_MS)));
}

const fixed = (value: number, places: number) => value.toFixed(places);

type Window = { start: number; hourlyFrom: number; spikeStart: number };

/** One hour's counters of a stream: its rates at that hour's rhythm, plus the retry storm on the demo website. */
function hourCounters(tenant: SeededTenant, stream: Stream, index: number, hour: number, window: Window) {
  const level = rhythm(new Date(hour), tenant.tenant.billingTimezone, window.start);
  const h = hour / HOUR_MS;
  const storm = tenant.tenant.id === 'tnt_demo' && index === 0 && hour >= window.spikeStart && hour < window.spikeStart + 6 * HOUR_MS ? SPIKE_PER_HOUR : 0;
  return {
    api_calls: Math.round(stream.apiCalls * level * jitter(h, index, 1)) + storm,
    mfa_verifications: Math.round(stream.mfa * level * jitter(h, index, 2)),
    bandwidth_gb: stream.bandwidthGb * level * jitter(h, index, 3),
  };
}

/**
 * A stream's events for one hour. In the last 7 local days every hour carries its counters and
 * gauges are sampled every 6 hours; before that the source sent one pre-aggregated event per
 * counter per local day (at 23:00, the day's 24 hours summed) and one gauge sample a day, so days
 * and months are exact and the seed stays small.
 */
function streamEvents(tenant: SeededTenant, stream: Stream, index: number, hour: number, window: Window): UsageEventInput[] {
  const app = tenant.apps[stream.app]!;
  const namespace = tenant.namespaces[stream.namespace]!.name;
  const localHour = toLocal(new Date(hour), tenant.tenant.billingTimezone).hour;
  const timestamp = new Date(hour).toISOString();
  const event = (resourceType: string, quantity: string): UsageEventInput => ({
    event_id: `seed-${namespace}-${resourceType}-${timestamp}`, app_id: app.id, namespace, resource_type: resourceType, quantity, timestamp,
  });
  const events: UsageEventInput[] = [];
  const hourly = startOfLocalDay(new Date(hour), tenant.tenant.billingTimezone).getTime() >= window.hourlyFrom;
  if (hourly || localHour === 23) {
    const hours = hourly ? [hour] : Array.from({ length: 24 }, (_, i) => hour - i * HOUR_MS);
    const totals = { api_calls: 0, mfa_verifications: 0, bandwidth_gb: 0 };
    for (const at of hours) {
      const counters = hourCounters(tenant, stream, index, at, window);
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += counters[key];
    }
    events.push(event('api_calls', fixed(totals.api_calls, 0)), event('mfa_verifications', fixed(totals.mfa_verifications, 0)), event('bandwidth_gb', fixed(totals.bandwidth_gb, 3)));
  }
  if (hourly ? localHour % 6 === 0 : localHour === 23) {
    const growth = 1 + 0.25 * ((hour - window.start) / (USAGE_DAYS * DAY_MS));
    events.push(event('active_users', fixed(stream.activeUsers * growth * jitter(hour / HOUR_MS, index, 4), 0)), event('storage_gb', fixed(stream.storageGb * growth, 2)));
  }
  return events;
}

type Source = { apiKeyId: string; createdBy: string; shippedUntil: number; events: number; ms: number };
const sources = new Map<DemoTenantId, Source>();

/** The source ships every whole hour since its last batch, up to the simulated now. */
async function ship({ tenant }: ScriptedEventContext, tenantId: DemoTenantId, window: Window) {
  const source = sources.get(tenantId)!;
  const until = Math.floor(now().getTime() / HOUR_MS) * HOUR_MS;
  const events: UsageEventInput[] = [];
  for (let at = source.shippedUntil; at < until; at += HOUR_MS) {
    STREAMS[tenantId].forEach((stream, index) => events.push(...streamEvents(tenant, stream, index, at, window)));
  }
  const started = performance.now();
  const actor = apiKeyActor(source.apiKeyId, source.createdBy, { ip: '127.0.0.1', userAgent: 'metering-agent (seed)', requestId: `seed-usage-${until}` });
  for (let i = 0; i < events.length; i += BATCH) {
    const result = await ingestUsageEvents({ tenantId: tenant.tenant.id, apiKeyId: source.apiKeyId, events: events.slice(i, i + BATCH) }, actor);
    if (result.rejected > 0) throw new Error(`ingest rejected ${result.rejected} seeded events: ${JSON.stringify(result.results.find((r) => r.status === 'rejected'))}`);
  }
  source.shippedUntil = until;
  source.events += events.length;
  source.ms += performance.now() - started;
}

/** The last batch also says what the usage history cost. */
async function shipLast(ctx: ScriptedEventContext, tenantId: DemoTenantId, window: Window) {
  await ship(ctx, tenantId, window);
  const { events, ms } = sources.get(tenantId)!;
  console.log(`[seed] ${tenantId}: ${USAGE_DAYS} days of usage, ${events} events ingested in ${(ms / 1000).toFixed(1)} s`);
}

/** The demo tenant's quotas and alert, made as its owner would through the quota and alert APIs. */
async function demoQuotasAndAlert({ tenant }: ScriptedEventContext) {
  const tenantId = tenant.tenant.id;
  const [web, mobile] = tenant.apps;
  await createQuota({ tenantId, namespace: 'system', request: quotaCreateRequest.parse({
    metadata: { name: 'api-calls', description: '全租户 API 调用上限' }, spec: { resource_limits: { api_calls: { maximum: 12_000_000 } }, enforcement: 'hard' },
  }) }, tenant.ownerActor);
  await createQuota({ tenantId, namespace: 'mobile', request: quotaCreateRequest.parse({
    metadata: { name: 'mobile-bandwidth', description: '移动应用流量（软限制：超出只告警）' }, spec: { resource_limits: { bandwidth_gb: { maximum: 200 } }, enforcement: 'soft', app_id: mobile!.id },
  }) }, tenant.ownerActor);
  await createQuota({ tenantId, namespace: 'system', request: quotaCreateRequest.parse({
    metadata: { name: 'storage' }, spec: { resource_limits: { storage_gb: { maximum: 100 } }, enforcement: 'hard' },
  }) }, tenant.ownerActor);
  await createAlert({ tenantId, ...createAlertInput.parse({ name: '官网 API 调用激增', resourceType: 'api_calls', appId: web!.id, thresholdAmount: '4000000' }) }, tenant.ownerActor);
}

async function acmeQuota({ tenant }: ScriptedEventContext) {
  await createQuota({ tenantId: tenant.tenant.id, namespace: 'system', request: quotaCreateRequest.parse({
    metadata: { name: 'api-calls', description: 'Tenant-wide API calls' }, spec: { resource_limits: { api_calls: { maximum: 2_000_000 } }, enforcement: 'hard' },
  }) }, tenant.ownerActor);
}

/** Day numbers and hours (after 09:00 Shanghai) for the replay: a start, a batch every 6 days, a last one just before the end. */
function usageEvents(tenantId: DemoTenantId): ScriptedEvent[] {
  const start = historyStart();
  const endDay = Math.floor((SEED_END.getTime() - start.getTime()) / DAY_MS);
  const firstDay = Math.max(0, endDay - USAGE_DAYS);
  const windowStart = start.getTime() + firstDay * DAY_MS;
  const endHour = Math.floor(SEED_END.getTime() / HOUR_MS) * HOUR_MS;
  const window: Window = { start: windowStart, hourlyFrom: endHour - HOURLY_DAYS * DAY_MS, spikeStart: endHour - SPIKE_DAYS_BEFORE_END * DAY_MS };
  const begin: ScriptedEvent = {
    tenant: tenantId, day: firstDay, label: 'metering source: an ingest API key, quotas and alerts',
    run: async (ctx) => {
      const { apiKey } = await seedApiKey(ctx.tenant, ['ingest'], 'metering agent');
      sources.set(tenantId, { apiKeyId: apiKey.id, createdBy: ctx.tenant.users.owner.id, shippedUntil: windowStart, events: 0, ms: 0 });
      await (tenantId === 'tnt_demo' ? demoQuotasAndAlert(ctx) : acmeQuota(ctx));
    },
  };
  const batches: ScriptedEvent[] = [];
  for (let day = firstDay + SHIP_EVERY_DAYS; day < endDay; day += SHIP_EVERY_DAYS) {
    batches.push({ tenant: tenantId, day, hour: 15, label: 'metering source ships usage', run: (ctx) => ship(ctx, tenantId, window) });
  }
  // The last batch just before the replay ends, so the charts reach today.
  const lastHour = (SEED_END.getTime() - (start.getTime() + endDay * DAY_MS)) / HOUR_MS - 1 / 60;
  const last: ScriptedEvent = lastHour > 0
    ? { tenant: tenantId, day: endDay, hour: lastHour, label: 'metering source ships usage', run: (ctx) => shipLast(ctx, tenantId, window) }
    : { tenant: tenantId, day: endDay - 1, hour: 23.9, label: 'metering source ships usage', run: (ctx) => shipLast(ctx, tenantId, window) };
  return [begin, ...batches, last];
}

export const USAGE_EVENTS: ScriptedEvent[] = [...usageEvents('tnt_demo'), ...usageEvents('tnt_acme')];
