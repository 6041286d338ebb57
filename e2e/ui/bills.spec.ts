import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../helpers';
import { LOCALE_COOKIE, messagesFor } from '../../messages';

const en = messagesFor('en');

async function english(page: Page) {
  const url = test.info().project.use.baseURL ?? 'http://127.0.0.1:3100';
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: 'en', url }]);
}

test('a tenant member opens a bill, filters by SKU through the facet panel, pages through the details and downloads them', async ({ page }) => {
  test.setTimeout(90_000);
  await english(page);
  await signIn(page, 'owner@demo.counterfoil.dev');
  await page.getByRole('link', { name: en.bills.nav, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.bills.title })).toBeVisible();
  await page.getByTestId('bill-link').first().click();
  await expect(page.getByTestId('bill-facets')).toBeVisible();
  const rows = page.getByRole('table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();

  // The facet panel lists the bill's SKUs; ticking one narrows every row to it.
  const facet = page.getByTestId('bill-facets').locator('[data-testid^="facet-sku_"]').first();
  const skuName = (await facet.locator('xpath=..').textContent())!.trim();
  await facet.check();
  await expect(page.getByRole('heading', { name: /lines$/ })).toBeVisible();
  await expect(rows.first().getByTestId('bill-row-sku')).toHaveText(skuName);
  for (const name of await rows.getByTestId('bill-row-sku').allTextContents()) expect(name).toBe(skuName);

  // Keyset paging: the next page holds other lines, and the previous one comes back.
  const firstPage = await rows.locator('td:first-child').allTextContents();
  const next = page.getByTestId('bill-next');
  if (await next.isEnabled()) {
    await next.click();
    await expect(page.getByText(en.bills.pageN(2))).toBeVisible();
    const secondPage = await rows.locator('td:first-child').allTextContents();
    expect(secondPage.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: en.bills.previous }).click();
    await expect(page.getByText(en.bills.pageN(1))).toBeVisible();
    expect(await rows.locator('td:first-child').allTextContents()).toEqual(firstPage);
  }

  // The CSV holds every matching line of the bill (this SKU only), with exact amounts.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bill-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^bill-\d{6}-bill_[a-z0-9]+\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
  expect(csv[0]!.startsWith('id,bill_month,category,spu,sku,')).toBe(true);
  expect(csv.length - 1).toBeGreaterThanOrEqual(firstPage.length);
  for (const line of csv.slice(1)) expect(line.split(',')[4]).toBe(skuName);
});

test('the daily bill shows a chart with its table alternative', async ({ page }) => {
  await english(page);
  await signIn(page, 'owner@demo.counterfoil.dev');
  await page.goto('/t/tnt_demo/bills/daily');
  await expect(page.getByRole('heading', { level: 1, name: en.bills.dailyTitle })).toBeVisible();
  await expect(page.getByTestId('daily-chart')).toBeVisible();
  await expect(page.getByTestId('daily-table').locator('tbody tr').first()).toBeVisible();
});
