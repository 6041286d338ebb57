import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/internal/billing/export-user-data/route';
import { seedTestTenant, uniqueSuffix, type SeededTenant } from '@/prisma/seed/factories';
import { SYSTEM_ACTOR } from '@/server/audit/actor';
import { prisma } from '@/server/db';
import { createServiceCredential } from '@/server/staff/service-credentials';
import { bearer, edgeHeaders } from '@/test/harness';

const RECORDS = 100_000;
const MB = 1024 * 1024;

/** A real full collection: --expose-gc when the worker has it, else switched on at run time. */
function collector(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

let A: SeededTenant;
let token: string;

beforeAll(async () => {
  A = await seedTestTenant('CNY');
  const t = A.tenant.id;
  // Set-based: 100,000 records with one line each, in two statements.
  await prisma.$executeRaw`INSERT INTO billing_records (tenant_id, id, type, status, description, currency, subtotal, tax_amount, amount, created_at, updated_at)
    SELECT ${t}, 'rec_h' || lpad(g::text, 7, '0'), 'subscription', 'paid', 'heap test record ' || g, 'CNY', 99, 5.94, 104.940000001, now(), now()
    FROM generate_series(1, ${RECORDS}) g`;
  await prisma.$executeRaw`INSERT INTO billing_line_items (tenant_id, id, billing_record_id, position, resource_type, description, quantity, unit_price, amount, tax_rate, tax_amount)
    SELECT ${t}, 'li_h' || lpad(g::text, 7, '0'), 'rec_h' || lpad(g::text, 7, '0'), 1, 'subscription', 'plan fee', 1, 99, 99, 0.06, 5.94
    FROM generate_series(1, ${RECORDS}) g`;
  ({ token } = await createServiceCredential({ name: `heap-${uniqueSuffix()}`, scopes: ['export:user-data'] }, SYSTEM_ACTOR));
}, 120_000);

describe('export memory', () => {
  it(`streams ${RECORDS.toLocaleString('en')} billing records with the heap growing < 100 MB`, async () => {
    const gc = collector();
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    // Sampled on a timer, so a handler that built the document before answering is caught mid-build too.
    const sampler = setInterval(() => {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    }, 1000);
    let bytes = 0;
    let records = 0;
    let tail = '';
    try {
      const request = new Request('http://localhost/internal/billing/export-user-data', {
        method: 'POST', headers: { 'content-type': 'application/json', ...bearer(token), ...edgeHeaders('10.4.4.4') }, body: JSON.stringify({ user_id: A.users.owner.id }),
      });
      const response = await POST(request, { params: Promise.resolve({}) });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        const text = decoder.decode(value, { stream: true });
        records += text.split('"record_id"').length - 1; // chunks hold whole items: a key is never split
        tail = (tail + text).slice(-16);
      }
    } finally {
      clearInterval(sampler);
    }
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    console.log(`export: ${(bytes / MB).toFixed(1)} MB streamed, heap peak +${(peak / MB).toFixed(1)} MB`);
    expect(records).toBe(RECORDS);
    expect(tail.endsWith(']}]}}')).toBe(true);
    expect(bytes).toBeGreaterThan(30 * MB); // the document itself is bigger than a fraction of the bound
    expect(peak).toBeLessThan(100 * MB);
    // sharper: a handler that held the whole document (even as one string) would exceed half of it
    expect(peak).toBeLessThan(bytes / 2);
  }, 150_000); // ~20 s alone; generous for a shared, loaded machine
});
