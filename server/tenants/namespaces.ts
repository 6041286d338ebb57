import { AppError } from '../errors';
import { prisma } from '../db';

/** `system` is the tenant-wide namespace every tenant has. */
export const SYSTEM_NAMESPACE = 'system';
export const NAMESPACE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export type NamespaceRef = { id: string; name: string };

/** A namespace of this tenant, or null: another tenant's namespace of the same name is invisible. */
export async function findNamespace(tenantId: string, name: string): Promise<NamespaceRef | null> {
  if (!NAMESPACE_NAME.test(name) || name.length > 63) return null;
  return prisma.namespace.findUnique({ where: { tenantId_name: { tenantId, name } }, select: { id: true, name: true } });
}

/** Operations F5 fixes to `system` (usage plans, add-ons): any other namespace is not a route. */
export function requireSystemNamespace(namespace: NamespaceRef | null): void {
  if (namespace?.name !== SYSTEM_NAMESPACE) {
    throw new AppError('NOT_FOUND', 'OPERATION_NOT_FOUND', `this operation exists only in namespace "${SYSTEM_NAMESPACE}"`);
  }
}
