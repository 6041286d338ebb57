import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClock, useSystemClock } from '../clock';
import { seedApiKey, seedTestTenant, type SeededTenant } from '../../prisma/seed/factories';
import { bearer, callRoute } from '../../test/harness';
import { GET as currentPlan } from '@/app/api/web/namespaces/[namespace]/usage_plans/current/route';
import { TokenBuckets } from '../platform/rate-limit';

describe('TokenBuckets', () => {
  it('allows a burst, then refills at the per-minute rate', () => {
    const buckets = new TokenBuckets(3, 60);
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => buckets.take('k', t0).allowed)).toEqual([true, true, true]);
    expect(buckets.take('k', t0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(buckets.take('other', t0).allowed).toBe(true);
    expect(buckets.take('k', t0 + 1_000).allowed).toBe(true);
    expect(buckets.take('k', t0 + 1_000).allowed).toBe(false);
  });
});

describe('REST rate limit', () => {
  let seeded: SeededTenant;
  beforeAll(async () => {
    seeded = await seedTestTenant();
  });
  afterEach(() => useSystemClock());

  it('answers 429 with Retry-After once a key spends its burst, while another key still passes', async () => {
    const { key } = await seedApiKey(seeded, ['read']);
    const { key: other } = await seedApiKey(seeded, ['read']);
    const call = (k: string) => callRoute(currentPlan, { path: '/api/web/namespaces/system/usage_plans/current', params: { namespace: 'system' }, headers: bearer(k) });
    setClock(new Date()); // a frozen clock: no refill while the burst is spent
    const statuses: number[] = [];
    for (let i = 0; i < 125; i++) statuses.push((await call(key)).status);
    expect(statuses.slice(0, 120).every((status) => status === 200)).toBe(true);
    const limited = await call(key);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(typeof limited.json).toBe('string');
    expect((await call(other)).status).toBe(200);
  });
});
