import type { Messages } from '../zh-CN';

export const alerts: Messages['alerts'] = {
  nav: 'Usage alerts', title: 'Usage alerts',
  description: 'Be told when usage reaches a threshold: a percent of the quota (or of the plan’s included units), a fixed quantity, a spend for the period, or several; each threshold fires once per billing period.',
  create: 'New alert', edit: 'Edit', pause: 'Pause', resume: 'Resume', delete: 'Delete', save: 'Save',
  readOnly: 'Only owners and admins can create or change alerts.',
  empty: 'No usage alerts yet', emptyHint: 'Create one to get an email and an in-app notice when API calls, storage or other usage nears its limit.',
  name: 'Name', resource: 'Resource', scope: 'Scope', threshold: 'Threshold', channels: 'Channels', status: 'Status', lastTriggered: 'Last triggered', actions: 'Actions',
  allApps: 'All apps', never: 'Never',
  percentOf: (percent: number) => `${percent}% of the quota or included units`,
  atLeast: (amount: string) => `usage ≥ ${amount}`,
  spendAtLeast: (amount: string) => `charges ≥ ${amount}`,
  channelNames: { email: 'Email', in_app: 'In-app' },
  statuses: { active: 'Active', paused: 'Paused' },
  form: {
    createTitle: 'New usage alert', editTitle: 'Edit usage alert',
    name: 'Name', resource: 'Resource type', app: 'App', percent: 'Percent threshold (%)',
    percentHint: 'Of the matching quota’s limit; of the plan’s included units when there is no quota. Leave empty for no percent threshold.',
    amount: 'Fixed quantity threshold', amountHint: 'In the resource’s unit, e.g. 500000. Leave empty for no fixed threshold.',
    spend: (currency: string) => `Spend threshold this period (${currency})`, spendHint: 'When this resource’s charges this period (after included units) reach this amount. Leave empty for no spend threshold.',
    channels: 'Channels', status: 'Status', needThreshold: 'Give at least one threshold (a percent, a fixed quantity or a spend).', needChannel: 'Choose at least one channel.',
    badPercent: 'The percent must be a whole number from 1 to 1000.', badAmount: 'The quantity must be a non-negative number with at most 9 decimals.', badSpend: 'The spend must be a non-negative amount with at most 9 decimals.',
  },
  confirmDelete: (name: string) => `Delete the alert “${name}”?`,
  deleteHint: 'Notifications already sent are kept.',
  saved: 'Alert saved.', deleted: 'Alert deleted.', paused: 'Alert paused.', resumed: 'Alert resumed.',
};
