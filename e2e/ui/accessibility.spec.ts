import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../helpers';
import { LOCALE_COOKIE, LOCALES, messagesFor, type Locale, type Messages } from '../../messages';

/**
 * Every page of the product, in every language, has no serious or critical axe violation.
 * A new page (or a new state of one, such as an open dialog) is one more entry in PAGES.
 */
type Who = 'signed-out' | 'tenant-admin' | 'staff-admin';

interface PageCase {
  name: string;
  who: Who;
  path: string;
  /** Waits for the page's content; may open a dialog or another state before the scan. */
  ready: (page: Page, messages: Messages) => Promise<void>;
}

const TENANT = 'tnt_demo';
const ACCOUNTS: Record<Exclude<Who, 'signed-out'>, string> = {
  'tenant-admin': 'owner@demo.counterfoil.dev',
  'staff-admin': 'admin@counterfoil.dev',
};

const heading = (page: Page) => expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();

export const PAGES: PageCase[] = [
  { name: 'sign-in', who: 'signed-out', path: '/sign-in', ready: async (page) => { await expect(page.locator('#email')).toBeVisible(); } },
  { name: 'sign-in, refused', who: 'signed-out', path: '/sign-in', ready: async (page) => {
    await page.locator('#email').fill('nobody@example.com');
    await page.locator('#password').fill('not-the-password');
    await page.locator('form button[type="submit"]').click();
    await expect(page.getByRole('alert').first()).toBeVisible();
  } },
  { name: 'API reference', who: 'signed-out', path: '/docs/api', ready: async (page, messages) => {
    await expect(page.getByRole('heading', { level: 1, name: messages.docs.title })).toBeVisible();
    await expect(page.getByText('GetCurrentPlan').first()).toBeVisible({ timeout: 30_000 });
  } },
  { name: 'tenant picker', who: 'tenant-admin', path: '/tenants', ready: heading },
  { name: 'overview', who: 'tenant-admin', path: `/t/${TENANT}`, ready: async (page) => {
    await heading(page);
    await expect(page.getByTestId('current-plan')).toBeVisible();
  } },
  { name: 'API keys', who: 'tenant-admin', path: `/t/${TENANT}/settings/api-keys`, ready: async (page, messages) => {
    await expect(page.getByRole('heading', { level: 1, name: messages.apiKeys.title })).toBeVisible();
    await expect(page.getByRole('table')).toBeVisible();
  } },
  { name: 'API keys, create dialog open', who: 'tenant-admin', path: `/t/${TENANT}/settings/api-keys`, ready: async (page, messages) => {
    await expect(page.getByRole('table')).toBeVisible();
    await page.getByRole('button', { name: messages.apiKeys.create }).first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page.locator('#api-key-name')).toBeVisible();
  } },
  { name: 'billing profile', who: 'tenant-admin', path: `/t/${TENANT}/settings/billing-profile`, ready: async (page, messages) => {
    await expect(page.getByRole('heading', { level: 1, name: messages.billingProfile.title })).toBeVisible();
    await expect(page.locator('#bp-company')).toBeVisible();
  } },
  { name: 'billing profile, validation messages', who: 'tenant-admin', path: `/t/${TENANT}/settings/billing-profile`, ready: async (page, messages) => {
    await page.locator('#bp-company').fill('');
    await page.locator('#bp-email').fill('not-an-email');
    await page.getByRole('button', { name: messages.billingProfile.save }).click();
    await expect(page.getByText(messages.billingProfile.errors.companyNameRequired)).toBeVisible();
    await expect(page.getByText(messages.billingProfile.errors.invoiceEmailInvalid)).toBeVisible();
  } },
  { name: 'subscription', who: 'tenant-admin', path: `/t/${TENANT}/subscription`, ready: async (page, messages) => {
    await expect(page.getByRole('heading', { level: 1, name: messages.subscription.title })).toBeVisible();
    await expect(page.getByTestId('subscription-status')).toBeVisible();
  } },
  { name: 'subscription, cancel dialog open', who: 'tenant-admin', path: `/t/${TENANT}/subscription`, ready: async (page, messages) => {
    await expect(page.getByTestId('subscription-status')).toBeVisible();
    await page.getByRole('button', { name: messages.subscription.cancel }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
  } },
  { name: 'credits', who: 'tenant-admin', path: `/t/${TENANT}/credits`, ready: async (page, messages) => {
    await expect(page.getByRole('heading', { level: 1, name: messages.credits.title })).toBeVisible();
    await expect(page.getByTestId('credit-balance')).toBeVisible();
    // The seeded coupon and vouchers, with what remains of each.
    await expect(page.getByTestId('coupon-title').first()).toBeVisible();
    await expect(page.getByTestId('voucher-remaining').first()).toBeVisible();
  } },
  { name: 'invoices', who: 'tenant-admin', path: `/t/${TENANT}/invoices`, ready: async (page, messages) => {
    await expect(page.getByRole('heading', { level: 1, name: messages.invoices.title })).toBeVisible();
    await expect(page.getByTestId('invoice-link').first()).toBeVisible();
  } },
  { name: 'invoices, filtered to nothing', who: 'tenant-admin', path: `/t/${TENANT}/invoices`, ready: async (page, messages) => {
    await page.goto(`/t/${TENANT}/invoices?status=draft&from=2000-01-01&to=2000-01-02`);
    await expect(page.getByText(messages.invoices.emptyFiltered)).toBeVisible();
  } },
  { name: 'invoice detail', who: 'tenant-admin', path: `/t/${TENANT}/invoices`, ready: async (page) => {
    await page.getByTestId('invoice-link').first().click();
    await expect(page.getByTestId('invoice-totals')).toBeVisible();
  } },
  { name: 'invoice detail, payment attempts', who: 'tenant-admin', path: `/t/${TENANT}/invoices?status=paid`, ready: async (page, messages) => {
    await page.getByTestId('invoice-link').first().click();
    await expect(page.getByRole('heading', { name: messages.invoices.attempts })).toBeVisible();
    await expect(page.getByTestId('attempt-result').first().or(page.getByText(messages.invoices.noAttempts))).toBeVisible();
  } },
  { name: 'bills', who: 'tenant-admin', path: `/t/${TENANT}/bills`, ready: async (page, messages) => {
    await expect(page.getByRole('heading', { level: 1, name: messages.bills.title })).toBeVisible();
    await expect(page.getByTestId('bill-link').first()).toBeVisible();
  } },
  { name: 'bill detail with the facet panel', who: 'tenant-admin', path: `/t/${TENANT}/bills`, ready: async (page) => {
    await page.getByTestId('bill-link').first().click();
    await expect(page.getByTestId('bill-facets')).toBeVisible();
  } },
  { name: 'daily bill', who: 'tenant-admin', path: `/t/${TENANT}/bills/daily`, ready: async (page, messages) => {
    await expect(page.getByRole('heading', { level: 1, name: messages.bills.dailyTitle })).toBeVisible();
    await expect(page.getByTestId('daily-table').or(page.getByText(messages.bills.dailyEmpty))).toBeVisible();
  } },
  { name: 'add-ons', who: 'tenant-admin', path: `/t/${TENANT}/add-ons`, ready: async (page, messages) => {
    await expect(page.getByRole('heading', { level: 1, name: messages.addOns.title })).toBeVisible();
    await expect(page.getByRole('table')).toBeVisible();
  } },
  { name: 'add-ons, subscribe dialog open', who: 'tenant-admin', path: `/t/${TENANT}/add-ons`, ready: async (page, messages) => {
    await expect(page.getByRole('table')).toBeVisible();
    await page.getByRole('button', { name: messages.addOns.subscribe, exact: true }).first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page.getByTestId('prorated-total')).toBeVisible();
  } },
  { name: 'payment methods', who: 'tenant-admin', path: `/t/${TENANT}/payment-methods`, ready: async (page, messages) => {
    await expect(page.getByRole('heading', { level: 1, name: messages.paymentMethods.title })).toBeVisible();
    await expect(page.getByRole('table')).toBeVisible();
  } },
  { name: 'payment methods, add dialog with a card error', who: 'tenant-admin', path: `/t/${TENANT}/payment-methods`, ready: async (page, messages) => {
    await page.getByRole('button', { name: messages.paymentMethods.add }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.locator('#pm-number').fill('4242424242424241');
    await page.locator('#pm-exp-month').fill('12');
    await page.locator('#pm-exp-year').fill('2099');
    await page.locator('#pm-cvc').fill('123');
    await page.getByRole('dialog').getByRole('button', { name: messages.paymentMethods.form.submit, exact: true }).click();
    await expect(page.getByText(messages.paymentMethods.form.errors.invalid_number)).toBeVisible();
  } },
  { name: 'plans', who: 'tenant-admin', path: `/t/${TENANT}/plans`, ready: async (page, messages) => {
    await expect(page.getByRole('heading', { level: 1, name: messages.plans.title })).toBeVisible();
    await expect(page.getByTestId('plan-grid')).toBeVisible();
  } },
  { name: 'usage dashboard', who: 'tenant-admin', path: `/t/${TENANT}/usage`, ready: async (page, messages) => {
    await expect(page.getByRole('heading', { level: 1, name: messages.usage.title })).toBeVisible();
    await expect(page.getByTestId('usage-chart')).toBeVisible();
    await expect(page.getByTestId('quota-bar').first()).toBeVisible();
  } },
  { name: 'usage dashboard, hourly, table open', who: 'tenant-admin', path: `/t/${TENANT}/usage`, ready: async (page, messages) => {
    await page.getByRole('button', { name: messages.usage.granularities.hour }).click();
    await expect(page.getByRole('button', { name: messages.usage.granularities.hour })).toHaveAttribute('aria-pressed', 'true');
    await page.getByText(messages.usage.tableView).click();
    await expect(page.getByTestId('usage-table').getByRole('table')).toBeVisible();
  } },
  { name: 'quotas', who: 'tenant-admin', path: `/t/${TENANT}/quotas`, ready: async (page, messages) => {
    await expect(page.getByRole('heading', { level: 1, name: messages.quotas.title })).toBeVisible();
    await expect(page.getByRole('table').first()).toBeVisible();
  } },
  { name: 'quotas, new quota dialog open', who: 'tenant-admin', path: `/t/${TENANT}/quotas`, ready: async (page, messages) => {
    await expect(page.getByRole('table').first()).toBeVisible();
    await page.getByRole('button', { name: messages.quotas.create }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page.locator('#quota-name')).toBeVisible();
  } },
  { name: 'usage alerts', who: 'tenant-admin', path: `/t/${TENANT}/alerts`, ready: async (page, messages) => {
    await expect(page.getByRole('heading', { level: 1, name: messages.alerts.title })).toBeVisible();
    await expect(page.getByRole('table')).toBeVisible();
  } },
  { name: 'usage alerts, create dialog with a validation message', who: 'tenant-admin', path: `/t/${TENANT}/alerts`, ready: async (page, messages) => {
    await page.getByRole('button', { name: messages.alerts.create }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.getByLabel(messages.alerts.form.percent).fill('');
    await page.getByRole('dialog').getByRole('button', { name: messages.alerts.save, exact: true }).click();
    await expect(page.getByText(messages.alerts.form.needThreshold)).toBeVisible();
  } },
  { name: 'notifications', who: 'tenant-admin', path: `/t/${TENANT}/notifications`, ready: async (page, messages) => {
    await expect(page.getByRole('heading', { level: 1, name: messages.notifications.title })).toBeVisible();
    await expect(page.getByTestId('notification-bell')).toBeVisible();
  } },
  { name: 'audit log', who: 'tenant-admin', path: `/t/${TENANT}/audit`, ready: async (page, messages) => {
    await expect(page.getByRole('heading', { level: 1, name: messages.audit.title })).toBeVisible();
    await expect(page.getByRole('table')).toBeVisible();
  } },
  { name: 'staff audit log', who: 'staff-admin', path: '/staff/audit', ready: async (page, messages) => {
    await expect(page.getByRole('heading', { level: 1, name: messages.audit.title })).toBeVisible();
    await expect(page.getByRole('table')).toBeVisible();
  } },
  { name: 'staff tenant page', who: 'staff-admin', path: `/staff/tenants/${TENANT}`, ready: async (page) => {
    await heading(page);
    await expect(page.getByTestId('member-email').first()).toBeVisible();
    await expect(page.getByTestId('staff-invoice').first()).toBeVisible();
  } },
  { name: 'staff tenant page, adjust credit dialog open', who: 'staff-admin', path: `/staff/tenants/${TENANT}`, ready: async (page) => {
    await page.getByTestId('adjust-credit').click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page.locator('#adjust-amount')).toBeVisible();
  } },
  { name: 'staff tenant page, new adjustment invoice dialog open', who: 'staff-admin', path: `/staff/tenants/${TENANT}`, ready: async (page) => {
    await page.getByTestId('new-invoice').click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page.locator('#draft-description')).toBeVisible();
  } },
  { name: 'staff tenant page, refund dialog open', who: 'staff-admin', path: `/staff/tenants/${TENANT}`, ready: async (page) => {
    await page.getByTestId('invoice-refund').first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page.getByRole('dialog').getByRole('combobox')).toBeVisible();
  } },
  { name: 'staff catalog', who: 'staff-admin', path: '/staff/catalog', ready: async (page, messages) => {
    await expect(page.getByRole('heading', { level: 1, name: messages.plans.staffCatalog.title })).toBeVisible();
    await expect(page.getByTestId('catalog-pro')).toBeVisible();
  } },
  { name: 'staff service credentials', who: 'staff-admin', path: '/staff/service-credentials', ready: async (page, messages) => {
    await expect(page.getByRole('heading', { level: 1, name: messages.serviceCredentials.title })).toBeVisible();
    await expect(page.getByRole('table').first()).toBeVisible();
  } },
  { name: 'staff approvals', who: 'staff-admin', path: '/staff/approvals', ready: async (page, messages) => {
    await expect(page.getByRole('heading', { level: 1, name: messages.plans.approvals.title })).toBeVisible();
    await expect(page.getByRole('table')).toBeVisible();
  } },
  { name: 'staff tenants', who: 'staff-admin', path: '/staff/tenants', ready: async (page) => {
    await heading(page);
    await expect(page.getByRole('table')).toBeVisible();
  } },
  { name: 'staff tenants, impersonate dialog open', who: 'staff-admin', path: '/staff/tenants', ready: async (page, messages) => {
    await page.getByRole('searchbox').fill(TENANT);
    await page.getByRole('row', { name: new RegExp(TENANT) }).getByRole('button', { name: new RegExp(messages.impersonation.action) }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
  } },
  { name: 'overview, impersonated (banner)', who: 'staff-admin', path: '/staff/tenants', ready: async (page, messages) => {
    await page.getByRole('searchbox').fill(TENANT);
    await page.getByRole('row', { name: new RegExp(TENANT) }).getByRole('button', { name: new RegExp(messages.impersonation.action) }).click();
    await page.getByRole('dialog').getByLabel(messages.impersonation.reason).fill('accessibility scan of the impersonation banner');
    await page.getByRole('dialog').getByRole('button', { name: messages.impersonation.start }).click();
    await page.waitForURL(new RegExp(`/t/${TENANT}$`));
    await expect(page.getByTestId('impersonation-banner')).toBeVisible();
    await expect(page.getByTestId('current-plan')).toBeVisible();
  } },
];

const BLOCKING = new Set(['serious', 'critical']);

async function useLocale(page: Page, locale: Locale) {
  const url = test.info().project.use.baseURL ?? 'http://127.0.0.1:3100';
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: locale, url }]);
}

/** The serious and critical violations on the page as it is now, one line each: rule id, impact, targets. */
async function blockingViolations(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const lines: string[] = [];
  for (const violation of result.violations) {
    const targets = violation.nodes.map((node) => node.target.join(' ')).join(' | ');
    const line = `${label}: ${violation.id} (${violation.impact}) ${violation.help} → ${targets}`;
    if (BLOCKING.has(violation.impact ?? '')) lines.push(line);
    else test.info().annotations.push({ type: 'a11y (minor/moderate)', description: line });
  }
  return lines;
}

for (const who of ['signed-out', 'tenant-admin', 'staff-admin'] as const) {
  for (const locale of LOCALES) {
    test(`no serious or critical axe violations: ${who}, ${locale}`, async ({ page }) => {
      const entries = PAGES.filter((p) => p.who === who);
      test.setTimeout(60_000 + 20_000 * entries.length); // every page is a navigation and a full scan
      const messages = messagesFor(locale);
      await useLocale(page, locale);
      if (who !== 'signed-out') await signIn(page, ACCOUNTS[who]);
      const found: string[] = [];
      for (const entry of entries) {
        await page.goto(entry.path);
        // A path may carry a query (a filtered table): the page must be the one asked for, not a redirect.
        await expect(page).toHaveURL((url) => url.pathname === new URL(entry.path, url).pathname);
        await expect(page.locator('html')).toHaveAttribute('lang', locale === 'en' ? /^en/ : /^zh/);
        await entry.ready(page, messages);
        found.push(...await blockingViolations(page, `[${locale}] ${entry.name} (${entry.path})`));
      }
      expect(found, found.join('\n')).toEqual([]);
    });
  }
}

test('the scan reports a violation it is shown (unlabelled field, unreadable text)', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.locator('#email')).toBeVisible();
  await page.evaluate(() => {
    const form = document.querySelector('form')!;
    const input = document.createElement('input');
    input.id = 'a11y-probe-input';
    form.append(input);
    const text = document.createElement('p');
    text.id = 'a11y-probe-text';
    text.textContent = 'low contrast';
    text.style.cssText = 'color:#eeeeee;background:#ffffff';
    form.append(text);
  });
  const found = await blockingViolations(page, 'probe');
  expect(found.some((line) => line.includes('label (critical)') && line.includes('#a11y-probe-input')), found.join('\n')).toBe(true);
  expect(found.some((line) => line.includes('color-contrast (serious)') && line.includes('#a11y-probe-text')), found.join('\n')).toBe(true);
});
