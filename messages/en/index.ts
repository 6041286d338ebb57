import type { Messages } from './zh-CN';

export const en: Messages = {
  app: { name: 'Counterfoil', tagline: 'Billing portal' },
  nav: { overview: 'Overview', apiKeys: 'API keys', tenants: 'Tenants', settings: 'Settings', staffConsole: 'Staff console', switchTenant: 'Switch tenant' },
  common: {
    loading: 'Loading…', retry: 'Try again', error: 'Something went wrong', signOut: 'Sign out', language: 'Language',
    previous: 'Previous', next: 'Next', pageOf: (page: number, count: number) => `Page ${page} of ${count}`, cancel: 'Cancel', close: 'Close',
    copy: 'Copy', copied: 'Copied', yes: 'Yes', no: 'No', never: 'Never', search: 'Search',
  },
  signIn: {
    title: 'Sign in to Counterfoil', email: 'Email', password: 'Password', submit: 'Sign in',
    invalid: 'The email or password is incorrect.', rateLimited: 'Too many failed attempts. Wait a few minutes (at most 15) and try again.',
    expired: 'Your session has ended. Please sign in again.', signedOut: 'You have signed out.',
  },
  tenants: { title: 'Choose a tenant', description: 'You are a member of these tenants.', empty: 'You are not a member of any tenant yet.', role: 'Role' },
  roles: { owner: 'Owner', admin: 'Admin', billing: 'Billing', viewer: 'Viewer' },
  overview: {
    title: 'Overview', currentPlan: 'Current plan', noPlan: 'No subscription', status: 'Status', period: 'Current period',
    renews: 'Renews', ends: 'Ends', trialEnds: 'Trial ends', credit: 'Credit balance', creditUpdated: 'Updated',
    latestRecords: 'Latest billing records', noRecords: 'No billing records yet', noRecordsHint: 'Invoices appear here once the first period is billed.',
    invoice: 'Invoice', description: 'Description', amount: 'Amount', date: 'Date', type: 'Type', perMonth: '/ month', perYear: '/ year',
    records: (n: number) => `${n} records in total`,
  },
  subscriptionStatus: { trialing: 'Trial', active: 'Active', past_due: 'Past due', grace: 'Grace period', canceled: 'Canceled', expired: 'Expired' },
  recordStatus: { draft: 'Draft', open: 'Open', paid: 'Paid', failed: 'Failed', void: 'Void', refunded: 'Refunded' },
  recordType: { subscription: 'Subscription', proration: 'Proration', usage: 'Usage', addon: 'Add-on', adjustment: 'Adjustment' },
  apiKeys: {
    title: 'API keys', description: 'Keys let your systems call the Counterfoil REST API. A key is shown once, when it is created.',
    create: 'Create key', name: 'Name', namePlaceholder: 'e.g. Billing sync', scopes: 'Scopes', expires: 'Expires',
    expiresIn: 'Expires in (days, optional)', prefix: 'Key', lastUsed: 'Last used', createdAt: 'Created', createdBy: 'Created by', status: 'Status',
    active: 'Active', revoked: 'Revoked', expired: 'Expired', revoke: 'Revoke', revokeConfirm: (name: string) => `Revoke “${name}”? Systems using it stop working at once.`,
    empty: 'No API keys yet', emptyHint: 'Create a key to call the REST API from your own systems.',
    createdTitle: 'Your new API key', createdHint: 'Copy it now: it will not be shown again.', done: 'Done',
    scope: { read: 'read — query plans, invoices and usage', write: 'write — change plans, payment methods, quotas', ingest: 'ingest — send usage events' },
    forbidden: 'Only owners and admins manage API keys.',
  },
  staff: {
    title: 'Tenants', description: 'Every tenant on the platform.', searchPlaceholder: 'Search by tenant id or name', tenant: 'Tenant', plan: 'Plan',
    currency: 'Currency', members: 'Members', createdAt: 'Created', status: 'Status', empty: 'No tenants match.', staffRole: 'Staff role',
  },
  errors: { notFound: 'Not found', notFoundHint: 'This page does not exist, or you do not have access to it.', back: 'Back to start' },
};
