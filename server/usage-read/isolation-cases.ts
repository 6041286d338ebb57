import { expect } from 'vitest';
import type { IsolationCases } from '../../test/isolation';

/** How `usageCost.*` is scoped (gathered by server/trpc/isolation.test.ts). */
export const usageCostIsolationCases: IsolationCases = {
  'usageCost.currentPeriod': {
    kind: 'tenant', type: 'query', minRole: 'viewer', run: (c) => c.usageCost.currentPeriod({}),
    ownsA: (r: { currency: string; items: unknown[] }, fx) => {
      expect(r.currency).toBe(fx.A.tenant.currency);
      expect(r.items.length).toBeGreaterThan(0);
    },
  },
};
