import { expect } from 'vitest';
import type { Fixture } from '../../test/isolation';
import type { RestIsolationCases } from '../../test/rest-isolation';
import { seedBillWithLines } from './bill-fixture';

const billsOfA = new WeakMap<Fixture, Promise<string>>();
/** One bill of A's with two charge lines; B asks for it by its id. */
function billOfA(fx: Fixture): Promise<string> {
  let bill = billsOfA.get(fx);
  if (!bill) {
    const month = { billMonth: '202611', start: new Date('2026-10-31T16:00:00Z'), end: new Date('2026-11-30T16:00:00Z') };
    const hour = new Date('2026-11-03T06:00:00Z');
    bill = seedBillWithLines(fx.A, month, [{ skuId: 'sku_api_calls', hour, quantity: '1000', unitPrice: '0.0002' }, { skuId: 'sku_storage', hour, quantity: '2', unitPrice: '0.12' }]).then((seeded) => seeded.bill.id);
    billsOfA.set(fx, bill);
  }
  return bill;
}

/** How each bill REST operation is scoped (gathered by server/rest/isolation.test.ts): bills are addressed by id. */
export const billsRestIsolationCases: RestIsolationCases = {
  'GET /v1/bills/{bill_id}/hourlyDetails': {
    kind: 'addressed',
    call: async (fx) => {
      const billId = await billOfA(fx);
      return { path: `/v1/bills/${billId}/hourlyDetails`, params: { bill_id: billId } };
    },
    ownsA: (response, fx) => {
      const page = response.json as { total_size: number; bill_hourly_details: { tenant_id: string }[] };
      expect(page.total_size).toBe(2);
      expect(page.bill_hourly_details.every((row) => row.tenant_id === fx.A.tenant.id)).toBe(true);
    },
  },
  'GET /api/v1/billing/detail/list': {
    kind: 'scoped',
    call: async (fx) => {
      await billOfA(fx);
      return { path: '/api/v1/billing/detail/list?startDate=20261101&endDate=20261130' };
    },
    ownsA: (response) => {
      const body = response.json as { success: boolean; content: { tag6: string }[] };
      expect(body.success).toBe(true);
      expect(body.content.map((row) => row.tag6).sort()).toEqual(['api_calls', 'storage_gb']);
    },
  },
};
