import { describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { seedTestTenant } from '@/prisma/seed/factories';
import { callerFor } from '@/test/harness';
import { prisma } from '../db';
import { now } from '../clock';
import { startSubscription } from '../subscriptions/start-subscription';
import { evaluateUsageAlerts } from './evaluate';

async function tenant() {
  const seeded = await seedTestTenant('CNY');
  await startSubscription({ tenantId: seeded.tenant.id, planCode: 'starter', adminUserId: seeded.users.owner.id }, seeded.ownerActor);
  return { seeded, owner: await callerFor(seeded.users.owner.id, seeded.tenant.id) };
}

async function addUsage(tenantId: string, quantity: string) {
  const system = await prisma.namespace.findUniqueOrThrow({ where: { tenantId_name: { tenantId, name: 'system' } } });
  const hour = new Date(Math.floor(now().getTime() / 3_600_000) * 3_600_000);
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO usage_hourly (tenant_id, namespace_id, app_id, resource_type, hour_start, quantity, event_count, updated_at)
      VALUES (${tenantId}, ${system.id}, '', 'api_calls', ${hour}, ${quantity}::numeric, 1, now())
      ON CONFLICT (tenant_id, namespace_id, app_id, resource_type, hour_start) DO UPDATE SET quantity = usage_hourly.quantity + EXCLUDED.quantity`;
    return evaluateUsageAlerts(tx, { tenantId, touched: [{ namespaceId: system.id, appId: null, resourceType: 'api_calls' }] });
  });
}

const code = (error: unknown) => (error instanceof TRPCError ? error.code : String(error));

describe('alerts.* (tRPC)', () => {
  it('creates with the documented fields, lists, pauses, resumes and deletes, each audited', async () => {
    const { seeded, owner } = await tenant();
    const created = await owner.alerts.create({ name: 'API调用量告警', resourceType: 'api_calls', appId: seeded.apps[0]!.id, thresholdPercent: 80 });
    expect(created).toMatchObject({ name: 'API调用量告警', resourceType: 'api_calls', appId: seeded.apps[0]!.id, thresholdPercent: 80, thresholdAmount: null, channels: ['email', 'in_app'], status: 'active', lastTriggeredAt: null });
    expect(created.id).toMatch(/^ua_/);
    const list = await owner.alerts.list();
    expect(list.alerts.map((a) => a.id)).toEqual([created.id]);
    expect(list.resourceTypes.map((r) => r.resourceType)).toEqual(expect.arrayContaining(['api_calls', 'active_users', 'storage_gb']));
    expect(list.resourceTypes.map((r) => r.resourceType)).not.toContain('subscription');
    expect((await owner.alerts.setStatus({ id: created.id, status: 'paused' })).status).toBe('paused');
    expect((await owner.alerts.setStatus({ id: created.id, status: 'active' })).status).toBe('active');
    expect(await owner.alerts.delete({ id: created.id })).toEqual({ ok: true });
    expect((await owner.alerts.list()).alerts).toEqual([]);
    const actions = (await prisma.auditLog.findMany({ where: { tenantId: seeded.tenant.id, targetType: 'usage_alert' }, orderBy: { createdAt: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(['usage_alert.create', 'usage_alert.pause', 'usage_alert.resume', 'usage_alert.delete']);
  });

  it('refuses what cannot be watched: no threshold, an unknown resource type or app, a bad percent or quantity, an empty channel list', async () => {
    const { owner } = await tenant();
    const bad = [
      { name: 'x', resourceType: 'api_calls' },
      { name: 'x', resourceType: 'teleports', thresholdPercent: 80 },
      { name: 'x', resourceType: 'subscription', thresholdPercent: 80 },
      { name: 'x', resourceType: 'api_calls', appId: 'app_nope', thresholdPercent: 80 },
      { name: 'x', resourceType: 'api_calls', thresholdPercent: 0 },
      { name: 'x', resourceType: 'api_calls', thresholdPercent: 80.5 },
      { name: 'x', resourceType: 'api_calls', thresholdAmount: '-1' },
      { name: 'x', resourceType: 'api_calls', thresholdAmount: '1e6' },
      { name: 'x', resourceType: 'api_calls', thresholdPercent: 80, channels: [] },
      { name: 'x', resourceType: 'api_calls', thresholdPercent: 80, channels: ['sms'] },
      { name: ' ', resourceType: 'api_calls', thresholdPercent: 80 },
    ];
    for (const input of bad) expect(code(await owner.alerts.create(input as never).catch((e: unknown) => e)), JSON.stringify(input)).toBe('BAD_REQUEST');
    expect((await owner.alerts.list()).alerts).toEqual([]);
  });

  it('an edit that moves a threshold re-arms it for this period; a rename does not', async () => {
    const { seeded, owner } = await tenant();
    const alert = await owner.alerts.create({ name: 'a', resourceType: 'api_calls', thresholdAmount: '100', channels: ['in_app'] });
    expect(await addUsage(seeded.tenant.id, '150')).toHaveLength(1);
    const renamed = await owner.alerts.update({ id: alert.id, name: 'b', resourceType: 'api_calls', thresholdAmount: '100', channels: ['in_app'], status: 'active' });
    expect(renamed.lastTriggeredAt).not.toBeNull();
    expect(await addUsage(seeded.tenant.id, '1')).toEqual([]);
    await owner.alerts.update({ id: alert.id, name: 'b', resourceType: 'api_calls', thresholdAmount: '200', channels: ['in_app'], status: 'active' });
    expect(await addUsage(seeded.tenant.id, '10')).toEqual([]); // 161 < 200
    expect(await addUsage(seeded.tenant.id, '40')).toMatchObject([{ alertId: alert.id, kind: 'amount', observed: '201' }]);
  });

  it('deleting an alert keeps the notifications it sent', async () => {
    const { seeded, owner } = await tenant();
    const alert = await owner.alerts.create({ name: 'a', resourceType: 'api_calls', thresholdAmount: '1', channels: ['in_app'] });
    await addUsage(seeded.tenant.id, '5');
    await owner.alerts.delete({ id: alert.id });
    const notes = await prisma.notification.findMany({ where: { tenantId: seeded.tenant.id } });
    expect(notes).toHaveLength(3);
    expect(notes.every((n) => n.usageAlertId === null && n.kind === 'usage_alert')).toBe(true);
  });
});

describe('notifications.* (tRPC)', () => {
  it('each member reads and marks only their own; pages newest first; unread counts follow', async () => {
    const { seeded, owner } = await tenant();
    await owner.alerts.create({ name: 'a', resourceType: 'api_calls', thresholdAmount: '1', channels: ['in_app'] });
    await owner.alerts.create({ name: 'b', resourceType: 'api_calls', thresholdAmount: '2', channels: ['in_app'] });
    await owner.alerts.create({ name: 'c', resourceType: 'api_calls', thresholdPercent: 1, channels: ['in_app'] });
    await addUsage(seeded.tenant.id, '1');
    await addUsage(seeded.tenant.id, '20000');
    expect(await owner.notifications.unreadCount()).toEqual({ count: 3 });
    const first = await owner.notifications.list({ limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await owner.notifications.list({ limit: 2, cursor: first.nextCursor });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((n) => n.id)).size).toBe(3);
    expect(all.map((n) => n.createdAt.getTime())).toEqual([...all.map((n) => n.createdAt.getTime())].sort((a, b) => b - a));

    const billing = await callerFor(seeded.users.billing.id, seeded.tenant.id);
    const viewer = await callerFor(seeded.users.viewer.id, seeded.tenant.id);
    expect(await viewer.notifications.unreadCount()).toEqual({ count: 0 }); // alerts tell owner, admin and billing
    expect(await billing.notifications.markRead({ ids: all.map((n) => n.id) })).toEqual({ updated: 0 }); // the owner's rows
    expect(await owner.notifications.markRead({ ids: [all[0]!.id] })).toEqual({ updated: 1 });
    expect(await owner.notifications.unreadCount()).toEqual({ count: 2 });
    expect((await owner.notifications.list({ unreadOnly: true })).items.map((n) => n.id)).not.toContain(all[0]!.id);
    expect(await billing.notifications.markAllRead()).toEqual({ updated: 3 });
    expect(await owner.notifications.unreadCount()).toEqual({ count: 2 });
    expect(code(await owner.notifications.list({ cursor: 'not-a-cursor' }).catch((e: unknown) => e))).toBe('BAD_REQUEST');
  });
});
