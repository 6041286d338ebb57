import { prisma } from '../db';
import { now } from '../clock';
import { newId } from '../ids';
import { forbidden, notFound } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import { mintToken } from './secret-token';
import type { ApiKeyScope, ApiKeySummary, CreateApiKeyInput } from './schema';

const SUMMARY_SELECT = {
  id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true,
  createdBy: { select: { email: true } },
} as const;

type SummaryRow = { id: string; name: string; prefix: string; scopes: string[]; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null; createdBy: { email: string } | null };

function toSummary(row: SummaryRow): ApiKeySummary {
  return { ...row, scopes: row.scopes as ApiKeyScope[], createdBy: row.createdBy?.email ?? null };
}

export async function createApiKey(args: { tenantId: string; input: CreateApiKeyInput; actor: Actor }) {
  const createdByUserId = args.actor.userId;
  if (!createdByUserId) throw forbidden('API keys are created by a person', 'PERSON_REQUIRED');
  const { token, prefix, secretHash } = mintToken('cfk');
  const createdAt = now();
  const expiresAt = args.input.expiresInDays ? new Date(createdAt.getTime() + args.input.expiresInDays * 86_400_000) : null;
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        tenantId: args.tenantId, id: newId('key'), name: args.input.name, prefix, secretHash, scopes: args.input.scopes,
        createdByUserId, createdAt, expiresAt,
      },
      select: SUMMARY_SELECT,
    });
    await recordAudit(tx, args.actor, {
      tenantId: args.tenantId, action: 'api_key.create', targetType: 'api_key', targetId: created.id,
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

export async function revokeApiKey(args: { tenantId: string; apiKeyId: string; actor: Actor }): Promise<ApiKeySummary> {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.apiKey.findUnique({ where: { tenantId_id: { tenantId: args.tenantId, id: args.apiKeyId } }, select: SUMMARY_SELECT });
    if (!existing) throw notFound('api key', 'API_KEY_NOT_FOUND');
    if (existing.revokedAt) return toSummary(existing);
    const revoked = await tx.apiKey.update({
      where: { tenantId_id: { tenantId: args.tenantId, id: args.apiKeyId } },
      data: { revokedAt: now() },
      select: SUMMARY_SELECT,
    });
    await recordAudit(tx, args.actor, {
      tenantId: args.tenantId, action: 'api_key.revoke', targetType: 'api_key', targetId: args.apiKeyId,
      before: { revokedAt: null }, after: { revokedAt: revoked.revokedAt },
    });
    return toSummary(revoked);
  });
}
