import { z } from 'zod';
import { prisma } from '../db';
import { now } from '../clock';
import { newId } from '../ids';
import { conflict } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import { NAMESPACE_NAME } from '../tenants/namespaces';

export const createAppInput = z.strictObject({
  id: z.string().regex(/^app_[a-z0-9_]{2,40}$/).optional(),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
});

export async function createApp(tenantId: string, raw: z.input<typeof createAppInput>, actor: Actor) {
  const input = createAppInput.parse(raw);
  return prisma.$transaction(async (tx) => {
    const app = await tx.app.create({ data: { tenantId, id: input.id ?? newId('app'), name: input.name, description: input.description, createdAt: now() } });
    await recordAudit(tx, actor, { tenantId, action: 'app.create', targetType: 'app', targetId: app.id, after: app });
    return app;
  });
}

export const createNamespaceInput = z.strictObject({
  name: z.string().min(1).max(63).regex(NAMESPACE_NAME, 'a DNS label: lowercase letters, digits and inner hyphens'),
  description: z.string().max(1200).default(''),
});

export async function createNamespace(tenantId: string, raw: z.input<typeof createNamespaceInput>, actor: Actor) {
  const input = createNamespaceInput.parse(raw);
  return prisma.$transaction(async (tx) => {
    if (await tx.namespace.findUnique({ where: { tenantId_name: { tenantId, name: input.name } }, select: { id: true } })) {
      throw conflict(`namespace "${input.name}" already exists`, 'NAMESPACE_EXISTS');
    }
    const namespace = await tx.namespace.create({ data: { tenantId, id: newId('ns'), name: input.name, description: input.description, createdAt: now() } });
    await recordAudit(tx, actor, { tenantId, action: 'namespace.create', targetType: 'namespace', targetId: namespace.id, after: namespace });
    return namespace;
  });
}
