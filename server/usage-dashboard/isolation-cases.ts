import { expect } from 'vitest';
import type { IsolationCases } from '../../test/isolation';
import { prisma } from '../db';

/** A's live subscription's period: the period quota bars and the projection must report. */
async function periodOfA(tenantId: string) {
  return prisma.subscription.findFirstOrThrow({ where: { tenantId, endedAt: null }, select: { currentPeriodStart: true, currentPeriodEnd: true } });
}

/** How each `usageDashboard.*` procedure is scoped (gathered by server/trpc/isolation.test.ts). */
export const usageDashboardIsolationCases: IsolationCases = {
  'usageDashboard.series': {
    kind: 'tenant', type: 'query', minRole: 'viewer', run: (c) => c.usageDashboard.series({ granularity: 'day', stackBy: 'app', resourceType: 'api_calls' }),
    ownsA: async (r: { timeZone: string; series: { key: string }[] }, fx) => {
      expect(r.timeZone).toBe(fx.A.tenant.billingTimezone);
      const apps = (await prisma.app.findMany({ where: { tenantId: fx.A.tenant.id }, select: { id: true } })).map((a) => a.id);
      for (const series of r.series) expect(['', ...apps]).toContain(series.key);
    },
  },
  'usageDashboard.quotaBars': {
    kind: 'tenant', type: 'query', minRole: 'viewer', run: (c) => c.usageDashboard.quotaBars(),
    ownsA: async (r: { periodStart: Date; bars: { quotaId: string }[] }, fx) => {
      expect(r.periodStart).toEqual((await periodOfA(fx.A.tenant.id)).currentPeriodStart);
      const quotas = (await prisma.quota.findMany({ where: { tenantId: fx.A.tenant.id }, select: { id: true } })).map((q) => q.id);
      for (const bar of r.bars) expect(quotas).toContain(bar.quotaId);
    },
  },
  'usageDashboard.projection': {
    kind: 'tenant', type: 'query', minRole: 'viewer', run: (c) => c.usageDashboard.projection(),
    ownsA: async (r: { periodEnd: Date; timeZone: string }, fx) => {
      expect(r.periodEnd).toEqual((await periodOfA(fx.A.tenant.id)).currentPeriodEnd);
      expect(r.timeZone).toBe(fx.A.tenant.billingTimezone);
    },
  },
};
