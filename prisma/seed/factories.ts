import { randomBytes } from 'node:crypto';
import { SYSTEM_ACTOR, userActor } from '../../server/audit/actor';
import type { z } from 'zod';
import { createTenant } from '../../server/tenants/create-tenant';
import { createTenantInput } from '../../server/tenants/schema';
import { createUserInput } from '../../server/users/schema';
import { addMembership, createUser } from '../../server/users/users';
import { createApp, createNamespace } from '../../server/apps/apps';
import { createAppInput, createNamespaceInput } from '../../server/apps/schema';
import { createApiKey } from '../../server/apikeys/api-keys';
import { TENANT_ROLES } from '../../server/auth/roles';
import type { MembershipRole } from '../../server/generated/prisma/enums';

/** Seed factories: they parse their input as a transport does, go through the product's own domain functions and return the rows. */
export const DEMO_PASSWORD = 'counterfoil-demo';

const seedMeta = { ip: '127.0.0.1', userAgent: 'seed', requestId: 'seed' };

export function uniqueSuffix(): string {
  return randomBytes(5).toString('hex');
}

export async function seedUser(email: string, name: string, options: { locale?: 'zh-CN' | 'en'; staffRole?: 'support' | 'finance' | 'admin' } = {}) {
  return createUser(createUserInput.parse({ email, name, password: DEMO_PASSWORD, locale: options.locale ?? 'zh-CN', staffRole: options.staffRole ?? null }), SYSTEM_ACTOR);
}

export type SeededTenant = Awaited<ReturnType<typeof seedTenant>>;

/** A tenant with one user per role (emails `<role>@<domain>`), apps and namespaces. */
export async function seedTenant({ domain, apps: appNames, namespaces: namespaceNames, ...input }: z.input<typeof createTenantInput> & { domain: string; apps?: string[]; namespaces?: string[] }) {
  const tenant = await createTenant(createTenantInput.parse(input), SYSTEM_ACTOR);
  const locale = input.locale === 'en' ? 'en' : 'zh-CN';
  const users = {} as Record<MembershipRole, { id: string; email: string }>;
  for (const role of TENANT_ROLES) {
    const user = await seedUser(`${role}@${domain}`, `${input.name} ${role}`, { locale });
    await addMembership({ tenantId: tenant.id, userId: user.id, role }, SYSTEM_ACTOR);
    users[role] = user;
  }
  const owner = userActor(users.owner.id, seedMeta);
  const apps = [];
  for (const name of appNames ?? []) apps.push(await createApp({ tenantId: tenant.id, ...createAppInput.parse({ name }) }, owner));
  const namespaces = [];
  for (const name of namespaceNames ?? []) namespaces.push(await createNamespace({ tenantId: tenant.id, ...createNamespaceInput.parse({ name }) }, owner));
  return { tenant, users, apps, namespaces, ownerActor: owner };
}

/** A fresh tenant with random ids, for tests that must not collide across workers. */
export async function seedTestTenant(currency: 'CNY' | 'USD' = 'CNY') {
  const suffix = uniqueSuffix();
  return seedTenant({
    id: `tnt_t${suffix}`, name: `Test ${suffix}`, currency, locale: currency === 'CNY' ? 'zh-CN' : 'en',
    domain: `${suffix}.test`, apps: ['web'], namespaces: ['web'],
  });
}

export async function seedApiKey(seeded: SeededTenant, scopes: ('read' | 'write' | 'ingest')[] = ['read', 'write', 'ingest'], name = 'demo') {
  return createApiKey({ tenantId: seeded.tenant.id, name, scopes, expiresInDays: null }, seeded.ownerActor);
}
