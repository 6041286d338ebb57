import { prisma } from '../db';
import { now } from '../clock';
import { newId, randomToken } from '../ids';
import { conflict, notFound } from '../errors';
import { mintToken, sha256 } from '../apikeys/secret-token';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import { SERVICE_SCOPES, type CreateServiceCredentialInput } from './schema';
import type { RevokeServiceCredentialInput, RotateServiceCredentialInput, ServiceCredentialView } from './service-credentials-schema';

const VIEW = { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true, rotatedAt: true, previousSecretExpiresAt: true } as const;

function view(row: ServiceCredentialView): ServiceCredentialView {
  const overlapOver = !row.previousSecretExpiresAt || row.previousSecretExpiresAt <= now();
  return { ...row, previousSecretExpiresAt: overlapOver ? null : row.previousSecretExpiresAt };
}

/** A credential for an internal service (compliance-service); the secret is returned once. */
export async function createServiceCredential(input: CreateServiceCredentialInput, actor: Actor) {
  const { token, prefix, secretHash } = mintToken('cfs');
  const credential = await prisma.$transaction(async (tx) => {
    const created = await tx.serviceCredential.create({
      data: { id: newId('svc'), name: input.name, prefix, secretHash, scopes: input.scopes, createdByUserId: actor.userId, createdAt: now() },
      select: VIEW,
    });
    await recordAudit(tx, actor, { tenantId: null, action: 'service_credential.create', targetType: 'service_credential', targetId: created.id, after: { name: created.name, prefix: created.prefix, scopes: created.scopes } });
    return created;
  });
  return { token, credential: view(credential) };
}

/** Every credential, newest first (staff console). */
export async function listServiceCredentials() {
  const rows = await prisma.serviceCredential.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: VIEW });
  return { items: rows.map(view), scopes: [...SERVICE_SCOPES] };
}

/**
 * A new secret under the same lookup prefix (so the calling service swaps one value); the old
 * secret's hash moves to previous_secret_hash and keeps working until now + overlapHours, then
 * authenticateService refuses it. Rotating again within an overlap ends the earlier one.
 */
export async function rotateServiceCredential(input: RotateServiceCredentialInput, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM service_credentials WHERE id = ${input.id} FOR UPDATE`;
    const current = await tx.serviceCredential.findUnique({ where: { id: input.id }, select: { prefix: true, secretHash: true, revokedAt: true } });
    if (!current) throw notFound('service credential', 'SERVICE_CREDENTIAL_NOT_FOUND');
    if (current.revokedAt) throw conflict('a revoked credential cannot be rotated', 'SERVICE_CREDENTIAL_REVOKED');
    const token = `${current.prefix}_${randomToken(40)}`;
    const at = now();
    const overlapEnds = new Date(at.getTime() + input.overlapHours * 3_600_000);
    const updated = await tx.serviceCredential.update({
      where: { id: input.id },
      data: { secretHash: sha256(token), previousSecretHash: current.secretHash, previousSecretExpiresAt: overlapEnds, rotatedAt: at },
      select: VIEW,
    });
    await recordAudit(tx, actor, { tenantId: null, action: 'service_credential.rotate', targetType: 'service_credential', targetId: input.id, after: { overlapHours: input.overlapHours, previousSecretExpiresAt: overlapEnds } });
    return { token, credential: view(updated) };
  });
}

/** Refused at once, both the current and any overlapping previous secret. Revoking twice is a no-op. */
export async function revokeServiceCredential(input: RevokeServiceCredentialInput, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const current = await tx.serviceCredential.findUnique({ where: { id: input.id }, select: { revokedAt: true } });
    if (!current) throw notFound('service credential', 'SERVICE_CREDENTIAL_NOT_FOUND');
    if (current.revokedAt) return view(await tx.serviceCredential.findUniqueOrThrow({ where: { id: input.id }, select: VIEW }));
    const updated = await tx.serviceCredential.update({ where: { id: input.id }, data: { revokedAt: now(), previousSecretExpiresAt: null, previousSecretHash: null }, select: VIEW });
    await recordAudit(tx, actor, { tenantId: null, action: 'service_credential.revoke', targetType: 'service_credential', targetId: input.id, before: { revokedAt: null }, after: { revokedAt: updated.revokedAt } });
    return view(updated);
  });
}
