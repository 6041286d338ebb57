/**
 * The portal's quota functions: a form in, the same F5 domain functions underneath (so the REST
 * and the portal write identical objects and limit rows), a camelCase summary out.
 */
import { prisma } from '../db';
import { notFound } from '../errors';
import type { Actor } from '../audit/actor';
import { Decimal } from '../money';
import { findNamespace } from '../tenants/namespaces';
import { createQuota, deleteQuota, replaceQuota } from './quotas';
import type { QuotaCreateRequest } from './schema';
import type { QuotaForm, QuotaListResult, QuotaSummary } from './portal-schema';
import type { QuotaRow } from './view';

const withNamespace = { namespace: { select: { name: true } } } as const;

export function quotaSummaryOf(row: QuotaRow): QuotaSummary {
  const resourceLimits = Object.entries((row.resourceLimits ?? {}) as Record<string, { maximum: number }>)
    .map(([resourceType, { maximum }]) => ({ resourceType, maximum: new Decimal(String(maximum)).toFixed() }));
  const objectLimits = Object.entries((row.objectLimits ?? {}) as Record<string, { maximum: number }>).map(([kind, { maximum }]) => ({ kind, maximum }));
  return {
    uid: row.uid, namespace: row.namespace.name, name: row.name, description: row.description, labels: (row.labels ?? {}) as Record<string, string>,
    enforcement: row.enforcement, appId: row.appId, disabled: row.disabled, resourceLimits, objectLimits, createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

/** The F5 request a form means; `keep` carries what the portal does not edit (api_limits, annotations). */
function requestOf(form: QuotaForm, keep: { apiLimits?: unknown; annotations?: unknown } = {}): QuotaCreateRequest {
  return {
    metadata: {
      name: form.name, namespace: form.namespace, description: form.description, labels: form.labels, disable: form.disabled,
      ...(keep.annotations ? { annotations: keep.annotations as Record<string, string> } : {}),
    },
    spec: {
      // The F5 wire types a maximum as a double; the form's decimal holds ≤ 15 significant digits, so Number() is exact.
      resource_limits: Object.fromEntries(form.resourceLimits.map((l) => [l.resourceType, { maximum: Number(l.maximum) }])),
      object_limits: Object.fromEntries(form.objectLimits.map((l) => [l.kind, { maximum: l.maximum }])),
      api_limits: (keep.apiLimits ?? {}) as QuotaCreateRequest['spec']['api_limits'],
      enforcement: form.enforcement,
      ...(form.appId ? { app_id: form.appId } : {}),
    },
  };
}

async function loadRow(tenantId: string, namespace: string, name: string): Promise<QuotaRow> {
  const ns = await findNamespace(tenantId, namespace);
  const row = ns && await prisma.quota.findUnique({ where: { tenantId_namespaceId_name: { tenantId, namespaceId: ns.id, name } }, include: withNamespace });
  if (!row) throw notFound(`quota "${name}"`, 'QUOTA_NOT_FOUND');
  return row;
}

export async function listPortalQuotas(tenantId: string, namespace?: string): Promise<QuotaListResult> {
  const ns = namespace === undefined ? null : await findNamespace(tenantId, namespace);
  if (namespace !== undefined && !ns) throw notFound(`namespace "${namespace}"`, 'NAMESPACE_NOT_FOUND');
  const [rows, namespaces, resourceTypes, apps] = await Promise.all([
    prisma.quota.findMany({ where: { tenantId, ...(ns ? { namespaceId: ns.id } : {}) }, include: withNamespace, orderBy: [{ namespace: { name: 'asc' } }, { name: 'asc' }] }),
    prisma.namespace.findMany({ where: { tenantId }, orderBy: { name: 'asc' }, select: { name: true } }),
    prisma.sku.findMany({ where: { active: true, planEntitlements: { some: {} } }, orderBy: [{ sortOrder: 'asc' }, { resourceType: 'asc' }], select: { resourceType: true, name: true, nameZh: true, unitName: true } }),
    prisma.app.findMany({ where: { tenantId }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ]);
  return { quotas: rows.map(quotaSummaryOf), namespaces, resourceTypes, apps };
}

export async function getPortalQuota(tenantId: string, namespace: string, name: string): Promise<QuotaSummary> {
  return quotaSummaryOf(await loadRow(tenantId, namespace, name));
}

export async function createPortalQuota(tenantId: string, form: QuotaForm, actor: Actor): Promise<QuotaSummary> {
  await createQuota({ tenantId, namespace: form.namespace, request: requestOf(form) }, actor);
  return getPortalQuota(tenantId, form.namespace, form.name);
}

export async function updatePortalQuota(tenantId: string, form: QuotaForm, actor: Actor): Promise<QuotaSummary> {
  const existing = await loadRow(tenantId, form.namespace, form.name);
  await replaceQuota({ tenantId, namespace: form.namespace, name: form.name, request: requestOf(form, { apiLimits: existing.apiLimits, annotations: existing.annotations }) }, actor);
  return getPortalQuota(tenantId, form.namespace, form.name);
}

export async function deletePortalQuota(tenantId: string, namespace: string, name: string, actor: Actor): Promise<{ ok: true }> {
  await deleteQuota({ tenantId, namespace, name }, actor);
  return { ok: true };
}
