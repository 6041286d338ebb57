import { describe, expect, it } from 'vitest';
import { seedTestTenant, type SeededTenant } from '@/prisma/seed/factories';
import { prisma, type Tx } from '../db';
import { now } from '../clock';
import { startSubscription } from '../subscriptions/start-subscription';
import { createAlert } from './alerts';
import { createAlertInput } from './schema';
import { evaluateUsageAlerts } from './evaluate';
import { createQuota } from '../quotas/quotas';
import { quotaCreateRequest } from '../quotas/schema';
import { ingestUsageEvents } from '../usage/ingest';
import { priceQueuedUsage } from '../usage/pricing-queue';

/** What ingest does for one batch: add to the hour's rollup, then evaluate the alerts, in one transaction. */
async function ingest(tx: Tx, seeded: SeededTenant, resourceType: string, quantity: string, appId: string | null = null) {
  const system = await tx.namespace.findUniqueOrThrow({ where: { tenantId_name: { tenantId: seeded.tenant.id, name: 'system' } } });
  const hour = new Date(Math.floor(now().getTime() / 3_600_000) * 3_600_000);
  await tx.$executeRaw`INSERT INTO usage_hourly (tenant_id, namespace_id, app_id, resource_type, hour_start, quantity, event_count, updated_at)
    VALUES (${seeded.tenant.id}, ${system.id}, ${appId ?? ''}, ${resourceType}, ${hour}, ${quantity}::numeric, 1, now())
    ON CONFLICT (tenant_id, namespace_id, app_id, resource_type, hour_start)
    DO UPDATE SET quantity = usage_hourly.quantity + EXCLUDED.quantity, event_count = usage_hourly.event_count + 1`;
  return evaluateUsageAlerts(tx, { tenantId: seeded.tenant.id, touched: [{ namespaceId: system.id, appId, resourceType }] });
}

const ingestNow = (seeded: SeededTenant, resourceType: string, quantity: string, appId: string | null = null) =>
  prisma.$transaction((tx) => ingest(tx, seeded, resourceType, quantity, appId));

async function starterTenant() {
  const seeded = await seedTestTenant('CNY');
  await startSubscription({ tenantId: seeded.tenant.id, planCode: 'starter', adminUserId: seeded.users.owner.id }, seeded.ownerActor);
  return seeded;
}

const alertOf = (seeded: SeededTenant, input: Record<string, unknown>) =>
  createAlert({ ...createAlertInput.parse({ name: 'API 调用量告警', resourceType: 'api_calls', ...input }), tenantId: seeded.tenant.id }, seeded.ownerActor);

describe('evaluateUsageAlerts', () => {
  it('fires an 80% alert (of the plan\'s 1,000,000 included API calls) exactly once when usage crosses it', async () => {
    const seeded = await starterTenant();
    const alert = await alertOf(seeded, { thresholdPercent: 80 });
    expect(await ingestNow(seeded, 'api_calls', '700000')).toEqual([]);
    expect(await ingestNow(seeded, 'active_users', '900000')).toEqual([]); // another resource type
    const fired = await ingestNow(seeded, 'api_calls', '100000');
    expect(fired).toMatchObject([{ alertId: alert.id, kind: 'percent', observed: '800000', base: '1000000' }]);
    expect(await ingestNow(seeded, 'api_calls', '150000')).toEqual([]);
    expect(await prisma.usageAlertTrigger.count({ where: { tenantId: seeded.tenant.id } })).toBe(1);
    const row = await prisma.usageAlert.findUniqueOrThrow({ where: { tenantId_id: { tenantId: seeded.tenant.id, id: alert.id } } });
    expect(row.lastTriggeredAt).not.toBeNull();
    // one in-app and one email row for each of owner, admin and billing; none for the viewer
    const notes = await prisma.notification.findMany({ where: { tenantId: seeded.tenant.id }, orderBy: [{ channel: 'asc' }, { userId: 'asc' }] });
    expect(notes).toHaveLength(6);
    const recipients = new Set(notes.map((n) => n.userId));
    expect(recipients).toEqual(new Set([seeded.users.owner.id, seeded.users.admin.id, seeded.users.billing.id]));
    expect(notes.filter((n) => n.channel === 'email').every((n) => n.deliveryStatus === 'pending')).toBe(true);
    expect(notes.filter((n) => n.channel === 'in_app').every((n) => n.deliveryStatus === 'sent' && n.readAt === null)).toBe(true);
    expect(notes[0]!.title).toBe('用量告警：API 调用量告警');
    expect(notes[0]!.body).toContain('800,000 次');
    expect(notes[0]!.body).toContain('80%');
  });

  it('concurrent ingests that both cross the line fire once', async () => {
    const seeded = await starterTenant();
    await alertOf(seeded, { thresholdPercent: 50 });
    await ingestNow(seeded, 'api_calls', '490000');
    const results = await Promise.all(Array.from({ length: 6 }, () => ingestNow(seeded, 'api_calls', '20000')));
    expect(results.flat()).toHaveLength(1);
    expect(await prisma.notification.count({ where: { tenantId: seeded.tenant.id, channel: 'in_app' } })).toBe(3);
  });

  it('a fixed amount fires as well as a percent, each once; a paused alert and another app stay silent', async () => {
    const seeded = await starterTenant();
    const both = await alertOf(seeded, { thresholdPercent: 90, thresholdAmount: '1000', channels: ['in_app'] });
    const paused = await alertOf(seeded, { thresholdAmount: '10' });
    await prisma.usageAlert.update({ where: { tenantId_id: { tenantId: seeded.tenant.id, id: paused.id } }, data: { status: 'paused' } });
    const app = seeded.apps[0]!;
    const otherApp = await alertOf(seeded, { thresholdAmount: '1', appId: app.id });
    const first = await ingestNow(seeded, 'api_calls', '1000');
    expect(first.map((f) => [f.alertId, f.kind])).toEqual([[both.id, 'amount']]);
    const second = await ingestNow(seeded, 'api_calls', '900000', app.id);
    expect(second.map((f) => [f.alertId, f.kind]).sort()).toEqual([[both.id, 'percent'], [otherApp.id, 'amount']].sort());
    expect(await prisma.notification.count({ where: { tenantId: seeded.tenant.id, channel: 'email' } })).toBe(3); // only otherApp mails
  });

  it('measures a percent against the matching quota rather than the plan when one exists', async () => {
    const seeded = await starterTenant();
    await createQuota({ tenantId: seeded.tenant.id, namespace: 'system', request: quotaCreateRequest.parse({
      metadata: { name: 'api-cap', namespace: 'system' }, spec: { resource_limits: { api_calls: { maximum: 10000 } } },
    }) }, seeded.ownerActor);
    const alert = await alertOf(seeded, { thresholdPercent: 80 });
    expect(await ingestNow(seeded, 'api_calls', '7999')).toEqual([]);
    expect(await ingestNow(seeded, 'api_calls', '1')).toMatchObject([{ alertId: alert.id, base: '10000', observed: '8000' }]);
  });

  it('does nothing in a rolled-back transaction', async () => {
    const seeded = await starterTenant();
    await alertOf(seeded, { thresholdAmount: '5' });
    await prisma.$transaction(async (tx) => {
      expect(await ingest(tx, seeded, 'api_calls', '10')).toHaveLength(1);
      throw new Error('rollback');
    }).catch(() => undefined);
    expect(await prisma.notification.count({ where: { tenantId: seeded.tenant.id } })).toBe(0);
    expect(await ingestNow(seeded, 'api_calls', '10')).toHaveLength(1);
  });

  it('a spend threshold fires once when the period\'s charges (after included units) reach it, through the real ingest and pricing', async () => {
    const seeded = await starterTenant(); // CNY: 1,000,000 API calls included, then 0.0002 each
    const alert = await alertOf(seeded, { thresholdSpend: '50', channels: ['in_app'] });
    let n = 0;
    const send = async (quantity: string) => {
      n += 1;
      const result = await ingestUsageEvents({ tenantId: seeded.tenant.id, apiKeyId: null, events: [{ event_id: `spend-${n}`, resource_type: 'api_calls', quantity, timestamp: now().toISOString() }] }, seeded.ownerActor);
      expect(result.accepted).toBe(1);
      await priceQueuedUsage({ tenantId: seeded.tenant.id }); // the usage-price job: spend exists once usage is priced
    };
    await send('1200000'); // 200,000 over × 0.0002 = 40
    expect(await prisma.usageAlertTrigger.count({ where: { tenantId: seeded.tenant.id } })).toBe(0);
    await send('100000'); // 60
    await send('1'); // still over: no second firing
    const triggers = await prisma.usageAlertTrigger.findMany({ where: { tenantId: seeded.tenant.id } });
    expect(triggers.map((t) => [t.usageAlertId, t.thresholdKind, t.observedQuantity.toFixed()])).toEqual([[alert.id, 'spend', '60']]);
    const notes = await prisma.notification.findMany({ where: { tenantId: seeded.tenant.id, userId: seeded.users.owner.id } });
    expect(notes.map((note) => note.body)).toEqual(['本周期API 调用费用已达 CNY 60.00，超过告警值 CNY 50.00。']);
  });
});
