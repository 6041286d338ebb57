import { expect } from 'vitest';
import type { IsolationCases } from '../../test/isolation';

/** How each `audit.*` and `staff.audit.*` procedure is scoped (gathered by server/trpc/isolation.test.ts). */
export const auditIsolationCases: IsolationCases = {
  'audit.list': {
    kind: 'tenant', type: 'query', minRole: 'admin', run: (c) => c.audit.list({ limit: 100 }),
    ownsA: (r: { items: { tenantId: string | null }[] }, fx) => {
      expect(r.items.length).toBeGreaterThan(0);
      for (const item of r.items) expect(item.tenantId).toBe(fx.A.tenant.id);
    },
  },
  'staff.audit.list': { kind: 'staff', type: 'query', run: (c, fx) => c.staff.audit.list({ tenantId: fx.A.tenant.id }) },
};
