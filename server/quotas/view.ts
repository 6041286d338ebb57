/** Quota rows → F5 shapes (ObjectGetMetaType, GetSpecType, SystemObjectGetMetaType, list items). */
import type { Quota } from '../generated/prisma/client';
import { rfc3339 } from '../time/rfc3339';
import type { QuotaGetResponse, QuotaObject, QuotaSpec } from './schema';

export type QuotaRow = Quota & { namespace: { name: string } };

const stringMap = (value: unknown): Record<string, string> => (value && typeof value === 'object' ? value as Record<string, string> : {});

export function quotaMetadata(row: QuotaRow): QuotaObject['metadata'] {
  return {
    name: row.name, namespace: row.namespace.name, labels: stringMap(row.labels), annotations: stringMap(row.annotations),
    description: row.description, disable: row.disabled,
  };
}

/** The three maps exactly as stored (as sent), plus our extensions. */
export function quotaSpecView(row: QuotaRow): QuotaObject['spec'] {
  return {
    object_limits: (row.objectLimits ?? {}) as QuotaObject['spec']['object_limits'],
    resource_limits: (row.resourceLimits ?? {}) as QuotaObject['spec']['resource_limits'],
    api_limits: (row.apiLimits ?? {}) as QuotaObject['spec']['api_limits'],
    enforcement: row.enforcement,
    ...(row.appId ? { app_id: row.appId } : {}),
  };
}

export function quotaSystemMetadata(row: QuotaRow): QuotaObject['system_metadata'] {
  return {
    uid: row.uid, tenant: row.tenantId, creation_timestamp: rfc3339(row.createdAt), modification_timestamp: rfc3339(row.updatedAt),
    creator_class: 'counterfoil', creator_id: row.createdByUserId ?? '', finalizers: [], labels: {}, object_index: 0,
  };
}

export function quotaObject(row: QuotaRow): QuotaObject {
  return { metadata: quotaMetadata(row), spec: quotaSpecView(row), system_metadata: quotaSystemMetadata(row) };
}

export type ResponseFormat = 'GET_RSP_FORMAT_DEFAULT' | 'GET_RSP_FORMAT_FOR_CREATE' | 'GET_RSP_FORMAT_FOR_REPLACE' | 'GET_RSP_FORMAT_STATUS'
  | 'GET_RSP_FORMAT_READ' | 'GET_RSP_FORMAT_REFERRING_OBJECTS' | 'GET_RSP_FORMAT_BROKEN_REFERENCES';

/**
 * F5 Get: metadata and system_metadata always (they identify the object); the rest by
 * response_format. A quota refers to nothing but its optional app, so the reference lists hold
 * that app when it has been disabled, and nothing else.
 */
export function quotaGetView(row: QuotaRow, format: ResponseFormat, disabledApp: { id: string; name: string } | null): QuotaGetResponse {
  const base = { metadata: quotaMetadata(row), system_metadata: quotaSystemMetadata(row) };
  const form = { metadata: quotaMetadata(row), spec: quotaSpecView(row) };
  switch (format) {
    case 'GET_RSP_FORMAT_FOR_CREATE': return { ...base, create_form: form };
    case 'GET_RSP_FORMAT_FOR_REPLACE': return { ...base, replace_form: form };
    case 'GET_RSP_FORMAT_STATUS': return { ...base, status: [] };
    case 'GET_RSP_FORMAT_REFERRING_OBJECTS': return { ...base, referring_objects: [] };
    case 'GET_RSP_FORMAT_BROKEN_REFERENCES': return {
      ...base, deleted_referred_objects: [],
      disabled_referred_objects: disabledApp ? [{ kind: 'app', name: disabledApp.name, namespace: row.namespace.name, tenant: row.tenantId, uid: disabledApp.id }] : [],
    };
    default: return { ...base, spec: quotaSpecView(row) };
  }
}

/** F5 ListResponseItem: a summary; `report_fields` adds metadata, system_metadata and get_spec; `report_status_fields` adds status_set. */
export function quotaListItem(row: QuotaRow, detail: { fields: boolean; status: boolean }) {
  return {
    name: row.name, namespace: row.namespace.name, tenant: row.tenantId, uid: row.uid, description: row.description, disabled: row.disabled,
    labels: stringMap(row.labels), annotations: stringMap(row.annotations),
    ...(detail.fields ? { metadata: quotaMetadata(row), system_metadata: quotaSystemMetadata(row), get_spec: quotaSpecView(row) } : {}),
    ...(detail.status ? { status_set: [] } : {}),
  };
}

export type { QuotaSpec };
