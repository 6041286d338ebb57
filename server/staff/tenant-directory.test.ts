import { beforeAll, describe, expect, it } from 'vitest';
import { seedTestTenant, uniqueSuffix } from '../../prisma/seed/factories';
import { prisma } from '../db';
import { startSubscription } from '../subscriptions/start-subscription';
import { SYSTEM_ACTOR } from '../audit/actor';
import { createTenant } from '../tenants/create-tenant';
import { likeLiteral, listTenantsForStaff } from './tenant-directory';

describe('staff tenant directory search: %, _ and \\ are literal text, not LIKE patterns', () => {
  const sfx = uniqueSuffix();
  const names = { percent: `Hundred%${sfx}`, plainP: `HundredX${sfx}`, under: `Snake_${sfx}`, plainU: `SnakeX${sfx}`, slash: `Back\\slash${sfx}` };
  beforeAll(async () => {
    for (const name of Object.values(names)) await createTenant({ name, currency: 'USD', locale: 'en', tenantType: 'freemium' }, SYSTEM_ACTOR);
  });
  const search = async (text: string) => (await listTenantsForStaff({ search: text, page: 1, pageSize: 100 })).tenants.map((t) => t.name).sort();

  it('escapes the pattern characters', () => {
    expect(likeLiteral('a%b_c\\d')).toBe('a\\%b\\_c\\\\d');
  });

  it('"%" finds only names containing a percent sign', async () => {
    expect(await search(`%${sfx}`)).toEqual([names.percent]);
    const all = await search('%');
    expect(all).toContain(names.percent);
    expect(all.every((name) => name.includes('%'))).toBe(true);
  });

  it('"_" matches an underscore, not any one character; a backslash is itself', async () => {
    expect(await search(`snake_${sfx}`)).toEqual([names.under]);
    expect(await search(`k\\s`)).toEqual([names.slash]);
    expect(await search(sfx)).toEqual(Object.values(names).sort());
  });
});

describe('staff tenant directory search by member email and invoice number', () => {
  it("finds a tenant by a member's email and by one of its invoice numbers, and nothing else", async () => {
    const [a, b] = [await seedTestTenant('CNY'), await seedTestTenant('USD')];
    await startSubscription({ tenantId: a.tenant.id, planCode: 'starter', adminUserId: a.users.owner.id }, a.ownerActor);
    const invoice = (await prisma.billingRecord.findFirstOrThrow({ where: { tenantId: a.tenant.id, invoiceNumber: { not: null } } })).invoiceNumber!;
    const ids = async (text: string) => (await listTenantsForStaff({ search: text, page: 1, pageSize: 100 })).tenants.map((t) => t.id);
    expect(await ids(a.users.owner.email)).toEqual([a.tenant.id]);
    expect(await ids(a.users.viewer.email.toUpperCase())).toEqual([a.tenant.id]);
    expect(await ids(b.users.billing.email)).toEqual([b.tenant.id]);
    expect(await ids(invoice)).toEqual([a.tenant.id]);
    // a member's email with `_` in place of a letter matches nothing: `_` is literal
    expect(await ids(a.users.owner.email.replace('owner', 'own_r'))).toEqual([]);
    const paged = await listTenantsForStaff({ search: a.users.owner.email.split('@')[1]!, page: 1, pageSize: 1 });
    expect(paged).toMatchObject({ total: 1, tenants: [{ id: a.tenant.id, members: 4, planCode: 'starter' }] });
  });
});
