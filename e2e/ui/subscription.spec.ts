import { expect, test } from '@playwright/test';
import { signIn } from '../helpers';

/** The demo tenant's subscription (owner, zh-CN): cancel at period end, then resume before it ends. */
test('an owner cancels the subscription at period end, then resumes it', async ({ page }) => {
  await signIn(page, 'owner@demo.counterfoil.dev');
  await page.getByRole('link', { name: '订阅' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '订阅' })).toBeVisible();
  await expect(page.getByTestId('subscription-status')).toBeVisible();
  const hint = page.getByTestId('subscription-renewal-hint');

  // A previous run may have left it cancelled: start from a renewing subscription.
  const resume = page.getByRole('button', { name: '恢复订阅' });
  if (await resume.isVisible()) {
    await resume.click();
    await expect(page.getByRole('button', { name: '在周期结束时取消' })).toBeVisible();
  }

  await page.getByRole('button', { name: '在周期结束时取消' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('之后不再计费');
  await dialog.getByRole('button', { name: '确认取消' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('订阅将在周期结束时取消。')).toBeVisible();
  await expect(hint).toContainText('已申请在本计费周期结束时取消');
  await expect(page.getByTestId('auto-renew')).toBeDisabled();

  await page.reload(); // the change is stored, not just shown
  await expect(hint).toContainText('已申请在本计费周期结束时取消');

  await page.getByRole('button', { name: '恢复订阅' }).click();
  await expect(page.getByText('订阅已恢复。')).toBeVisible();
  await expect(page.getByRole('button', { name: '在周期结束时取消' })).toBeVisible();
  await expect(hint).not.toContainText('取消');
  await expect(page.getByTestId('auto-renew')).toBeChecked();
});

test('a viewer sees the subscription but cannot change it', async ({ page }) => {
  await signIn(page, 'viewer@demo.counterfoil.dev');
  await page.goto('/t/tnt_demo/subscription');
  await expect(page.getByTestId('subscription-status')).toBeVisible();
  await expect(page.getByText('你的角色只能查看订阅')).toBeVisible();
  await expect(page.getByRole('button', { name: '在周期结束时取消' })).toBeDisabled();
  await expect(page.getByTestId('auto-renew')).toBeDisabled();
});
