import { expect, test, type Page } from '@playwright/test';
import { messagesFor } from '../../messages';

/** Everything the browser reports against the page's CSP, and every request that leaves our origin. */
function watch(page: Page, origin: string) {
  const violations: string[] = [];
  const foreign: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load|connect|apply)/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => { if (/Content Security Policy/i.test(error.message)) violations.push(error.message); });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  return { violations, foreign };
}

test('the API reference is public, renders every operation from /api/openapi.json, and runs under the CSP', async ({ page, baseURL }) => {
  const messages = messagesFor('zh-CN');
  const seen = watch(page, new URL(baseURL!).origin);
  const document = await (await page.request.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, { operationId: string }>> };

  // Signed out: the page itself, not a redirect to sign-in.
  const response = await page.goto('/docs/api');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL((url) => url.pathname === '/docs/api');
  expect(response?.headers()['content-security-policy']).toContain("'strict-dynamic'");
  await expect(page.getByRole('heading', { level: 1, name: messages.docs.title })).toBeVisible();

  // Scalar renders each operation (its title is the operationId) and each path.
  await expect(page.getByText('GetCurrentPlan').first()).toBeVisible({ timeout: 30_000 });
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const operation of Object.values(methods)) await expect(page.getByText(operation.operationId).first(), operation.operationId).toBeAttached();
    await expect(page.getByText(path).first(), path).toBeAttached();
  }
  // The authentication section of info.description.
  await expect(page.getByText('DF-API-KEY').first()).toBeAttached();

  expect(seen.violations, seen.violations.join('\n')).toEqual([]);
  expect(seen.foreign, seen.foreign.join('\n')).toEqual([]);
});

test('the sign-in page links to the API reference', async ({ page }) => {
  const messages = messagesFor('zh-CN');
  await page.goto('/sign-in');
  await page.getByRole('link', { name: messages.docs.link }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/docs/api');
  await expect(page.getByRole('heading', { level: 1, name: messages.docs.title })).toBeVisible();
});
