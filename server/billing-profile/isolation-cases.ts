import { expect } from 'vitest';
import type { IsolationCases } from '../../test/isolation';

/** How each `billingProfile.*` procedure is scoped (gathered by server/trpc/isolation.test.ts). */
export const billingProfileIsolationCases: IsolationCases = {
  'billingProfile.get': {
    kind: 'tenant', type: 'query', minRole: 'viewer', run: (c) => c.billingProfile.get(),
    ownsA: (r: { tenantId: string; companyName: string }, fx) => {
      expect(r.tenantId).toBe(fx.A.tenant.id);
      expect(typeof r.companyName).toBe('string');
    },
  },
  'billingProfile.update': {
    kind: 'tenant', type: 'mutation', minRole: 'billing',
    run: (c, _fx, mode) => c.billingProfile.update({
      companyName: mode === 'allowed' ? 'Isolation Case Co.' : 'Hijacked Co.', taxId: '91310000MA1FL0001X', address: '', invoiceEmail: '', invoiceLanguage: 'en',
    }),
    ownsA: (r: { tenantId: string; companyName: string; taxId: string | null }, fx) => {
      expect(r.tenantId).toBe(fx.A.tenant.id);
      expect(r.companyName).toBe('Isolation Case Co.');
      expect(r.taxId).toBe('91310000MA1FL0001X');
    },
  },
};
