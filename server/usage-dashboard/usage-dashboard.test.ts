import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestTenant, type SeededTenant } from '../../prisma/seed/factories';
import { callerFor, callRoute } from '../../test/harness';
import { openSession } from '../auth/sessions';
import { setClock, useSystemClock } from '../clock';
import { prisma } from '../db';
import { newId } from '../ids';
import { GET as usageExport } from '@/app/t/[tenantId]/usage/export/route';

/**
 * The dashboard's reads over rollup rows written straight to the tables (the dashboard only reads
 * them; ingest owns writing). Clock: 12:00 on 20 March 2026 in Asia/Shanghai (04:00Z); no
 * subscription, so the period is March in Shanghai: [2026-02-28T16:00Z, 2026-03-31T16:00Z).
 */
const AT = new Date('2026-03-20T04:00:00Z');
const MARCH_START = Date.parse('2026-02-28T16:00:00Z');
const HOUR = 3_600_000;

let A: SeededTenant;
let B: SeededTenant;
let ns: { web: string; system: string };
let app: string;

async function insertRows(t: SeededTenant) {
  const tenantId = t.tenant.id;
  const web = t.namespaces[0]!.id;
  const system = (await prisma.namespace.findUniqueOrThrow({ where: { tenantId_name: { tenantId, name: 'system' } } })).id;
  const appId = t.apps[0]!.id;
  const hours = (AT.getTime() - MARCH_START) / HOUR; // 468 hours of March so far
  await prisma.usageHourly.createMany({
    data: [
      ...Array.from({ length: hours }, (_, i) => ({ tenantId, namespaceId: web, appId, resourceType: 'api_calls', hourStart: new Date(MARCH_START + i * HOUR), quantity: '10', eventCount: 1 })),
      // storage peaks: 5 (web app) + 3 (no app) in the same hour = 8; a later hour alone at 6
      { tenantId, namespaceId: web, appId, resourceType: 'storage_gb', hourStart: new Date(MARCH_START + 30 * HOUR), quantity: '9', maxValue: '5', eventCount: 2 },
      { tenantId, namespaceId: system, appId: '', resourceType: 'storage_gb', hourStart: new Date(MARCH_START + 30 * HOUR), quantity: '3', maxValue: '3', eventCount: 1 },
      { tenantId, namespaceId: web, appId, resourceType: 'storage_gb', hourStart: new Date(MARCH_START + 40 * HOUR), quantity: '6', maxValue: '6', eventCount: 1 },
    ],
  });
  await prisma.usageDaily.createMany({
    data: [
      ...Array.from({ length: 19 }, (_, i) => ({ tenantId, namespaceId: web, appId, resourceType: 'api_calls', day: new Date(Date.UTC(2026, 2, i + 1)), quantity: '240' })),
      { tenantId, namespaceId: system, appId: '', resourceType: 'api_calls', day: new Date(Date.UTC(2026, 2, 5)), quantity: '100' },
      { tenantId, namespaceId: web, appId, resourceType: 'storage_gb', day: new Date(Date.UTC(2026, 2, 2)), quantity: '15', maxValue: '5' },
      { tenantId, namespaceId: system, appId: '', resourceType: 'storage_gb', day: new Date(Date.UTC(2026, 2, 2)), quantity: '3', maxValue: '3' },
    ],
  });
  await prisma.usageMonthly.createMany({
    data: [
      { tenantId, namespaceId: web, appId, resourceType: 'api_calls', month: new Date(Date.UTC(2026, 1, 1)), quantity: '1000' },
      { tenantId, namespaceId: web, appId, resourceType: 'api_calls', month: new Date(Date.UTC(2026, 2, 1)), quantity: '5000' },
    ],
  });
  return { web, system, appId };
}

async function quota(tenantId: string, namespaceId: string, name: string, resourceType: string, maximum: string, appId: string | null = null) {
  const id = newId('qta');
  await prisma.quota.create({ data: { tenantId, id, namespaceId, name, uid: randomUUID(), appId, enforcement: appId ? 'soft' : 'hard', resourceLimits: { [resourceType]: { maximum: Number(maximum) } } } });
  await prisma.quotaResourceLimit.create({ data: { tenantId, quotaId: id, resourceType, maximum } });
  return id;
}

beforeAll(async () => {
  [A, B] = [await seedTestTenant('CNY'), await seedTestTenant('CNY')];
  const rows = await insertRows(A);
  ns = { web: rows.web, system: rows.system };
  app = rows.appId;
  await insertRows(B);
  await quota(A.tenant.id, ns.system, 'tenant-api', 'api_calls', '10000');
  await quota(A.tenant.id, ns.web, 'web-app-api', 'api_calls', '4000', app);
  await quota(A.tenant.id, ns.system, 'tenant-storage', 'storage_gb', '10');
  setClock(AT);
});
afterAll(() => useSystemClock());

const callerA = () => callerFor(A.users.viewer.id, A.tenant.id);

describe('usageDashboard.series', () => {
  it('daily, stacked by resource type: every day present, counters summed, a gauge the sum of its per-app peaks', async () => {
    const r = await (await callerA()).usageDashboard.series({ granularity: 'day', stackBy: 'resource_type', from: '2026-03-01', to: '2026-03-10' });
    expect(r.buckets).toEqual(Array.from({ length: 10 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`));
    expect(r.timeZone).toBe('Asia/Shanghai');
    expect(r.series.map((s) => s.key)).toEqual(['api_calls', 'storage_gb']); // catalog order
    const api = r.series[0]!;
    expect(api.values).toEqual(['240', '240', '240', '240', '340', '240', '240', '240', '240', '240']);
    expect(api.total).toBe('2500');
    expect(api.name).toBe('API calls');
    const storage = r.series[1]!;
    expect(storage.values[1]).toBe('8');
    expect(storage.values.filter((v) => v !== '0')).toHaveLength(1);
    expect(storage.total).toBe('8'); // a gauge's total is its highest bucket
    expect(r.resourceTypes.map((t) => t.resourceType)).toContain('bandwidth_gb');
    expect(r.resourceTypes.map((t) => t.resourceType)).not.toContain('subscription');
  });

  it('daily, stacked by app: the app by name, usage without an app under the empty key', async () => {
    const r = await (await callerA()).usageDashboard.series({ granularity: 'day', stackBy: 'app', resourceType: 'api_calls', from: '2026-03-04', to: '2026-03-06' });
    expect(r.series).toEqual([
      { key: app, name: 'web', nameZh: 'web', values: ['240', '240', '240'], total: '720' },
      { key: '', name: null, nameZh: null, values: ['0', '100', '0'], total: '100' },
    ]);
  });

  it('hourly: the 24 hours of a Shanghai day start at 16:00Z the day before; hours not yet reached are zero', async () => {
    const r = await (await callerA()).usageDashboard.series({ granularity: 'hour', stackBy: 'resource_type', resourceType: 'api_calls', from: '2026-03-20', to: '2026-03-20' });
    expect(r.buckets).toHaveLength(24);
    expect(r.buckets[0]).toBe('2026-03-19T16:00:00Z');
    expect(r.series[0]!.values).toEqual([...Array(12).fill('10'), ...Array(12).fill('0')]);
  });

  it('monthly reads the monthly rollup; the default window is the last 12 months', async () => {
    const caller = await callerA();
    const r = await caller.usageDashboard.series({ granularity: 'month', stackBy: 'resource_type', from: '2026-01-15', to: '2026-03-20' });
    expect(r.buckets).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(r.series[0]!.values).toEqual(['0', '1000', '5000']);
    const byDefault = await caller.usageDashboard.series({ granularity: 'month' });
    expect(byDefault.buckets).toHaveLength(12);
    expect(byDefault.buckets.at(-1)).toBe('2026-03');
  });

  it('refuses stacking by app without a resource type, half a range, a reversed or too long range with BAD_REQUEST', async () => {
    const caller = await callerA();
    const bad: unknown[] = [
      { stackBy: 'app' }, { from: '2026-03-01' }, { from: '2026-03-10', to: '2026-03-01' }, { granularity: 'hour', from: '2026-01-01', to: '2026-03-01' },
      { from: '2026-02-30', to: '2026-03-01' }, { granularity: 'week' }, { tenantId: B.tenant.id },
    ];
    for (const input of bad) {
      const error = await caller.usageDashboard.series(input as never).catch((e: unknown) => e);
      expect((error as TRPCError).code, JSON.stringify(input)).toBe('BAD_REQUEST');
    }
  });
});

describe('usageDashboard.quotaBars and projection', () => {
  it('each quota limit with the period usage of its scope, percent used and a linear projection', async () => {
    const r = await (await callerA()).usageDashboard.quotaBars();
    expect(r.periodStart.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(r.periodEnd.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    const by = Object.fromEntries(r.bars.map((b) => [b.quotaName, b]));
    expect(Object.keys(by).sort()).toEqual(['tenant-api', 'tenant-storage', 'web-app-api']);
    // 468 hours × 10 = 4680 so far; the last 7 whole days 13–19 March: 1680 → 240 a day; 11.5 days left
    expect(by['tenant-api']).toMatchObject({ namespace: 'system', used: '4680', percentUsed: 46.8, projected: '7440', projectedPercent: 74.4, method: 'linear_7d_daily_average', enforcement: 'hard' });
    expect(by['web-app-api']).toMatchObject({ namespace: 'web', appId: app, appName: 'web', used: '4680', percentUsed: 117, enforcement: 'soft' });
    // storage: the peak of the hourly tenant-wide sums (5 + 3 in one hour), not a sum over time
    expect(by['tenant-storage']).toMatchObject({ used: '8', percentUsed: 80, projected: '8', method: 'peak_so_far' });
  });

  it('the projection per resource type names its method, the averaged days and the days left', async () => {
    const r = await (await callerA()).usageDashboard.projection();
    expect(r).toMatchObject({ daysRemaining: '11.5', averageFrom: '2026-03-13', averageTo: '2026-03-19', timeZone: 'Asia/Shanghai' });
    const api = r.items.find((i) => i.resource.resourceType === 'api_calls')!;
    expect(api).toMatchObject({ used: '4680', dailyAverage: '240', projected: '7440', method: 'linear_7d_daily_average', includedUnits: null });
    const storage = r.items.find((i) => i.resource.resourceType === 'storage_gb')!;
    expect(storage).toMatchObject({ used: '8', dailyAverage: null, projected: '8', method: 'peak_so_far' });
  });
});

const COOKIE = 'authjs.session-token';
async function sessionCookie(userId: string) {
  const session = await openSession(userId, '127.0.0.1', 'vitest');
  return `${COOKIE}=${await encode({ token: { sub: userId, sid: session.id }, secret: process.env.AUTH_SECRET!, salt: COOKIE })}`;
}

describe('usage CSV export', () => {
  const csv = (path: string, cookie: string, tenantId = A.tenant.id) => callRoute(usageExport as never, { path, headers: { cookie }, params: { tenantId } });

  it('writes what the chart shows: one line per bucket and series, the same numbers as the procedure', async () => {
    const query = 'granularity=day&stackBy=app&resourceType=api_calls&from=2026-03-04&to=2026-03-06';
    const response = await csv(`/t/${A.tenant.id}/usage/export?${query}`, await sessionCookie(A.users.viewer.id));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain(`usage-${A.tenant.id}-day-2026-03-04-2026-03-06.csv`);
    const lines = response.text.trim().split('\r\n');
    expect(lines[0]).toBe('bucket,granularity,time_zone,stack_by,series_key,series_name,series_name_zh,resource_type,quantity');
    expect(lines.slice(1)).toEqual([
      `2026-03-04,day,Asia/Shanghai,app,${app},web,web,api_calls,240`, '2026-03-04,day,Asia/Shanghai,app,,,,api_calls,0',
      `2026-03-05,day,Asia/Shanghai,app,${app},web,web,api_calls,240`, '2026-03-05,day,Asia/Shanghai,app,,,,api_calls,100',
      `2026-03-06,day,Asia/Shanghai,app,${app},web,web,api_calls,240`, '2026-03-06,day,Asia/Shanghai,app,,,,api_calls,0',
    ]);
  });

  it("another tenant's URL is 404 with none of its data; signed out 401; a bad query 400", async () => {
    const foreign = await csv(`/t/${A.tenant.id}/usage/export`, await sessionCookie(B.users.owner.id));
    expect(foreign.status).toBe(404);
    expect(foreign.text).not.toContain('api_calls');
    expect((await csv(`/t/${A.tenant.id}/usage/export`, '')).status).toBe(401);
    expect((await csv(`/t/${A.tenant.id}/usage/export?stackBy=app`, await sessionCookie(A.users.viewer.id))).status).toBe(400);
    expect((await csv(`/t/${A.tenant.id}/usage/export?granularity=day&from=2026-03-01&to=2026-03-02&bogus=1`, await sessionCookie(A.users.viewer.id))).status).toBe(400);
  });
});
