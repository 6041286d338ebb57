import { expect } from 'vitest';
import type { IsolationCases } from '../../test/isolation';

/** How each `tenants.*` procedure is scoped (gathered by server/trpc/isolation.test.ts). */
export const tenantsIsolationCases: IsolationCases = {
  'tenants.me': { kind: 'authed', type: 'query', run: (c) => c.tenants.me() },
  'tenants.overview': {
    kind: 'tenant', type: 'query', minRole: 'viewer', run: (c) => c.tenants.overview(),
    ownsA: (r, fx) => {
      expect(r.tenant.id).toBe(fx.A.tenant.id);
      expect(r.latestRecords.map((x: { invoiceNumber: string }) => x.invoiceNumber)).toContain(fx.invoiceA); // other cases (add-ons) may bill A too
      expect(JSON.stringify(r)).not.toContain(fx.invoiceB);
    },
  },
};
