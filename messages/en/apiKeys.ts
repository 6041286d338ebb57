import type { Messages } from '../zh-CN';

export const apiKeys: Messages['apiKeys'] = {
  title: 'API keys', description: 'Keys let your systems call the Counterfoil REST API. A key is shown once, when it is created.',
  create: 'Create key', name: 'Name', namePlaceholder: 'e.g. Billing sync', scopes: 'Scopes', expires: 'Expires',
  expiresIn: 'Expires in (days, optional)', prefix: 'Key', lastUsed: 'Last used', createdAt: 'Created', createdBy: 'Created by', status: 'Status',
  active: 'Active', revoked: 'Revoked', expired: 'Expired', revoke: 'Revoke', revokeConfirm: (name: string) => `Revoke “${name}”? Systems using it stop working at once.`,
  empty: 'No API keys yet', emptyHint: 'Create a key to call the REST API from your own systems.',
  createdTitle: 'Your new API key', createdHint: 'Copy it now: it will not be shown again.', done: 'Done',
  scope: { read: 'read — query plans, invoices and usage', write: 'write — change plans, payment methods, quotas', ingest: 'ingest — send usage events' },
  forbidden: 'Only owners and admins manage API keys.',
};
