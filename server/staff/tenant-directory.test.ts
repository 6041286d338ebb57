import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueSuffix } from '../../prisma/seed/factories';
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
