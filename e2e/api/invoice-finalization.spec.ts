import { Agent, request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { e2eDatabaseUrl, signIn } from '../helpers';

/**
 * Against the production server: finance staff finalize 50 draft invoices at once over 50
 * connections (the staff tRPC procedure with a staff session, the real pool) and get 50 distinct,
 * gapless invoice numbers: the year's sequence row is locked until each finalizing transaction commits.
 */
const TENANT = 'tnt_acme';
const agent = new Agent({ keepAlive: true, maxSockets: 50 });

function trpc(path: string, cookie: string, input: unknown): Promise<{ status: number; body: string }> {
  const payload = JSON.stringify({ json: input });
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1', port: Number(process.env.E2E_PORT), agent, method: 'POST', path: `/api/trpc/${path}`,
      headers: { cookie, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const sequenceOf = (invoiceNumber: string) => Number(invoiceNumber.split('-')[2]);

test('50 concurrent finalizations over 50 connections get 50 distinct, gapless numbers', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'finance@counterfoil.dev');
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const db = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await db.connect();
  try {
    const drafts: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      const created = await trpc('staff.invoices.createDraft', cookie, {
        tenantId: TENANT, description: `Race ${i}`, lines: [{ description: 'Consulting hour', quantity: '1', unitPrice: '1.5' }], reason: 'e2e finalization race',
      });
      expect(created.status, created.body).toBe(200);
      drafts.push(JSON.parse(created.body).result.data.json.id);
    }
    const answers = await Promise.all(drafts.map((invoiceId) => trpc('staff.invoices.finalize', cookie, { tenantId: TENANT, invoiceId })));
    for (const answer of answers) expect(answer.status, answer.body).toBe(200);
    const numbers = answers.map((a) => JSON.parse(a.body).result.data.json.invoiceNumber as string);
    expect(new Set(numbers).size).toBe(50);
    const sequence = numbers.map(sequenceOf).sort((a, b) => a - b);
    // Gapless: nothing else finalizes during the burst in e2e, so the 50 are consecutive.
    expect(sequence.at(-1)! - sequence[0]!).toBe(49);
    // The database agrees, and the year's counter stopped at the last one handed out.
    const rows = await db.query('SELECT invoice_number, status FROM billing_records WHERE tenant_id = $1 AND id = ANY($2)', [TENANT, drafts]);
    expect(rows.rows.every((r) => r.status === 'open' || r.status === 'paid')).toBe(true);
    expect(new Set(rows.rows.map((r) => r.invoice_number))).toEqual(new Set(numbers));
    const year = numbers[0]!.split('-')[1];
    const counter = await db.query('SELECT last_number FROM invoice_number_sequences WHERE year = $1', [Number(year)]);
    expect(counter.rows[0].last_number).toBeGreaterThanOrEqual(sequence.at(-1)!);

    // Void them again (finance, with a reason), so later specs see Acme's invoices as the seed left them.
    // One by one, waiting out the session's rate limit (the burst above spent it): cleanup, not the subject of the test.
    for (const invoiceId of drafts) {
      let answer = await trpc('staff.invoices.void', cookie, { tenantId: TENANT, invoiceId, reason: 'e2e cleanup' });
      for (let retry = 0; answer.status === 429 && retry < 20; retry++) {
        await new Promise((resolve) => setTimeout(resolve, 1100));
        answer = await trpc('staff.invoices.void', cookie, { tenantId: TENANT, invoiceId, reason: 'e2e cleanup' });
      }
      expect([200, 409], answer.body).toContain(answer.status);
    }
  } finally {
    await db.end();
    agent.destroy();
  }
});
