import { expect, test } from '@playwright/test';
import { signIn } from '../helpers';

test('an admin creates an API key in settings, uses it, and revokes it', async ({ page, request }) => {
  await signIn(page, 'admin@demo.counterfoil.dev');
  await expect(page).toHaveURL(/\/t\/tnt_demo$/);
  await page.getByRole('link', { name: 'API 密钥' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API 密钥' })).toBeVisible();

  await page.getByRole('button', { name: '创建密钥' }).first().click();
  const name = `e2e ${Date.now()}`;
  await page.locator('#api-key-name').fill(name);
  await page.getByRole('dialog').getByRole('button', { name: '创建密钥' }).click();
  const keyField = page.locator('#new-api-key');
  await expect(keyField).toHaveValue(/^cfk_[0-9a-z]{12}_[0-9a-z]{40}$/);
  const key = await keyField.inputValue();
  await page.getByRole('button', { name: '完成' }).click();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText(key.slice(0, 16));
  await expect(page.getByText(key)).toHaveCount(0);

  const answer = await request.get('/api/web/namespaces/system/usage_plans/current', { headers: { Authorization: `Bearer ${key}` } });
  expect(answer.status()).toBe(200);
  const plan = await answer.json();
  expect(plan).toMatchObject({ locale: 'zh-cn', plans: [{ name: 'pro', current: true, flat_price: 49900 }] });

  await row.getByRole('button', { name: '吊销' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '吊销' }).click();
  await expect(row).toContainText('已吊销');
  const refused = await request.get('/api/web/namespaces/system/usage_plans/current', { headers: { Authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
});

test('a viewer is told that only owners and admins manage keys', async ({ page }) => {
  await signIn(page, 'viewer@demo.counterfoil.dev');
  await page.goto('/t/tnt_demo/settings/api-keys');
  await expect(page.getByText('只有所有者和管理员可以管理 API 密钥。')).toBeVisible();
});
