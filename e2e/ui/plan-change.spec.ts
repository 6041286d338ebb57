import { expect, test } from '@playwright/test';
import { demoCredentials, signIn } from '../helpers';
import { LOCALE_COOKIE } from '../../messages';

/** The portal's language follows the locale cookie (zh-CN by default): these run in English. */
test.beforeEach(async ({ page, baseURL }) => {
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: 'en', url: baseURL! }]);
});

test('an owner changes the plan in the browser: quote, confirm, new plan and its proration invoice', async ({ page, request }) => {
  await signIn(page, 'owner@acme.counterfoil.dev');
  await page.goto('/t/tnt_acme/plans');
  await expect(page.getByRole('heading', { level: 1, name: 'Plans' })).toBeVisible();
  await expect(page.getByTestId('plan-starter')).toHaveAttribute('data-current', 'true');
  await expect(page.getByTestId('plan-pro')).toContainText('$79.00');
  await page.getByRole('button', { name: 'Yearly' }).click();
  await expect(page.getByRole('button', { name: 'Yearly' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('plan-pro')).toContainText('$790.00');
  await page.getByRole('button', { name: 'Monthly' }).click();

  await page.getByTestId('plan-pro').getByRole('button', { name: 'Switch to this plan' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('quote-days')).toContainText(/\d+ of \d+ days left/);
  const due = (await dialog.getByTestId('quote-due').textContent())!;
  const net = (await dialog.getByTestId('quote-net').textContent())!;
  expect(net).toMatch(/^\$\d/);
  await dialog.getByRole('button', { name: 'Confirm change' }).click();

  await expect(page.getByTestId('plan-notice')).toHaveText('Your plan was changed.');
  await expect(page.getByTestId('plan-pro')).toHaveAttribute('data-current', 'true');
  await expect(page.getByTestId('plan-starter')).toHaveAttribute('data-current', 'false');
  await expect(page.getByTestId('last-change')).toContainText(/Proration invoice INV-\d{4}-\d{3,}/);
  await expect(page.getByTestId('last-change')).toContainText(net);
  expect(due).toMatch(/^\$/);

  // Leave Acme on starter for the specs after this one (pro downgrades at once with a credit in the demo catalog).
  const back = await request.post('/api/web/namespaces/system/billing/plan_transition', {
    headers: { Authorization: `Bearer ${demoCredentials().apiKeys.tnt_acme!}` }, data: { namespace: 'system', new_plan: 'starter', payload: { payment_provider_token: 'tok_sandbox_visa' } },
  });
  expect(back.status(), await back.text()).toBe(200);
});

test('an owner switches to yearly in the browser: the quote shows the new period, the plan is then billed yearly', async ({ page, request }) => {
  await signIn(page, 'owner@acme.counterfoil.dev');
  await page.goto('/t/tnt_acme/plans');
  await expect(page.getByTestId('plan-starter')).toHaveAttribute('data-current', 'true');
  // On the monthly view the current plan is not a change; on the yearly view it is (a change of cycle).
  await expect(page.getByTestId('plan-starter').getByRole('button', { name: 'Switch to this plan' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Yearly' }).click();
  await expect(page.getByTestId('plan-starter').getByRole('button', { name: 'Switch to this plan' })).toBeVisible();

  await page.getByTestId('plan-pro').getByRole('button', { name: 'Switch to this plan' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Switch to “Pro (yearly)”');
  await expect(dialog.getByTestId('quote-new-period')).toContainText(/\d{4}.*–.*\d{4}/);
  await expect(dialog.getByRole('rowheader', { name: 'Pro, yearly (full new period)' })).toBeVisible();
  await expect(dialog.getByTestId('quote-charge')).toContainText('$790.00');
  await dialog.getByRole('button', { name: 'Confirm change' }).click();

  await expect(page.getByTestId('plan-notice')).toHaveText('Your plan was changed.');
  await expect(page.getByTestId('plan-pro')).toHaveAttribute('data-current', 'true');
  await page.reload();
  // The page opens on the subscription's cycle, now yearly.
  await expect(page.getByRole('button', { name: 'Yearly' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('last-change')).toContainText(/Proration invoice INV-\d{4}-\d{3,}/);

  // Back to starter, monthly (pro downgrades at once with a credit in the demo catalog), for the specs after this one.
  const back = await request.post('/api/web/namespaces/system/billing/plan_transition', {
    headers: { Authorization: `Bearer ${demoCredentials().apiKeys.tnt_acme!}` },
    data: { namespace: 'system', new_plan: 'starter', payload: { payment_provider_token: 'tok_sandbox_visa', billing_cycle: 'monthly' } },
  });
  expect(back.status(), await back.text()).toBe(200);
  await page.reload();
  await expect(page.getByTestId('plan-starter')).toHaveAttribute('data-current', 'true');
  await expect(page.getByRole('button', { name: 'Monthly' })).toHaveAttribute('aria-pressed', 'true');
});

test('a viewer sees the plans but cannot change them', async ({ page }) => {
  await signIn(page, 'viewer@acme.counterfoil.dev');
  await page.goto('/t/tnt_acme/plans');
  await expect(page.getByText('Viewers can see plans but cannot change them.')).toBeVisible();
  await expect(page.getByTestId('plan-starter')).toHaveAttribute('data-current', 'true');
  await expect(page.getByRole('button', { name: 'Switch to this plan' })).toHaveCount(0);
});
