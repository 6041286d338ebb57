import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { e2eDatabaseUrl, signIn } from '../helpers';
import { impersonation as t } from '../../messages/zh-CN/impersonation';

const TENANT = 'tnt_demo';
const PAGES = ['', '/plans', '/subscription', '/credits', '/settings/api-keys'];
const TENANT_HEADER = { 'x-counterfoil-tenant': TENANT };

async function startImpersonation(page: Page, reason: string) {
  await page.goto(`/staff/tenants`);
  await page.getByRole('searchbox').fill(TENANT);
  const row = page.getByRole('row', { name: new RegExp(TENANT) });
  await row.getByRole('button', { name: new RegExp(t.action) }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(t.reason).fill(reason);
  await dialog.getByRole('button', { name: t.start }).click();
  await page.waitForURL(new RegExp(`/t/${TENANT}$`));
}

async function withDb<T>(work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

test('support impersonates tnt_demo read-only with a banner on every page, stops, and the tenant’s audit trail shows it', async ({ page, browser }) => {
  const reason = `e2e ticket ${Date.now()}: customer asked about credits`;
  await signIn(page, 'support@counterfoil.dev');
  expect((await page.request.get('/api/trpc/tenants.overview', { headers: TENANT_HEADER })).status()).toBe(404);
  await startImpersonation(page, reason);

  for (const path of PAGES) {
    await page.goto(`/t/${TENANT}${path}`);
    const banner = page.getByTestId('impersonation-banner');
    await expect(banner, path || '/').toBeVisible();
    await expect(banner).toContainText('support@counterfoil.dev');
    await expect(page.getByTestId('impersonation-reason')).toHaveText(reason);
    await expect(page.getByTestId('impersonation-time-left')).toHaveText(/^(29|30):\d\d$/);
  }
  // On the API keys page: no create button for a read-only impersonation, and the mutation itself is refused.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: '创建密钥' })).toHaveCount(0);
  const refused = await page.request.post('/api/trpc/apiKeys.create', { headers: { ...TENANT_HEADER, 'content-type': 'application/json' }, data: { json: { name: 'by support', scopes: ['read'] } } });
  expect(refused.status()).toBe(403);
  expect((await page.request.get('/api/trpc/tenants.overview', { headers: TENANT_HEADER })).status()).toBe(200);

  await page.getByRole('button', { name: t.stop }).click();
  await page.waitForURL(/\/staff\/tenants\?impersonation=ended/);
  await expect(page.getByText(t.ended)).toBeVisible();
  expect((await page.request.get('/api/trpc/tenants.overview', { headers: TENANT_HEADER })).status()).toBe(404);
  await page.goto(`/t/${TENANT}`);
  await page.waitForURL(/\/staff\/tenants\?impersonation=ended/);

  // The tenant owner sees that staff acted, and why, on the tenant's audit log page.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signIn(owner, 'owner@demo.counterfoil.dev');
  await owner.goto(`/t/${TENANT}/audit`);
  await expect(owner.getByTestId('impersonated-by').filter({ hasText: reason }).first()).toBeVisible();
  await expect(owner.getByTestId('impersonated-by').filter({ hasText: 'support@counterfoil.dev' }).first()).toBeVisible();
  await ownerContext.close();

  // And the rows behind it, in the database.
  await withDb(async (db) => {
    const start = await db.query(
      "SELECT a.impersonation_id, a.after->>'reason' AS reason, a.actor_user_id, a.impersonator_user_id FROM audit_logs a JOIN users u ON u.id = a.actor_user_id WHERE a.tenant_id = $1 AND a.action = 'impersonation.start' AND u.email = 'support@counterfoil.dev' AND a.after->>'reason' = $2",
      [TENANT, reason],
    );
    expect(start.rows).toHaveLength(1);
    const { impersonation_id: id, actor_user_id: actor, impersonator_user_id: impersonator } = start.rows[0];
    expect(impersonator).toBe(actor);
    const actions = await db.query('SELECT action, count(*)::int AS n FROM audit_logs WHERE tenant_id = $1 AND impersonation_id = $2 GROUP BY action', [TENANT, id]);
    const byAction = Object.fromEntries(actions.rows.map((r) => [r.action, r.n]));
    expect(byAction['impersonation.stop']).toBe(1);
    expect(byAction['impersonation.request']).toBeGreaterThanOrEqual(PAGES.length);
    const refusedRow = await db.query("SELECT count(*)::int AS n FROM audit_logs WHERE impersonation_id = $1 AND action = 'impersonation.request' AND target_id = 'apiKeys.create'", [id]);
    expect(refusedRow.rows[0].n).toBe(1);
    const notice = await db.query("SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.tenant_id = $1 AND u.email = 'owner@demo.counterfoil.dev' AND n.kind = 'impersonation.started' AND n.body LIKE $2", [TENANT, `%${reason}%`]);
    expect(notice.rows[0].n).toBe(1);
  });
});

test('an expired impersonation is refused on its next request and the page returns to the console', async ({ page }) => {
  await signIn(page, 'support@counterfoil.dev');
  const reason = `e2e expiry ${Date.now()}: checking the time limit`;
  await startImpersonation(page, reason);
  await expect(page.getByTestId('impersonation-banner')).toBeVisible();
  expect((await page.request.get('/api/trpc/tenants.overview', { headers: TENANT_HEADER })).status()).toBe(200);
  await withDb((db) => db.query("UPDATE impersonation_sessions SET expires_at = now() - interval '1 second' WHERE tenant_id = $1 AND reason = $2 AND ended_at IS NULL", [TENANT, reason]));
  expect((await page.request.get('/api/trpc/tenants.overview', { headers: TENANT_HEADER })).status()).toBe(404);
  await page.goto(`/t/${TENANT}/credits`);
  await page.waitForURL(/\/staff\/tenants\?impersonation=ended/);
  await expect(page.getByText(t.ended)).toBeVisible();
});
