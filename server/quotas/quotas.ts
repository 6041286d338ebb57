/**
 * Quota CRUD (F5 quota objects). The spec maps are stored as sent; `resource_limits` is copied
 * into quota_resource_limits in the same transaction, where ingest's hard-quota check and the
 * alerts' base lookup read it by resource type. Every change is audited.
 */
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../generated/prisma/client';
import type { Tx } from '../db';
import { prisma } from '../db';
import { now } from '../clock';
import { newId } from '../ids';
import { badRequest, conflict, notFound } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import { Decimal } from '../money';
import { findNamespace, type NamespaceRef } from '../tenants/namespaces';
import { matchesLabels, parseLabelFilter } from './label-filter';
import type { QuotaCreateRequest, QuotaGetResponse, QuotaListResponse, QuotaObject } from './schema';
import { quotaGetView, quotaListItem, quotaObject, type QuotaRow, type ResponseFormat } from './view';

/** Object kinds a quota may count (F5 object_limits keys) — the ones this portal has. */
export const OBJECT_KINDS = ['api_keys', 'apps', 'namespaces'] as const;

type InNamespace = { tenantId: string; namespace: string };
const withNamespace = { namespace: { select: { name: true } } } as const;

async function namespaceOf(tenantId: string, name: string): Promise<NamespaceRef> {
  const namespace = await findNamespace(tenantId, name);
  if (!namespace) throw notFound(`namespace "${name}"`, 'NAMESPACE_NOT_FOUND');
  return namespace;
}

function quotaNotFound(name: string) {
  return notFound(`quota "${name}"`, 'QUOTA_NOT_FOUND');
}

/** The body's metadata.namespace (and, on replace, metadata.name) must agree with the path. */
function assertSamePlace(request: QuotaCreateRequest, namespace: string, name?: string) {
  const sent = request.metadata.namespace;
  if (sent !== undefined && sent !== '' && sent !== namespace) throw badRequest(`metadata.namespace "${sent}" does not match the path's namespace "${namespace}"`, 'NAMESPACE_MISMATCH');
  if (name !== undefined && request.metadata.name !== name) throw badRequest(`metadata.name "${request.metadata.name}" does not match the path's name "${name}"; a quota cannot be renamed`, 'NAME_MISMATCH');
}

async function assertSpecTargets(tx: Tx, tenantId: string, request: QuotaCreateRequest) {
  const resourceTypes = Object.keys(request.spec.resource_limits ?? {});
  if (resourceTypes.length > 0) {
    const known = new Set((await tx.sku.findMany({ where: { resourceType: { in: resourceTypes }, planEntitlements: { some: {} } }, select: { resourceType: true } })).map((s) => s.resourceType));
    const unknown = resourceTypes.filter((type) => !known.has(type));
    if (unknown.length > 0) throw badRequest(`spec.resource_limits: unknown resource type "${unknown[0]}"`, 'UNKNOWN_RESOURCE_TYPE');
  }
  const badKind = Object.keys(request.spec.object_limits ?? {}).find((kind) => !(OBJECT_KINDS as readonly string[]).includes(kind));
  if (badKind) throw badRequest(`spec.object_limits: unknown object kind "${badKind}" (one of ${OBJECT_KINDS.join(', ')})`, 'UNKNOWN_OBJECT_KIND');
  const appId = request.spec.app_id;
  if (appId && !(await tx.app.findUnique({ where: { tenantId_id: { tenantId, id: appId } }, select: { id: true } }))) throw badRequest(`spec.app_id: unknown app "${appId}"`, 'UNKNOWN_APP');
}

/** The stored columns of a request (the maps exactly as sent). */
function columnsOf(request: QuotaCreateRequest) {
  const { metadata, spec } = request;
  return {
    description: metadata.description ?? '', labels: metadata.labels ?? {}, annotations: metadata.annotations ?? {}, disabled: metadata.disable ?? false,
    objectLimits: (spec.object_limits ?? {}) as Prisma.InputJsonValue, resourceLimits: (spec.resource_limits ?? {}) as Prisma.InputJsonValue,
    apiLimits: (spec.api_limits ?? {}) as Prisma.InputJsonValue, enforcement: spec.enforcement ?? 'hard', appId: spec.app_id ?? null,
  };
}

async function writeLimitRows(tx: Tx, tenantId: string, quotaId: string, request: QuotaCreateRequest) {
  await tx.quotaResourceLimit.deleteMany({ where: { tenantId, quotaId } });
  const rows = Object.entries(request.spec.resource_limits ?? {}).map(([resourceType, { maximum }]) => ({
    tenantId, quotaId, resourceType, maximum: new Decimal(String(maximum)).toFixed(),
  }));
  if (rows.length > 0) await tx.quotaResourceLimit.createMany({ data: rows });
}

async function loadQuota(db: Tx | typeof prisma, tenantId: string, namespaceId: string, name: string): Promise<QuotaRow | null> {
  return db.quota.findUnique({ where: { tenantId_namespaceId_name: { tenantId, namespaceId, name } }, include: withNamespace });
}

export async function createQuota(input: InNamespace & { request: QuotaCreateRequest }, actor: Actor): Promise<QuotaObject> {
  const namespace = await namespaceOf(input.tenantId, input.namespace);
  assertSamePlace(input.request, namespace.name);
  return prisma.$transaction(async (tx) => {
    await assertSpecTargets(tx, input.tenantId, input.request);
    if (await loadQuota(tx, input.tenantId, namespace.id, input.request.metadata.name)) {
      throw conflict(`quota "${input.request.metadata.name}" already exists in namespace "${namespace.name}"`, 'QUOTA_EXISTS');
    }
    const at = now();
    const row = await tx.quota.create({
      data: {
        tenantId: input.tenantId, id: newId('qta'), namespaceId: namespace.id, name: input.request.metadata.name, uid: randomUUID(),
        createdByUserId: actor.userId, createdAt: at, updatedAt: at, ...columnsOf(input.request),
      },
      include: withNamespace,
    });
    await writeLimitRows(tx, input.tenantId, row.id, input.request);
    const view = quotaObject(row);
    await recordAudit(tx, actor, { tenantId: input.tenantId, action: 'quota.create', targetType: 'quota', targetId: row.id, after: view });
    return view;
  });
}

export async function replaceQuota(input: InNamespace & { name: string; request: QuotaCreateRequest }, actor: Actor): Promise<QuotaObject> {
  const namespace = await namespaceOf(input.tenantId, input.namespace);
  assertSamePlace(input.request, namespace.name, input.name);
  return prisma.$transaction(async (tx) => {
    const before = await loadQuota(tx, input.tenantId, namespace.id, input.name);
    if (!before) throw quotaNotFound(input.name);
    await assertSpecTargets(tx, input.tenantId, input.request);
    // Lock the row: two replaces in a race leave the columns and the limit rows of one of them.
    await tx.$queryRaw`SELECT id FROM quotas WHERE tenant_id = ${input.tenantId} AND id = ${before.id} FOR UPDATE`;
    const row = await tx.quota.update({
      where: { tenantId_id: { tenantId: input.tenantId, id: before.id } },
      data: { ...columnsOf(input.request), updatedAt: now() },
      include: withNamespace,
    });
    await writeLimitRows(tx, input.tenantId, row.id, input.request);
    const view = quotaObject(row);
    await recordAudit(tx, actor, { tenantId: input.tenantId, action: 'quota.replace', targetType: 'quota', targetId: row.id, before: quotaObject(before), after: view });
    return view;
  });
}

export async function deleteQuota(input: InNamespace & { name: string; body?: { name?: string; namespace?: string } }, actor: Actor): Promise<void> {
  const namespace = await namespaceOf(input.tenantId, input.namespace);
  if (input.body?.name && input.body.name !== input.name) throw badRequest(`name "${input.body.name}" does not match the path's name "${input.name}"`, 'NAME_MISMATCH');
  if (input.body?.namespace && input.body.namespace !== namespace.name) throw badRequest(`namespace "${input.body.namespace}" does not match the path's namespace "${namespace.name}"`, 'NAMESPACE_MISMATCH');
  await prisma.$transaction(async (tx) => {
    const before = await loadQuota(tx, input.tenantId, namespace.id, input.name);
    if (!before) throw quotaNotFound(input.name);
    // Nothing refers to a quota (alerts read limits by resource type), so fail_if_referred never refuses.
    await tx.quota.delete({ where: { tenantId_id: { tenantId: input.tenantId, id: before.id } } }); // limit rows cascade
    await recordAudit(tx, actor, { tenantId: input.tenantId, action: 'quota.delete', targetType: 'quota', targetId: before.id, before: quotaObject(before) });
  });
}

export async function getQuota(input: InNamespace & { name: string; format: ResponseFormat }): Promise<QuotaGetResponse> {
  const namespace = await namespaceOf(input.tenantId, input.namespace);
  const row = await loadQuota(prisma, input.tenantId, namespace.id, input.name);
  if (!row) throw quotaNotFound(input.name);
  const app = row.appId ? await prisma.app.findUnique({ where: { tenantId_id: { tenantId: input.tenantId, id: row.appId } }, select: { id: true, name: true, status: true } }) : null;
  return quotaGetView(row, input.format, app && app.status !== 'active' ? app : null);
}

/** The namespace's quotas by name; `system` lists the system namespace's own quotas (each quota lives in one namespace). */
export async function listQuotas(input: InNamespace & { labelFilter?: string; reportFields?: boolean; reportStatus?: boolean }): Promise<QuotaListResponse> {
  const requirements = parseLabelFilter(input.labelFilter);
  const namespace = await namespaceOf(input.tenantId, input.namespace);
  const rows = await prisma.quota.findMany({ where: { tenantId: input.tenantId, namespaceId: namespace.id }, include: withNamespace, orderBy: { name: 'asc' } });
  const items = rows
    .filter((row) => matchesLabels((row.labels ?? {}) as Record<string, string>, requirements))
    .map((row) => quotaListItem(row, { fields: input.reportFields ?? false, status: input.reportStatus ?? false }));
  return { items, errors: [] };
}
