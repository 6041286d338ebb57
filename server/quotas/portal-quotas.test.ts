import { describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { GET as getRoute } from '@/app/api/web/namespaces/[namespace]/quotas/[name]/route';
import { seedApiKey, seedTestTenant } from '@/prisma/seed/factories';
import { bearer, callRoute, callerFor } from '@/test/harness';
import { prisma } from '../db';

const code = (error: unknown) => (error instanceof TRPCError ? error.code : String(error));

describe('quotas.* (tRPC) write the same F5 objects as the REST API', () => {
  it('create → REST Get shows the object; update keeps api_limits set over REST; delete removes the limit rows', async () => {
    const seeded = await seedTestTenant('USD');
    const owner = await callerFor(seeded.users.owner.id, seeded.tenant.id);
    const { key } = await seedApiKey(seeded);
    const created = await owner.quotas.create({
      namespace: 'web', name: 'web-cap', description: 'Web app cap', labels: { env: 'prod' }, enforcement: 'soft', appId: seeded.apps[0]!.id,
      resourceLimits: [{ resourceType: 'api_calls', maximum: '250000.5' }], objectLimits: [{ kind: 'api_keys', maximum: 3 }],
    });
    expect(created).toMatchObject({ namespace: 'web', name: 'web-cap', enforcement: 'soft', resourceLimits: [{ resourceType: 'api_calls', maximum: '250000.5' }], objectLimits: [{ kind: 'api_keys', maximum: 3 }] });
    const rest = await callRoute(getRoute, { path: '/api/web/namespaces/web/quotas/web-cap', params: { namespace: 'web', name: 'web-cap' }, headers: bearer(key) });
    expect(rest.json).toMatchObject({
      metadata: { name: 'web-cap', namespace: 'web', labels: { env: 'prod' }, description: 'Web app cap', disable: false },
      spec: { resource_limits: { api_calls: { maximum: 250000.5 } }, object_limits: { api_keys: { maximum: 3 } }, api_limits: {}, enforcement: 'soft', app_id: seeded.apps[0]!.id },
    });
    await prisma.quota.update({ where: { tenantId_id: { tenantId: seeded.tenant.id, id: (await prisma.quota.findFirstOrThrow({ where: { uid: created.uid } })).id } }, data: { apiLimits: { 'x.y.Create': { rate: 5 } } } });
    const updated = await owner.quotas.update({ namespace: 'web', name: 'web-cap', resourceLimits: [{ resourceType: 'storage_gb', maximum: '10' }] });
    expect(updated).toMatchObject({ enforcement: 'hard', appId: null, labels: {}, resourceLimits: [{ resourceType: 'storage_gb', maximum: '10' }], objectLimits: [] });
    const row = await prisma.quota.findFirstOrThrow({ where: { uid: created.uid }, include: { limitRows: true } });
    expect(row.apiLimits).toEqual({ 'x.y.Create': { rate: 5 } });
    expect(row.limitRows.map((l) => [l.resourceType, l.maximum.toFixed()])).toEqual([['storage_gb', '10']]);
    expect((await owner.quotas.list({ namespace: 'web' })).quotas.map((q) => q.name)).toEqual(['web-cap']);
    expect(await owner.quotas.delete({ namespace: 'web', name: 'web-cap' })).toEqual({ ok: true });
    expect(await prisma.quotaResourceLimit.count({ where: { tenantId: seeded.tenant.id } })).toBe(0);
  });

  it('refuses a maximum a double cannot hold exactly, a duplicate resource type and an unknown namespace', async () => {
    const seeded = await seedTestTenant('CNY');
    const owner = await callerFor(seeded.users.owner.id, seeded.tenant.id);
    const base = { namespace: 'system', name: 'cap' };
    expect(code(await owner.quotas.create({ ...base, resourceLimits: [{ resourceType: 'api_calls', maximum: '1234567890123456' }] }).catch((e: unknown) => e))).toBe('BAD_REQUEST');
    expect(code(await owner.quotas.create({ ...base, resourceLimits: [{ resourceType: 'api_calls', maximum: '1' }, { resourceType: 'api_calls', maximum: '2' }] }).catch((e: unknown) => e))).toBe('BAD_REQUEST');
    expect(code(await owner.quotas.create({ ...base, namespace: 'nope', resourceLimits: [] }).catch((e: unknown) => e))).toBe('NOT_FOUND');
    expect(code(await owner.quotas.list({ namespace: 'nope' }).catch((e: unknown) => e))).toBe('NOT_FOUND');
  });
});
