import type { Messages } from '../zh-CN';

export const quotas: Messages['quotas'] = {
  nav: 'Quotas', title: 'Quotas', description: 'Resource quotas per namespace: the limit, this billing period’s usage and percent used. Quotas in the system namespace cover the whole tenant.',
  namespace: 'Namespace', quota: 'Quota', resource: 'Resource', app: 'App', allApps: 'All apps', enforcement: 'Enforcement',
  maximum: 'Limit', used: 'Used', percentUsed: 'Used %', projected: 'Projected at period end', status: 'Status', active: 'Active', disabled: 'Disabled',
  empty: 'No quotas yet', emptyHint: 'Create one here or through the API (POST /api/web/namespaces/{namespace}/quotas).',
  create: 'New quota', edit: 'Edit', delete: 'Delete', save: 'Save', name: 'Quota name', nameHint: 'Lowercase letters, digits and "-", unique in its namespace',
  enforcementHint: 'A hard quota refuses usage events that would cross it; a soft one lets them through and alerts.', limits: 'Resource limits', addLimit: 'Add a resource limit', removeLimit: 'Remove',
  deleteTitle: 'Delete quota', deleteConfirm: (name: string, namespace: string) => `Delete quota ${name} in namespace ${namespace}? Usage is no longer limited by it.`, actions: 'Actions',
  period: (start: string, end: string) => `This billing period, ${start} – ${end}`, count: (n: number) => `${n} resource limits`,
};
