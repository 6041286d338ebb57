import { expect, test } from '@playwright/test';
import { signIn } from '../helpers';
import { messagesFor } from '../../messages';

/**
 * Usage alerts and notifications in the browser: the owner of the demo tenant creates an alert
 * with all three thresholds, pauses and deletes it; the seeded spike's alert has left unread
 * notifications, which the bell counts and "mark all read" clears.
 */
const TENANT = 'tnt_demo';
const zh = messagesFor('zh-CN');

test('an owner creates, pauses and deletes a usage alert', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'owner@demo.counterfoil.dev');
  await page.goto(`/t/${TENANT}/alerts`);
  await expect(page.getByRole('heading', { level: 1, name: zh.alerts.title })).toBeVisible();
  const name = `e2e 告警 ${Date.now().toString(36)}`;
  await page.getByRole('button', { name: zh.alerts.create }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(zh.alerts.form.name).fill(name);
  await dialog.getByLabel(zh.alerts.form.percent).fill('90');
  await dialog.getByLabel(zh.alerts.form.amount).fill('123456');
  await dialog.getByLabel(zh.alerts.form.spend('CNY')).fill('88.5');
  await dialog.getByRole('button', { name: zh.alerts.save, exact: true }).click();
  await expect(page.getByRole('status')).toContainText(zh.alerts.saved);
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText(zh.alerts.percentOf(90));
  await expect(row).toContainText('123456');
  await expect(row).toContainText('88.50');
  await expect(row.getByTestId('alert-status')).toHaveText(zh.alerts.statuses.active);

  await row.getByRole('button', { name: `${zh.alerts.pause}: ${name}` }).click();
  await expect(row.getByTestId('alert-status')).toHaveText(zh.alerts.statuses.paused);

  await row.getByRole('button', { name: `${zh.alerts.delete}: ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: zh.alerts.delete, exact: true }).click();
  await expect(page.getByRole('status')).toContainText(zh.alerts.deleted);
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
});

test('the bell counts unread notifications and "mark all read" clears it', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'admin@demo.counterfoil.dev');
  await page.goto(`/t/${TENANT}/notifications`);
  await expect(page.getByRole('heading', { level: 1, name: zh.notifications.title })).toBeVisible();
  const unread = page.locator('[data-testid="notification"][data-unread="true"]');
  await expect(unread.first()).toBeVisible(); // the seeded spike fired an alert for owner, admin and billing
  const count = Number(await page.getByTestId('notification-count').textContent());
  expect(count).toBeGreaterThan(0);
  await expect(page.getByTestId('notification-bell')).toHaveAccessibleName(zh.notifications.bell(count));
  await page.getByRole('button', { name: zh.notifications.markAllRead }).click();
  await expect(page.getByRole('status')).toContainText(zh.notifications.markedAll(count));
  await expect(unread).toHaveCount(0);
  await expect(page.getByTestId('notification-count')).toHaveCount(0);
  await expect(page.getByTestId('notification-bell')).toHaveAccessibleName(zh.notifications.bell(0));
});
