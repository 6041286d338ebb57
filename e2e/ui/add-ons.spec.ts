import { expect, test } from '@playwright/test';
import { signIn } from '../helpers';

test('a billing member subscribes an add-on after seeing the prorated charge, and finds its billing record and the credit ledger', async ({ page }) => {
  await signIn(page, 'billing@demo.counterfoil.dev');
  await expect(page).toHaveURL(/\/t\/tnt_demo$/);
  await page.getByRole('link', { name: '附加服务' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '附加服务' })).toBeVisible();

  const row = page.getByRole('row', { name: /高级技术支持/ });
  await expect(row.getByTestId('addon-state-premium_support')).toHaveText('可订阅');
  await row.getByRole('button', { name: '订阅', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(/本周期剩余 \d+ \/ \d+ 天/);
  await expect(dialog.getByTestId('prorated-total')).toHaveText(/¥|CN¥/);
  await dialog.getByRole('button', { name: '订阅', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByTestId('addon-state-premium_support')).toHaveText('已订阅');
  await expect(page.getByText('已订阅，账单已生成。')).toBeVisible();

  // the addon billing record is the newest on the overview
  await page.getByRole('link', { name: '概览' }).click();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('附加服务：高级技术支持');

  // the credit page shows the balance and the ledger, with localised sources
  await page.getByRole('link', { name: '信用额度' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '信用额度' })).toBeVisible();
  await expect(page.getByTestId('credit-balance')).toBeVisible();
  await expect(page.getByTestId('credit-source').first()).toHaveText(/促销赠送|抵扣发票|人工调整|按比例信用|退款|手工入账/);

  // unsubscribing takes effect at the period's end
  await page.getByRole('link', { name: '附加服务' }).click();
  await row.getByRole('button', { name: '退订' }).click();
  await expect(dialog).toContainText('退订将在本周期结束');
  await dialog.getByRole('button', { name: '退订' }).click();
  await expect(row.getByTestId('addon-state-premium_support')).toHaveText('退订中');
});

test('a viewer sees the add-ons but cannot change them', async ({ page }) => {
  await signIn(page, 'viewer@demo.counterfoil.dev');
  await page.goto('/t/tnt_demo/add-ons');
  await expect(page.getByText('你可以查看附加服务；订阅与退订需要账单管理员或更高角色。')).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('button', { name: '订阅', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '退订' })).toHaveCount(0);
});
