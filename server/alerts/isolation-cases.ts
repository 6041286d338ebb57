import { expect } from 'vitest';
import type { IsolationCases } from '../../test/isolation';
import { prisma } from '../db';
import { createAlert } from './alerts';
import { createAlertInput } from './schema';

const input = createAlertInput.parse({ name: '隔离告警', resourceType: 'api_calls', thresholdPercent: 80 });

/** An alert of A's to address: made through the domain when the call is expected to succeed. */
async function alertOfA(fx: Parameters<IsolationCases[string]['run']>[1], mode: 'allowed' | 'denied'): Promise<string> {
  if (mode === 'denied') return (await prisma.usageAlert.findFirst({ where: { tenantId: fx.A.tenant.id }, select: { id: true } }))?.id ?? 'ua_denied';
  return (await createAlert({ ...input, tenantId: fx.A.tenant.id }, fx.A.ownerActor)).id;
}

const ownedByA = async (id: string, tenantId: string) => expect((await prisma.usageAlert.findFirstOrThrow({ where: { id } })).tenantId).toBe(tenantId);

/** How each `alerts.*` procedure is scoped (gathered by server/trpc/isolation.test.ts). */
export const alertsIsolationCases: IsolationCases = {
  'alerts.list': {
    kind: 'tenant', type: 'query', minRole: 'viewer', run: (c) => c.alerts.list(),
    ownsA: (r: { resourceTypes: { resourceType: string }[] }) => expect(r.resourceTypes.map((t) => t.resourceType)).toContain('api_calls'),
  },
  'alerts.create': {
    kind: 'tenant', type: 'mutation', minRole: 'admin', run: (c) => c.alerts.create(input),
    ownsA: (r: { id: string }, fx) => ownedByA(r.id, fx.A.tenant.id),
  },
  'alerts.update': {
    kind: 'tenant', type: 'mutation', minRole: 'admin',
    run: async (c, fx, mode) => c.alerts.update({ id: await alertOfA(fx, mode), name: '改名', resourceType: 'api_calls', thresholdAmount: '5000', channels: ['in_app'], status: 'active' }),
    ownsA: async (r: { id: string; name: string; thresholdPercent: number | null }, fx) => {
      expect([r.name, r.thresholdPercent]).toEqual(['改名', null]);
      await ownedByA(r.id, fx.A.tenant.id);
    },
  },
  'alerts.setStatus': {
    kind: 'tenant', type: 'mutation', minRole: 'admin',
    run: async (c, fx, mode) => c.alerts.setStatus({ id: await alertOfA(fx, mode), status: 'paused' }),
    ownsA: (r: { status: string }) => expect(r.status).toBe('paused'),
  },
  'alerts.delete': {
    kind: 'tenant', type: 'mutation', minRole: 'admin',
    run: async (c, fx, mode) => c.alerts.delete({ id: await alertOfA(fx, mode) }),
    ownsA: (r: { ok: boolean }) => expect(r.ok).toBe(true),
  },
};
