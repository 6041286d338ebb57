import type { Messages } from '../zh-CN';

export const plans: Messages['plans'] = {
  nav: 'Plans',
  title: 'Plans', description: 'Compare prices and included usage, and upgrade or downgrade at any time; changes are prorated by calendar day.',
  monthly: 'Monthly', yearly: 'Yearly', cycle: 'Billing cycle', perMonth: '/ month', perYear: '/ year', notSoldYearly: 'Not sold yearly',
  current: 'Current plan', included: 'Included', unlimited: 'Unlimited', trialDays: (days: number) => `${days}-day trial`, approvalNeeded: 'Needs approval',
  change: 'Switch to this plan', viewerHint: 'Viewers can see plans but cannot change them.', empty: 'No plans available', noSubscription: 'This tenant has no subscription to change.',
  pendingScheduled: (plan: string, date: string) => `Scheduled to change to “${plan}” on ${date}.`,
  pendingApproval: (plan: string) => `The change to “${plan}” is waiting for approval.`, cancelPending: 'Cancel change', canceled: 'The change was cancelled.',
  dialogTitle: (plan: string) => `Switch to “${plan}”`, quoting: 'Preparing your quote…', confirm: 'Confirm change', cancel: 'Cancel', close: 'Close',
  quote: {
    period: 'Current billing period', days: (r: number, n: number) => `${r} of ${n} days left`, effective: 'Effective date',
    unused: (plan: string) => `Unused ${plan}`, charge: (plan: string) => `${plan}, prorated`,
    chargeCycle: (plan: string, cycle: string) => `${plan}, ${cycle.toLowerCase()} (full new period)`, newPeriod: 'New billing period (billing day moves to the effective date)',
    switchCycle: (plan: string, cycle: string) => `${plan} (${cycle.toLowerCase()})`, tax: 'Tax', line: 'Amount',
    net: 'Difference', creditApplied: 'Credit applied', amountDue: 'Due now', creditBack: 'Returned to your credit balance', expires: (time: string) => `Quote valid until ${time}`,
    mode: { prorate_now: 'Takes effect now; the prorated difference is charged', at_renewal: 'Takes effect now; the new price applies from the next period', at_period_end: 'Takes effect at the end of this period; nothing is charged', prorate_now_credit: 'Takes effect now; the prorated difference becomes credit' },
    approval: 'This plan needs approval by the platform: after you confirm, the change waits in the approval queue.',
  },
  expired: 'The quote expired or its amounts changed. Here is a new quote: review it and confirm again.',
  done: { finished: 'Your plan was changed.', creating: 'The change is scheduled for the end of this period.', waiting_for_approval: 'Submitted; waiting for approval.' },
  proration: 'Proration invoice', prorationRecord: (number: string) => `Proration invoice ${number} was issued`,
  staffCatalog: {
    nav: 'Catalog', title: 'Plan catalog', description: 'Edit plan prices and included usage. Editing a plan that has subscribers creates a new version; subscribers keep theirs until renewal.',
    plan: 'Plan', version: 'Version', monthly: 'Monthly price', yearly: 'Yearly price', currency: 'Currency', subscribers: 'Subscribers', save: 'Save', saved: 'Saved', edit: 'Edit',
    entitlement: 'Resource', included: 'Included', requiresApproval: 'Needs approval', upgrade: 'Upgrade billing', downgrade: 'Downgrade billing',
  },
  approvals: {
    nav: 'Approvals', title: 'Plan change approvals', description: 'Plan changes that need a person’s approval (e.g. Enterprise). Approval prorates as of the approval day and applies the change.',
    tenant: 'Tenant', from: 'From', to: 'To', requestedAt: 'Requested', approve: 'Approve', reject: 'Reject', empty: 'Nothing is waiting for approval',
    approved: 'Approved', rejected: 'Rejected', rejectReason: 'Reason',
  },
};
