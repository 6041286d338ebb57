import { expect, test } from '@playwright/test';
import pg from 'pg';
import { demoCredentials, e2eDatabaseUrl } from '../helpers';

/**
 * POST /api/v1/usage/events over HTTP against the real server (its own pool, many connections):
 * 20 concurrent ingests against a hard quota never take usage past it, and the pricing job the
 * route kicks turns what was accepted into charge lines.
 */
const TENANT = 'tnt_demo';
const NAMESPACE = 'mobile';

test('20 concurrent ingest requests never overshoot a hard quota', async ({ request }) => {
  test.setTimeout(120_000);
  const key = demoCredentials().apiKeys[TENANT]!;
  const auth = { Authorization: `Bearer ${key}` };
  const db = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await db.connect();
  // A fresh app, so the quota (narrowed to it) starts at zero usage whatever the seed metered.
  const app = `app_race${Date.now()}`;
  await db.query(`INSERT INTO apps (tenant_id, id, name, updated_at) VALUES ($1, $2, 'race', now())`, [TENANT, app]);
  const quota = `race-${Date.now()}`;
  try {
    const created = await request.post(`/api/web/namespaces/${NAMESPACE}/quotas`, { headers: auth, data: {
      metadata: { name: quota, namespace: NAMESPACE }, spec: { resource_limits: { mfa_verifications: { maximum: 10 } }, enforcement: 'hard', app_id: app },
    } });
    expect(created.status(), await created.text()).toBe(200);

    const timestamp = new Date(Date.now() - 60_000).toISOString();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => request.post('/api/v1/usage/events', {
      headers: auth, data: { events: [{ event_id: `${quota}-${i}`, app_id: app, namespace: NAMESPACE, resource_type: 'mfa_verifications', quantity: 1, timestamp }] },
    }).then(async (response) => ({ status: response.status(), body: await response.json() }))));
    for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const results = answers.map((a) => a.body.data.results[0]);
    expect(results.filter((r) => r.status === 'accepted')).toHaveLength(10);
    for (const refused of results.filter((r) => r.status !== 'accepted')) {
      expect(refused).toMatchObject({ status: 'rejected', reason: { code: 'quota_exceeded', quota: { namespace: NAMESPACE, name: quota } } });
    }
    const { rows } = await db.query(`SELECT coalesce(sum(quantity), 0)::text AS total FROM usage_hourly WHERE tenant_id = $1 AND app_id = $2`, [TENANT, app]);
    expect(rows[0].total).toBe('10.000000000');
    // Pricing runs in the usage-price job the route kicked after each commit (the server's own worker):
    // the accepted events become charge lines, and nothing is left queued for this app.
    const priced = async () => (await db.query(
      `SELECT coalesce(sum(quantity), 0)::text AS quantity, (SELECT count(*) FROM usage_pricing_queue WHERE tenant_id = $1 AND app_id = $2)::int AS queued
       FROM charge_lines WHERE tenant_id = $1 AND app_id = $2 AND consume_type = 'consumption'`, [TENANT, app])).rows[0];
    await expect.poll(priced, { timeout: 60_000, intervals: [250, 500, 1000] }).toEqual({ quantity: '10.000000000', queued: 0 });
  } finally {
    await request.delete(`/api/web/namespaces/${NAMESPACE}/quotas/${quota}`, { headers: auth, data: { name: quota, namespace: NAMESPACE, fail_if_referred: false } });
    await db.end();
  }
});
