import { Agent, request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { demoCredentials, e2eDatabaseUrl } from '../helpers';

/**
 * Against the production server: 50 concurrent confirms of one quote over 50 connections apply it
 * exactly once (one proration record); the same Idempotency-Key replays the first answer byte for
 * byte. Acme ends where it started (starter), for the specs after this one.
 */
const INITIATE = '/api/web/namespaces/system/billing/plan_transition';
const agent = new Agent({ keepAlive: true, maxSockets: 50 });
type Raw = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

function post(path: string, key: string, body: unknown, extra: Record<string, string> = {}): Promise<Raw> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1', port: Number(process.env.E2E_PORT), agent, method: 'POST', path,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...extra },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

async function movements(db: pg.Client) {
  const records = await db.query("SELECT count(*)::int AS n FROM billing_records WHERE tenant_id = 'tnt_acme' AND type = 'proration'");
  const credits = await db.query("SELECT count(*)::int AS n FROM credit_transactions WHERE tenant_id = 'tnt_acme' AND source = 'proration'");
  const applied = await db.query("SELECT count(*)::int AS n FROM plan_transitions WHERE tenant_id = 'tnt_acme' AND state = 'finished'");
  return { records: records.rows[0].n as number, credits: credits.rows[0].n as number, applied: applied.rows[0].n as number };
}

test('50 concurrent confirms of one quote: exactly one applies; an Idempotency-Key replays byte for byte', async () => {
  const key = demoCredentials().apiKeys.tnt_acme!;
  const db = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await db.connect();
  try {
    const plans = JSON.parse((await post(`${INITIATE}/preview`, key, { namespace: 'system', new_plan: 'pro' })).body);
    expect(plans).toMatchObject({ state: 'quoted', direction: 'upgrade', mode: 'prorate_now', fromPlan: { code: 'starter' }, toPlan: { code: 'pro' } });
    const before = await movements(db);
    const body = { namespace: 'system', new_plan: 'pro', payload: { payment_provider_token: 'tok_sandbox_visa' }, quote_id: plans.id };
    const answers = await Promise.all(Array.from({ length: 50 }, () => post(INITIATE, key, body)));
    for (const answer of answers) {
      expect(answer.status, answer.body).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({ id: plans.id, requires_manual_approval: false });
    }
    const after = await movements(db);
    expect(after).toEqual({ records: before.records + 1, credits: before.credits, applied: before.applied + 1 });
    const record = await db.query("SELECT amount::text FROM billing_records WHERE tenant_id = 'tnt_acme' AND type = 'proration' ORDER BY created_at DESC LIMIT 1");
    expect(Number(record.rows[0].amount).toFixed(2)).toBe(Number(plans.net).toFixed(2));
    const state = await fetch(`http://127.0.0.1:${process.env.E2E_PORT}/no_auth/namespaces/system/billing/plan_transition?id=${plans.id}`, { headers: { authorization: `APIToken ${key}` } });
    expect(await state.json()).toEqual({ state: 'STATE_FINISHED' });

    // Back to starter (pro downgrades at once with a credit in the demo catalog), with an Idempotency-Key.
    const idem = { 'idempotency-key': `e2e-downgrade-${Date.now()}` };
    const back = { namespace: 'system', new_plan: 'starter', payload: { payment_provider_token: 'tok_sandbox_visa' } };
    const first = await post(INITIATE, key, back, idem);
    expect(first.status, first.body).toBe(200);
    const replay = await post(INITIATE, key, back, idem);
    expect(replay.status).toBe(200);
    expect(replay.body).toBe(first.body);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const end = await movements(db);
    expect(end.applied).toBe(after.applied + 1);
    expect(end.records + end.credits).toBe(after.records + after.credits + 1);
  } finally {
    await db.end();
    agent.destroy();
  }
});
