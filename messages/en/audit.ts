import type { Messages } from '../zh-CN';

export const audit: Messages['audit'] = {
  nav: 'Audit log', title: 'Audit log', description: 'Every change in this tenant: who, when, and what changed.', staffDescription: 'Audit rows of every tenant on the platform (dates in UTC).',
  filters: 'Filters', actor: 'Actor', actorPlaceholder: 'Email or user id', action: 'Action', actionPlaceholder: 'e.g. api_key.create', targetType: 'Target type',
  targetId: 'Target id', tenantId: 'Tenant id', from: 'From', to: 'To', apply: 'Apply', reset: 'Clear', exportCsv: 'Export CSV',
  time: 'Time', target: 'Target', ip: 'IP', requestId: 'Request id', tenant: 'Tenant', diff: 'Change', showDiff: 'Before and after', before: 'Before', after: 'After',
  actingAs: (staff: string) => `Staff ${staff} acting as`, reason: 'Reason', noReason: 'no reason given', system: 'System', apiKey: 'API key', service: 'Service credential',
  empty: 'No audit rows match.', emptyHint: 'Change the filters, or look again later.', more: 'Load more', timezoneHint: (zone: string) => `Dates are in ${zone}.`,
};
