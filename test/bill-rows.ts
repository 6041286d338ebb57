import { listBillHourlyDetails } from '../server/bills/hourly-details';
import type { BillHourlyDetail } from '../server/bills/schema';
import { prisma } from '../server/db';

/** Seed 004: every row of every bill of the tenant, paged by token as a client would. */
export async function allHourlyRows(tenantId: string): Promise<BillHourlyDetail[]> {
  const bills = await prisma.bill.findMany({ where: { tenantId }, select: { id: true } });
  const rows: BillHourlyDetail[] = [];
  for (const bill of bills) {
    for (let token: string | undefined; ;) {
      const page = await listBillHourlyDetails({ tenantId, billId: bill.id, query: { page_size: 500, ...(token ? { page_token: token } : {}) } });
      rows.push(...page.bill_hourly_details);
      if (!page.next_page_token) break;
      token = page.next_page_token;
    }
  }
  return rows;
}
