import { expect } from 'vitest';
import type { RestIsolationCases } from '../../test/rest-isolation';
import { prisma } from '../db';

/** How each invoice REST operation is scoped (gathered by server/rest/isolation.test.ts). */
export const invoicesRestIsolationCases: RestIsolationCases = {
  // Seed 001 names the tenant in the path: B's key on A's tenant id is 404.
  'GET /billing/records/{tenant_id}': {
    kind: 'addressed',
    call: (fx) => ({ path: `/billing/records/${fx.A.tenant.id}`, params: { tenant_id: fx.A.tenant.id } }),
    ownsA: async (response, fx) => {
      const body = response.json as { total: number; items: { tenant_id: string; invoice_number: string }[] };
      expect(body.total).toBe(await prisma.billingRecord.count({ where: { tenantId: fx.A.tenant.id } }));
      expect(body.items.every((item) => item.tenant_id === fx.A.tenant.id)).toBe(true);
      expect(body.items.map((item) => item.invoice_number)).toContain(fx.invoiceA);
    },
  },
  'GET /api/web/namespaces/{namespace}/usage/invoices/custom_list': {
    kind: 'scoped',
    call: () => ({ path: '/api/web/namespaces/system/usage/invoices/custom_list', params: { namespace: 'system' } }),
    ownsA: (response, fx) => {
      const names = (response.json as { invoices: { name: string }[] }).invoices.map((invoice) => invoice.name);
      expect(names).toContain(fx.invoiceA);
    },
  },
};
