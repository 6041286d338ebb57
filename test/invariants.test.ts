import { describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { prisma } from '../server/db';
import { seedTestTenant } from '../prisma/seed/factories';
import { grantCredit } from '../server/credits/grant-credit';
import { SYSTEM_ACTOR } from '../server/audit/actor';
import { HAND_WRITTEN_INDEXES } from './schema-catalog';

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    return await client.query<T>(sql, values);
  } finally {
    await client.end();
  }
}

describe('database invariants beyond schema.prisma', () => {
  it('has exactly the hand-written partial unique indexes', async () => {
    const result = await query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE '% WHERE %' ORDER BY indexname`);
    expect(result.rows.map((row) => row.indexname)).toEqual(HAND_WRITTEN_INDEXES);
  });

  it('refuses to update or delete audit rows and ledger rows', async () => {
    const seeded = await seedTestTenant();
    await grantCredit({ tenantId: seeded.tenant.id, amount: '10', source: 'promotion', remark: 'test' }, SYSTEM_ACTOR);
    await expect(query('UPDATE audit_logs SET action = $1 WHERE tenant_id = $2', ['forged', seeded.tenant.id])).rejects.toThrow(/append-only/);
    await expect(query('DELETE FROM audit_logs WHERE tenant_id = $1', [seeded.tenant.id])).rejects.toThrow(/append-only/);
    await expect(query('UPDATE credit_transactions SET amount = 1000 WHERE tenant_id = $1', [seeded.tenant.id])).rejects.toThrow(/append-only/);
    await expect(query('DELETE FROM credit_transactions WHERE tenant_id = $1', [seeded.tenant.id])).rejects.toThrow(/append-only/);
    expect(await prisma.auditLog.count({ where: { tenantId: seeded.tenant.id, action: 'forged' } })).toBe(0);
  });

  it('allows one default billing account per tenant', async () => {
    const seeded = await seedTestTenant();
    await expect(
      prisma.billingAccount.create({ data: { tenantId: seeded.tenant.id, id: 'ba_second', name: 'second', displayName: 'Second', currency: 'CNY', isDefault: true } }),
    ).rejects.toThrow();
  });
});
