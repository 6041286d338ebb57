import { prisma } from '../db';
import { now } from '../clock';
import { newId } from '../ids';
import { conflict } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import { SYSTEM_NAMESPACE } from './namespaces';
import type { CreateTenantInput } from './schema';

/** CNY tenants default to Shanghai time and 6 % VAT on modern services; others to UTC and no tax. */
function defaultsFor(currency: string) {
  return currency === 'CNY' ? { billingTimezone: 'Asia/Shanghai', taxRate: '0.06' } : { billingTimezone: 'UTC', taxRate: '0' };
}

/** A tenant comes with its `system` namespace, a default billing account and a default resource group. */
export async function createTenant(input: CreateTenantInput, actor: Actor) {
  const defaults = defaultsFor(input.currency);
  const id = input.id ?? newId('tnt');
  const createdAt = now();
  return prisma.$transaction(async (tx) => {
    if (await tx.tenant.findUnique({ where: { id }, select: { id: true } })) throw conflict(`tenant ${id} already exists`, 'TENANT_EXISTS');
    const tenant = await tx.tenant.create({
      data: {
        id, name: input.name, currency: input.currency, locale: input.locale, tenantType: input.tenantType,
        billingTimezone: input.billingTimezone ?? defaults.billingTimezone, taxRate: input.taxRate ?? defaults.taxRate, createdAt,
      },
    });
    await tx.namespace.create({ data: { tenantId: id, id: newId('ns'), name: SYSTEM_NAMESPACE, description: 'Tenant-wide', createdAt } });
    const account = await tx.billingAccount.create({
      data: { tenantId: id, id: newId('ba'), name: 'default', displayName: input.name, currency: input.currency, isDefault: true, createdAt },
    });
    await tx.resourceGroup.create({ data: { tenantId: id, id: newId('rg'), name: 'default', billingAccountId: account.id, isDefault: true, createdAt } });
    await recordAudit(tx, actor, { tenantId: id, action: 'tenant.create', targetType: 'tenant', targetId: id, after: tenant });
    return tenant;
  });
}
