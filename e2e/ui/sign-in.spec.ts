import { expect, test } from '@playwright/test';
import { signIn } from '../helpers';

test('a tenant admin signs in and sees the overview with seeded data', async ({ page }) => {
  await signIn(page, 'admin@demo.counterfoil.dev', 'wrong-password');
  await expect(page.getByRole('alert').filter({ hasText: '邮箱或密码不正确' })).toBeVisible();

  await page.locator('#password').fill('counterfoil-demo');
  await page.locator('form button[type="submit"]').click();
  await expect(page).toHaveURL(/\/t\/tnt_demo$/);
  await expect(page.getByTestId('tenant-name')).toHaveText('演示科技有限公司');
  await expect(page.getByRole('heading', { level: 1, name: '概览' })).toBeVisible();
  await expect(page.getByTestId('current-plan')).toContainText('499');
  await expect(page.getByTestId('credit-balance')).toContainText('¥');
  await expect(page.getByRole('cell', { name: /^INV-\d{4}-\d{3,}$/ }).first()).toBeVisible();

  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '概览' })).toBeVisible();

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/t/tnt_demo');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a member cannot open another tenant by changing the URL', async ({ page }) => {
  await signIn(page, 'owner@acme.counterfoil.dev');
  await expect(page).toHaveURL(/\/t\/tnt_acme$/);
  const response = await page.goto('/t/tnt_demo');
  expect(response?.status()).toBe(404);
  await expect(page.getByText('演示科技有限公司')).toHaveCount(0);
});

test('a staff user lands on the tenant list from the database', async ({ page }) => {
  await signIn(page, 'support@counterfoil.dev');
  await expect(page).toHaveURL(/\/staff\/tenants$/);
  await expect(page.getByRole('cell', { name: /tnt_demo/ })).toBeVisible();
  await expect(page.getByRole('cell', { name: /tnt_acme/ })).toBeVisible();
  await page.getByRole('searchbox').fill('acme');
  await expect(page.getByRole('cell', { name: /tnt_demo/ })).toHaveCount(0);
  await expect(page.getByRole('cell', { name: /tnt_acme/ })).toBeVisible();
});
