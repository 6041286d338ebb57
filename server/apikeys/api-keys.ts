import { prisma } from '../db';
import { now } from '../clock';
import { newId } from '../ids';
import { forbidden, notFound } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import { mintToken } from './secret-token';
import type { ApiKeyScope, ApiKeySummary, CreateApiKeyInput, CreatedApiKey, RevokeApiKeyInput } from './schema';

const SUMMARY_SELECT = {
  id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true,
  createdBy: { select: { email: true } },
} as const;

type SummaryRow = { id: string; name: string; prefix: string; scopes: string[]; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null; createdBy: { email: string } | null };

function toSummary(row: SummaryRow): ApiKeySummary {
  return { ...row, scopes: row.scopes as ApiKeyScope[], createdBy: row.createdBy?.email ?? null };
}

/** A new key of the tenant; the whole key is returned this once and stored only as a hash. */
export async function createApiKey(input: CreateApiKeyInput & { tenantId: string }, actor: Actor): Promise<CreatedApiKey> {
  const createdByUserId = actor.userId;
  if (!createdByUserId) throw forbidden('API keys are created by a person', 'PERSON_REQUIRED');
  const { token, prefix, secretHash } = mintToken('cfk');
  const createdAt = now();
  const expiresAt = input.expiresInDays ? new Date(createdAt.getTime() + input.expiresInDays * 86_400_000) : null;
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        tenantId: input.tenantId, id: newId('key'), name: input.name, prefix, secretHash, scopes: input.scopes,
        createdByUserId, createdAt, expiresAt,
      },
      select: SUMMARY_SELECT,
    });
    await recordAudit(tx, actor, {
      tenantId: input.tenantId, action: 'api_key.create', targetType: 'api_key', targetId: created.id,
      after: { name: created.name, prefix: created.prefix, scopes: created.scopes, expiresAt },
    });
    return created;
  });
  return { key: token, apiKey: toSummary(row) };
}

export async function listApiKeys(tenantId: string): Promise<ApiKeySummary[]> {
  const rows = await prisma.apiKey.findMany({ where: { tenantId }, select: SUMMARY_SELECT, orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }] });
  return rows.map(toSummary);
}

/** Revokes a key of the tenant; revoking a revoked key changes and audits nothing. */
export async function revokeApiKey(input: RevokeApiKeyInput & { tenantId: string }, actor: Actor): Promise<ApiKeySummary> {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.apiKey.findUnique({ where: { tenantId_id: { tenantId: input.tenantId, id: input.id } }, select: SUMMARY_SELECT });
    if (!existing) throw notFound('api key', 'API_KEY_NOT_FOUND');
    if (existing.revokedAt) return toSummary(existing);
    const revoked = await tx.apiKey.update({
      where: { tenantId_id: { tenantId: input.tenantId, id: input.id } },
      data: { revokedAt: now() },
      select: SUMMARY_SELECT,
    });
    await recordAudit(tx, actor, {
      tenantId: input.tenantId, action: 'api_key.revoke', targetType: 'api_key', targetId: input.id,
      before: { revokedAt: null }, after: { revokedAt: revoked.revokedAt },
    });
    return toSummary(revoked);
  });
}
