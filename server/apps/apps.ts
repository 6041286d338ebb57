import { prisma } from '../db';
import { now } from '../clock';
import { newId } from '../ids';
import { conflict } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import type { CreateAppInput, CreateNamespaceInput } from './schema';

export async function createApp(input: CreateAppInput & { tenantId: string }, actor: Actor) {
  const { tenantId } = input;
  return prisma.$transaction(async (tx) => {
    const app = await tx.app.create({ data: { tenantId, id: input.id ?? newId('app'), name: input.name, description: input.description, createdAt: now() } });
    await recordAudit(tx, actor, { tenantId, action: 'app.create', targetType: 'app', targetId: app.id, after: app });
    return app;
  });
}

export async function createNamespace(input: CreateNamespaceInput & { tenantId: string }, actor: Actor) {
  const { tenantId } = input;
  return prisma.$transaction(async (tx) => {
    if (await tx.namespace.findUnique({ where: { tenantId_name: { tenantId, name: input.name } }, select: { id: true } })) {
      throw conflict(`namespace "${input.name}" already exists`, 'NAMESPACE_EXISTS');
    }
    const namespace = await tx.namespace.create({ data: { tenantId, id: newId('ns'), name: input.name, description: input.description, createdAt: now() } });
    await recordAudit(tx, actor, { tenantId, action: 'namespace.create', targetType: 'namespace', targetId: namespace.id, after: namespace });
    return namespace;
  });
}
