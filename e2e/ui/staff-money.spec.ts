import { expect, test, type Page } from '@playwright/test';
import { Decimal } from 'decimal.js';
import pg from 'pg';
import { e2eDatabaseUrl, signIn } from '../helpers';
import { LOCALE_COOKIE, messagesFor } from '../../messages';

const en = messagesFor('en');

async function english(page: Page) {
  const url = test.info().project.use.baseURL ?? 'http://127.0.0.1:3100';
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: 'en', url }]);
}

async function latestCredit(tenantId: string) {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query('SELECT type::text, amount::text, balance::text, remark FROM credit_transactions WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1', [tenantId])).rows[0];
  } finally {
    await client.end();
  }
}

test('finance staff grant a credit with a reason: the ledger, the balance on the page and the audit trail all show it', async ({ page }) => {
  await english(page);
  await signIn(page, 'finance@counterfoil.dev');
  await page.goto('/staff/tenants/tnt_acme');
  const balance = page.getByTestId('staff-credit');
  await expect(balance).toBeVisible();
  const before = await balance.textContent();
  const reason = `e2e goodwill ${Date.now()}`;
  await page.getByTestId('adjust-credit').click();
  await page.locator('#adjust-amount').fill('12.34');
  await page.locator('#adjust-direction').selectOption('credit');
  await page.locator('#adjust-reason').fill(reason);
  await page.getByRole('dialog').getByRole('button', { name: en.staffConsole.submit, exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(balance).not.toHaveText(before!);
  const row = await latestCredit('tnt_acme');
  expect(row).toMatchObject({ type: 'credit', amount: '12.340000000' });
  expect(row.remark).toContain(reason);

  // Audited with the finance user as the actor and the reason in the row.
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const audit = (await client.query(`SELECT a.action, u.email, a.after::text AS after FROM audit_logs a JOIN users u ON u.id = a.actor_user_id
      WHERE a.tenant_id = 'tnt_acme' AND a.action = 'credit.adjust' ORDER BY a.created_at DESC LIMIT 1`)).rows[0];
    expect(audit).toMatchObject({ action: 'credit.adjust', email: 'finance@counterfoil.dev' });
    expect(audit.after).toContain(reason);
  } finally {
    await client.end();
  }
});

test('admin staff create a service credential (shown once), use it, rotate it and revoke it', async ({ page, request }) => {
  await english(page);
  await signIn(page, 'admin@counterfoil.dev');
  await page.goto('/staff/service-credentials');
  await expect(page.getByRole('heading', { level: 1, name: en.serviceCredentials.title })).toBeVisible();
  const name = `e2e-exporter-${Date.now()}`;
  await page.locator('#service-credential-name').fill(name);
  await page.getByRole('checkbox', { name: 'export:user-data' }).check();
  await page.getByRole('button', { name: en.serviceCredentials.create }).click();
  await expect(page.getByText(en.serviceCredentials.createdNotice)).toBeVisible();
  const secret = await page.locator('#new-service-credential').inputValue();
  expect(secret.length).toBeGreaterThan(20);

  const exportWith = (token: string) => request.post('/internal/billing/export-user-data', { headers: { authorization: `Bearer ${token}` }, data: { user_id: 'usr_nobody_here' } });
  expect((await exportWith(secret)).status()).toBe(404); // authenticated: the user is unknown (a bad secret would be 401)
  expect((await exportWith(`${secret}x`)).status()).toBe(401);

  const row = page.getByRole('row').filter({ hasText: name });
  await row.getByRole('combobox').selectOption('0'); // no overlap: the old secret stops at once
  await row.getByRole('button', { name: en.serviceCredentials.rotate }).click();
  await expect(page.getByText(en.serviceCredentials.rotatedNotice)).toBeVisible();
  const rotated = await page.locator('#new-service-credential').inputValue();
  expect(rotated).not.toBe(secret);
  expect((await exportWith(secret)).status()).toBe(401);
  expect((await exportWith(rotated)).status()).toBe(404);

  await row.getByRole('button', { name: en.serviceCredentials.revoke }).click();
  await expect(page.getByText(en.serviceCredentials.revokedNotice)).toBeVisible();
  await expect(row.getByText(en.serviceCredentials.revoked)).toBeVisible();
  expect((await exportWith(rotated)).status()).toBe(401);
});

test('finance staff refund part of a paid invoice as credit: a too-large amount is refused in the dialog, the part is refunded once and the invoice stays paid', async ({ page }) => {
  await english(page);
  await signIn(page, 'finance@counterfoil.dev');
  await page.goto('/staff/tenants/tnt_acme');
  const row = page.getByRole('row').filter({ has: page.getByTestId('invoice-refund') }).first();
  await expect(row).toBeVisible();
  const number = (await row.getByTestId('staff-invoice').textContent())!.trim();
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const invoiceOf = async () => (await client.query(`SELECT id, status::text, amount::text, refunded_amount::text FROM billing_records
      WHERE tenant_id = 'tnt_acme' AND (invoice_number = $1 OR id = $1)`, [number])).rows[0];
    const before = await invoiceOf();
    expect(before.status).toBe('paid');
    const credit = await latestCredit('tnt_acme');

    await row.getByTestId('invoice-refund').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('select[name="to"]').selectOption('credit');
    await dialog.getByTestId('refund-amount').fill('99999999');
    await dialog.locator('input[name="reason"]').fill('e2e partial goodwill');
    await dialog.getByTestId('invoice-action-confirm').click();
    await expect(dialog.getByText(/At most .* is left to refund\./)).toBeVisible(); // refused before any request
    expect((await invoiceOf()).refunded_amount).toBe(before.refunded_amount);

    await dialog.getByTestId('refund-amount').fill('1.25');
    await dialog.getByTestId('invoice-action-confirm').click();
    await expect(dialog).toHaveCount(0);
    const after = await invoiceOf();
    expect(after.status).toBe('paid');
    expect(new Decimal(after.refunded_amount).minus(before.refunded_amount).toFixed()).toBe('1.25');
    expect(await latestCredit('tnt_acme')).toMatchObject({ type: 'credit', amount: '1.250000000' });
    expect(await latestCredit('tnt_acme')).not.toEqual(credit);
    await expect(page.getByRole('row').filter({ hasText: number }).getByTestId('staff-invoice-refunded')).toBeVisible();

    const audit = (await client.query(`SELECT u.email, a.after::text AS after FROM audit_logs a JOIN users u ON u.id = a.actor_user_id
      WHERE a.tenant_id = 'tnt_acme' AND a.action = 'invoice.refund' AND a.target_id = $1 ORDER BY a.created_at DESC LIMIT 1`, [before.id])).rows[0];
    expect(audit.email).toBe('finance@counterfoil.dev');
    expect(audit.after).toContain('e2e partial goodwill');
  } finally {
    await client.end();
  }
});
