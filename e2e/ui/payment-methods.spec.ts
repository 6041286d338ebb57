import { expect, test } from '@playwright/test';
import pg from 'pg';
import { e2eDatabaseUrl, e2eServerLog, signIn } from '../helpers';

/**
 * Adding a card through the page: the number and CVC go from the browser to the sandbox processor's
 * tokenize endpoint only; afterwards neither is in any text or JSON column of any table, nor in the
 * server's log. An American Express test number with a four-digit CVC, so the CVC is unlikely to
 * occur by chance (it is searched as a whole token, not inside longer digit or id runs).
 */
const NUMBER = '378282246310005';
const TYPED_NUMBER = '3782 822463 10005';
const CVC = '8351';
const CVC_TOKEN = new RegExp(`(^|[^0-9A-Za-z-])${CVC}($|[^0-9A-Za-z-])`);
const YEAR = String(new Date().getUTCFullYear() + 3);

type Hit = { table: string; column: string };

/** Every text, varchar, char, json and jsonb column of every table in the public schema, searched for the number and the CVC. */
async function searchDatabase(): Promise<{ columns: number; hits: Hit[] }> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows: columns } = await client.query<{ table_name: string; column_name: string }>(`
      SELECT c.table_name, c.column_name FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')`);
    const hits: Hit[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
      const { rows } = await client.query<{ found: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ${ident(table)} WHERE ${ident(column)}::text LIKE $1 OR ${ident(column)}::text LIKE $2 OR ${ident(column)}::text ~ $3) AS found`,
        [`%${NUMBER}%`, `%${TYPED_NUMBER}%`, `(^|[^0-9A-Za-z-])${CVC}($|[^0-9A-Za-z-])`],
      );
      if (rows[0]!.found) hits.push({ table, column });
    }
    return { columns: columns.length, hits };
  } finally {
    await client.end();
  }
}

test('a card added through the page reaches only the processor; no table and no log holds its number or CVC', async ({ page }) => {
  test.setTimeout(120_000);
  const sent: { url: string; body: string }[] = [];
  page.on('request', (request) => sent.push({ url: request.url(), body: request.postData() ?? '' }));

  await signIn(page, 'owner@demo.counterfoil.dev');
  await page.goto('/t/tnt_demo/payment-methods');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('button', { name: /添加支付方式|Add payment method/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('#pm-number').fill(TYPED_NUMBER);
  await dialog.locator('#pm-exp-month').fill('11');
  await dialog.locator('#pm-exp-year').fill(YEAR);
  await dialog.locator('#pm-cvc').fill(CVC);
  await dialog.locator('#pm-holder').fill('Han Meimei');
  await dialog.locator('#pm-role').selectOption('normal');
  await dialog.locator('form button[type="submit"]').click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('row', { name: /0005/ }).last();
  await expect(row).toContainText('AMEX');
  await expect(row).toContainText(`11/${YEAR}`);
  await row.getByRole('button', { name: /设为主要|Make primary/ }).click();
  await expect(page.getByRole('row', { name: /0005/ }).last().getByText(/^(主要|Primary)$/)).toBeVisible();

  // The number and CVC left the browser once, to the processor's tokenize endpoint; the billing API got a token.
  const carrying = sent.filter((request) => request.body.includes(NUMBER.slice(0, 4)) && CVC_TOKEN.test(request.body));
  expect(carrying.map((request) => new URL(request.url).pathname)).toEqual(['/sandbox/v1/tokens']);
  const toBilling = sent.filter((request) => request.url.includes('/api/'));
  expect(toBilling.some((request) => request.body.includes('tok_sbx_'))).toBe(true);
  for (const request of toBilling) {
    expect(request.body.replace(/\s/g, '')).not.toContain(NUMBER);
    expect(request.body).not.toMatch(CVC_TOKEN);
  }

  const { columns, hits } = await searchDatabase();
  expect(columns).toBeGreaterThan(50);
  expect(hits).toEqual([]);

  const log = e2eServerLog();
  expect(log.length).toBeGreaterThan(0);
  expect(log.replace(/\s/g, '')).not.toContain(NUMBER);
  expect(log).not.toMatch(CVC_TOKEN);
});
