import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedApiKey, seedTestTenant, type SeededTenant } from '../../prisma/seed/factories';
import { advanceClock, now, setClock, useSystemClock } from '../clock';
import { prisma } from '../db';
import { AppError } from '../errors';
import { authenticateApiKey } from '../rest/credentials';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys';

const DAY = 86_400_000;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

let seeded: SeededTenant;

beforeAll(async () => {
  seeded = await seedTestTenant('CNY');
});

afterEach(() => {
  useSystemClock();
});

/** The key with one character of its secret part changed: same prefix, still well-formed. */
function tampered(key: string, at = key.length - 1): string {
  const replacement = key[at] === 'a' ? 'b' : 'a';
  return `${key.slice(0, at)}${replacement}${key.slice(at + 1)}`;
}

async function expectRejected(token: string) {
  const error = await authenticateApiKey(token).then(() => null, (e: unknown) => e);
  expect(error, `token ${token.slice(0, 16)}… was accepted`).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(401);
  expect((error as AppError).reason).toBe('INVALID_API_KEY');
}

describe('API keys: random, shown once, stored as SHA-256', () => {
  it('returns the whole key once and stores only its SHA-256', async () => {
    const { key, apiKey } = await createApiKey({ tenantId: seeded.tenant.id, name: 'ci', scopes: ['read', 'ingest'], expiresInDays: null }, seeded.ownerActor);
    expect(key).toMatch(/^cfk_[0-9a-z]{12}_[0-9a-z]{40}$/);
    expect(key.startsWith(`${apiKey.prefix}_`)).toBe(true);
    expect(apiKey).not.toHaveProperty('key');
    expect(apiKey).not.toHaveProperty('secretHash');
    expect(apiKey).toMatchObject({ name: 'ci', scopes: ['read', 'ingest'], revokedAt: null, lastUsedAt: null, expiresAt: null, createdBy: seeded.users.owner.email });

    const row = await prisma.apiKey.findUniqueOrThrow({ where: { prefix: apiKey.prefix } });
    expect(row.tenantId).toBe(seeded.tenant.id);
    expect(row.secretHash).toBe(sha256(key));
    // Every column of the raw row, as PostgreSQL returns it: the key and its secret part appear nowhere.
    const [raw] = await prisma.$queryRaw<Record<string, unknown>[]>`SELECT * FROM api_keys WHERE id = ${apiKey.id}`;
    const stored = JSON.stringify(raw);
    expect(stored).toContain(sha256(key));
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(key.slice(apiKey.prefix.length + 1));

    const audits = await prisma.auditLog.findMany({ where: { targetId: apiKey.id } });
    expect(audits).toHaveLength(1);
    for (const secret of [key, key.slice(apiKey.prefix.length + 1), row.secretHash]) expect(JSON.stringify(audits)).not.toContain(secret);
  });

  it('never returns the key or its hash when listing', async () => {
    const { key } = await seedApiKey(seeded, ['read'], 'listed');
    const keys = await listApiKeys(seeded.tenant.id);
    expect(keys.length).toBeGreaterThanOrEqual(1);
    const listed = JSON.stringify(keys);
    expect(listed).not.toContain(key);
    expect(listed).not.toContain(key.slice(17));
    expect(listed).not.toContain(sha256(key));
    for (const summary of keys) expect(Object.keys(summary).sort()).toEqual(['createdAt', 'createdBy', 'expiresAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'scopes']);
  });

  it('makes a different key, prefix and hash every time', async () => {
    const created = await Promise.all([1, 2, 3].map(() => seedApiKey(seeded, ['read'], 'twin')));
    expect(new Set(created.map((c) => c.key)).size).toBe(3);
    expect(new Set(created.map((c) => c.apiKey.prefix)).size).toBe(3);
    const rows = await prisma.apiKey.findMany({ where: { id: { in: created.map((c) => c.apiKey.id) } }, select: { secretHash: true } });
    expect(new Set(rows.map((r) => r.secretHash)).size).toBe(3);
  });
});

describe('authenticateApiKey', () => {
  it('accepts the key and refreshes lastUsedAt (at most once a minute)', async () => {
    setClock(new Date('2026-03-15T10:00:00Z'));
    const { key, apiKey } = await seedApiKey(seeded, ['read', 'write']);
    const who = await authenticateApiKey(key);
    expect(who).toMatchObject({ id: apiKey.id, tenantId: seeded.tenant.id, scopes: ['read', 'write'], createdByUserId: seeded.users.owner.id });
    expect(who.scope).toEqual({ tenantId: seeded.tenant.id, role: null, tenant: expect.objectContaining({ id: seeded.tenant.id, currency: 'CNY' }) });
    const lastUsed = async () => (await prisma.apiKey.findUniqueOrThrow({ where: { prefix: apiKey.prefix } })).lastUsedAt;
    expect(await lastUsed()).toEqual(now());

    const first = now();
    advanceClock(30_000);
    await authenticateApiKey(key);
    expect(await lastUsed()).toEqual(first);
    advanceClock(31_000);
    await authenticateApiKey(key);
    expect(await lastUsed()).toEqual(now());
    expect((await listApiKeys(seeded.tenant.id)).find((k) => k.id === apiKey.id)?.lastUsedAt).toEqual(now());
  });

  it('rejects the key with one character of the secret changed (same prefix) with 401', async () => {
    const { key, apiKey } = await seedApiKey(seeded);
    for (const at of [apiKey.prefix.length + 1, key.length - 20, key.length - 1]) {
      const wrong = tampered(key, at);
      expect(wrong.startsWith(apiKey.prefix)).toBe(true);
      expect(wrong).not.toBe(key);
      await expectRejected(wrong);
    }
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { prefix: apiKey.prefix } })).lastUsedAt).toBeNull();
    await authenticateApiKey(key); // the real key still works
  });

  it('rejects malformed and unknown keys with 401', async () => {
    const { key } = await seedApiKey(seeded);
    await expectRejected('');
    await expectRejected(`${key}x`);
    await expectRejected(key.slice(0, -1));
    await expectRejected(key.toUpperCase());
    await expectRejected(`cfs_${key.slice(4)}`);
    await expectRejected(`cfk_${'0'.repeat(12)}_${'0'.repeat(40)}`);
  });

  it('rejects a revoked key', async () => {
    const { key, apiKey } = await seedApiKey(seeded);
    await authenticateApiKey(key);
    await revokeApiKey({ tenantId: seeded.tenant.id, id: apiKey.id }, seeded.ownerActor);
    await expectRejected(key);
  });

  it('rejects an expired key once expiresInDays have passed', async () => {
    setClock(new Date('2026-03-15T10:00:00Z'));
    const { key, apiKey } = await createApiKey({ tenantId: seeded.tenant.id, name: 'short-lived', scopes: ['read'], expiresInDays: 1 }, seeded.ownerActor);
    expect(apiKey.expiresAt?.toISOString()).toBe('2026-03-16T10:00:00.000Z');
    await authenticateApiKey(key);
    advanceClock(DAY - 1000);
    await authenticateApiKey(key);
    advanceClock(1000);
    await expectRejected(key);
    advanceClock(30 * DAY);
    await expectRejected(key);
  });
});
