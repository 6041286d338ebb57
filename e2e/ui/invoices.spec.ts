import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { requestFrom, signIn } from '../helpers';
import { LOCALE_COOKIE, messagesFor } from '../../messages';

const en = messagesFor('en');

async function english(page: Page) {
  const url = test.info().project.use.baseURL ?? 'http://127.0.0.1:3100';
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: 'en', url }]);
}

test('a tenant member filters the invoices, pages, opens one with its lines and PDF, and downloads the filtered CSV', async ({ page }) => {
  test.setTimeout(90_000);
  await english(page);
  await signIn(page, 'owner@demo.counterfoil.dev');
  await page.getByRole('link', { name: en.invoices.nav }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.invoices.title })).toBeVisible();
  await expect(page.getByTestId('invoice-link').first()).toBeVisible();

  // Filter: paid subscription invoices. The filters land in the URL.
  await page.locator('#invoice-status').selectOption('paid');
  await page.locator('#invoice-type').selectOption('subscription');
  await page.getByRole('button', { name: en.invoices.apply }).click();
  await page.waitForURL(/status=paid/);
  expect(page.url()).toContain('type=subscription');
  const rows = page.getByRole('table').locator('tbody tr');
  await expect(rows.first().getByTestId('invoice-status')).toContainText(en.recordStatus.paid);
  const statuses = await rows.getByTestId('invoice-status').allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  for (const status of statuses) expect(status).toContain(en.recordStatus.paid);
  for (const type of await rows.locator('td:nth-child(4)').allTextContents()) expect(type).toBe(en.recordType.subscription);
  const shown = await rows.getByTestId('invoice-link').allTextContents();

  // The CSV holds every matching invoice (not just this page), newest first, the same first row.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('invoices-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^invoices-tnt_demo-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
  expect(csv[0]).toBe('invoice_number,record_id,issued_on,created_at,type,status,overdue,description,app_id,currency,amount,amount_due,due_at');
  expect(csv.length - 1).toBeGreaterThanOrEqual(shown.length);
  expect(csv[1]!.split(',')[0]).toBe(shown[0]);
  for (const line of csv.slice(1)) expect(line).toContain(',subscription,paid,');

  // Server paging: the next (older) page holds other invoices, and "newer" comes back.
  if (csv.length - 1 > shown.length) {
    await page.getByTestId('invoices-older').click();
    await page.waitForURL(/cursor=/);
    await expect(rows.first().getByTestId('invoice-link')).not.toHaveText(shown[0]!);
    const older = await rows.getByTestId('invoice-link').allTextContents();
    expect(older.some((number) => shown.includes(number))).toBe(false);
    await page.getByRole('button', { name: en.invoices.newer }).click();
    await expect(rows.first().getByTestId('invoice-link')).toHaveText(shown[0]!);
  }

  // Open the first one: number, lines, totals with nothing due, the PDF preview and download link.
  await rows.first().getByTestId('invoice-link').click();
  await page.waitForURL(/\/t\/tnt_demo\/invoices\/rec_[a-z0-9]+$/);
  await expect(page.getByTestId('invoice-number')).toHaveText(shown[0]!);
  await expect(page.getByRole('table', { name: en.invoices.lines }).locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('invoice-totals')).toContainText(en.invoices.invoiceTotal);
  await expect(page.getByTestId('invoice-amount-due')).toHaveText(/0\.00/);
  const recordId = new URL(page.url()).pathname.split('/').pop();
  await expect(page.getByTestId('invoice-pdf-preview')).toHaveAttribute('src', `/t/tnt_demo/invoices/${recordId}/pdf`);
  await expect(page.getByTestId('invoice-pdf-download')).toHaveAttribute('href', `/t/tnt_demo/invoices/${recordId}/pdf?download=1`);
  await page.getByRole('link', { name: en.invoices.back }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.invoices.title })).toBeVisible();
});

test('another tenant’s invoice id shows not found; the PDF path alone may be framed, by our own pages only', async ({ page }) => {
  await english(page);
  await signIn(page, 'owner@acme.counterfoil.dev');
  await page.goto('/t/tnt_acme/invoices/rec_doesnotexist0000');
  await expect(page.getByText(en.invoices.notFoundHint)).toBeVisible();
  const pdf = await requestFrom('127.0.0.1', { path: '/t/tnt_demo/invoices/rec_x/pdf' });
  expect(pdf.headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(String(pdf.headers['content-security-policy'])).toContain("frame-ancestors 'self'");
  const list = await requestFrom('127.0.0.1', { path: '/t/tnt_demo/invoices' });
  expect(list.headers['x-frame-options']).toBe('DENY');
  expect(String(list.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
});
