import { prisma } from '../db';
import { now } from '../clock';
import { newId } from '../ids';
import { mintToken } from '../apikeys/secret-token';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import type { CreateServiceCredentialInput } from './schema';

/** A credential for an internal service (compliance-service); the secret is returned once. */
export async function createServiceCredential(input: CreateServiceCredentialInput, actor: Actor) {
  const { token, prefix, secretHash } = mintToken('cfs');
  const credential = await prisma.$transaction(async (tx) => {
    const created = await tx.serviceCredential.create({
      data: { id: newId('svc'), name: input.name, prefix, secretHash, scopes: input.scopes, createdByUserId: actor.userId, createdAt: now() },
      select: { id: true, name: true, prefix: true, scopes: true, createdAt: true },
    });
    await recordAudit(tx, actor, { tenantId: null, action: 'service_credential.create', targetType: 'service_credential', targetId: created.id, after: created });
    return created;
  });
  return { token, credential };
}
