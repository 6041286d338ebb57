import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../helpers';
import { LOCALE_COOKIE, messagesFor } from '../../messages';

const en = messagesFor('en');

async function english(page: Page) {
  const url = test.info().project.use.baseURL ?? 'http://127.0.0.1:3100';
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: 'en', url }]);
}

test('support finds a tenant by its owner’s email, opens it, and sees members and invoices but no money actions', async ({ page }) => {
  await english(page);
  await signIn(page, 'support@counterfoil.dev');
  await page.goto('/staff/tenants');
  await page.getByRole('searchbox').fill('owner@acme.counterfoil.dev');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2); // header + tnt_acme
  await expect(rows.nth(1)).toContainText('tnt_acme');
  await rows.nth(1).getByRole('link').click();
  await page.waitForURL(/\/staff\/tenants\/tnt_acme$/);
  await expect(page.getByTestId('member-email').filter({ hasText: 'owner@acme.counterfoil.dev' })).toBeVisible();
  await expect(page.getByTestId('member-email')).toHaveCount(4);
  await expect(page.getByTestId('staff-invoice').first()).toHaveText(/^INV-/);
  await expect(page.getByRole('heading', { name: en.staffConsole.usage })).toBeVisible();
  await expect(page.getByTestId('adjust-credit')).toHaveCount(0);
});

test('a tenant admin opens the audit log, filters by action and downloads the filtered CSV', async ({ page }) => {
  await english(page);
  await signIn(page, 'admin@demo.counterfoil.dev');
  await page.getByRole('link', { name: en.audit.nav }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.audit.title })).toBeVisible();
  await page.locator('#audit-action').fill('api_key.create');
  await page.getByRole('button', { name: en.audit.apply }).click();
  const body = page.getByRole('table').locator('tbody tr');
  await expect(body.first()).toContainText('api_key.create');
  const actions = await body.locator('td:nth-child(3)').allTextContents();
  expect(actions.length).toBeGreaterThan(0);
  expect(actions.every((text) => text === 'api_key.create')).toBe(true);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
  const csv = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
  expect(csv[0]).toMatch(/^created_at,tenant_id,actor_kind,/);
  expect(csv.length).toBe(actions.length + 1);
  for (const line of csv.slice(1)) {
    expect(line.split(',')[1]).toBe('tnt_demo');
    expect(line).toContain(',api_key.create,');
  }
});
