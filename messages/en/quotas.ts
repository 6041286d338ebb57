import type { Messages } from '../zh-CN';

export const quotas: Messages['quotas'] = {
  nav: 'Quotas', title: 'Quotas', description: 'Resource quotas per namespace: the limit, this billing period’s usage and percent used. Quotas in the system namespace cover the whole tenant.',
  namespace: 'Namespace', quota: 'Quota', resource: 'Resource', app: 'App', allApps: 'All apps', enforcement: 'Enforcement',
  maximum: 'Limit', used: 'Used', percentUsed: 'Used %', projected: 'Projected at period end', status: 'Status', active: 'Active', disabled: 'Disabled',
  empty: 'No quotas yet', emptyHint: 'Quotas can be created through the API (POST /api/web/namespaces/{namespace}/quotas); they appear here.',
  period: (start: string, end: string) => `This billing period, ${start} – ${end}`, count: (n: number) => `${n} resource limits`,
};
