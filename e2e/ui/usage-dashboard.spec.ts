import { expect, test } from '@playwright/test';
import { signIn } from '../helpers';

/**
 * The usage dashboard over the seeded 90 days (prisma/seed/history-usage.ts): the chart switches
 * to hourly, the same numbers open as a table, quota bars show percent used, the projection names
 * its method, and the CSV has the chart's buckets.
 */
test('a viewer opens the usage dashboard, switches to hourly, and sees the chart, its table and a quota bar', async ({ page }) => {
  await signIn(page, 'viewer@demo.counterfoil.dev');
  await page.getByRole('link', { name: '用量', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '用量' })).toBeVisible();
  await expect(page.getByTestId('usage-chart')).toBeVisible();

  await page.getByRole('button', { name: '按小时' }).click();
  await expect(page.getByRole('button', { name: '按小时' })).toHaveAttribute('aria-pressed', 'true');
  const chart = page.getByTestId('usage-chart');
  await expect(chart).toBeVisible();
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();

  // the table alternative: one row per hour of the default two days, a column per resource type
  await page.getByText('以表格查看').click();
  const table = page.getByTestId('usage-table').getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'API 调用' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(49);

  // quota bars with percent used; the demo's soft bandwidth quota on the mobile app is past 100 %
  const bar = page.getByTestId('quota-bar').first();
  await expect(bar).toBeVisible();
  await expect(bar.getByRole('progressbar')).toHaveAttribute('aria-valuetext', /%/);
  await expect(page.getByTestId('quota-percent').first()).toHaveText(/\d+(\.\d)?%/);

  // the projection says how it was made
  await expect(page.getByTestId('projection-method')).toContainText('最近 7 个完整自然日');

  // the CSV is what the chart shows: hourly buckets
  const href = await page.getByTestId('usage-export').getAttribute('href');
  expect(href).toContain('granularity=hour');
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split('\r\n')[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00Z,hour,Asia\/Shanghai,resource_type,/);

  // the quotas page lists the demo's quotas per namespace
  await page.getByRole('link', { name: '配额', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '配额' })).toBeVisible();
  await expect(page.getByText('mobile-bandwidth').first()).toBeVisible();
});

test('an owner creates a quota on the quotas page, sees its bar, and deletes it', async ({ page }) => {
  await signIn(page, 'owner@demo.counterfoil.dev');
  await page.goto('/t/tnt_demo/quotas');
  await expect(page.getByRole('heading', { level: 1, name: '配额' })).toBeVisible();
  await page.getByRole('button', { name: '新建配额' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('命名空间').selectOption('web');
  await dialog.getByLabel('配额名称').fill('e2e-mfa');
  await dialog.getByLabel('资源', { exact: true }).selectOption('mfa_verifications');
  await dialog.getByLabel('上限', { exact: true }).fill('100000');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /e2e-mfa/ });
  await expect(row).toContainText('MFA 验证');
  await expect(page.getByTestId('quota-bar').filter({ hasText: 'e2e-mfa' })).toBeVisible();

  await row.getByRole('button', { name: '删除 web/e2e-mfa' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(page.getByRole('row', { name: /e2e-mfa/ })).toHaveCount(0);
});
