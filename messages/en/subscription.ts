import type { Messages } from '../zh-CN';

export const subscription: Messages['subscription'] = {
  nav: 'Subscription',
  title: 'Subscription', description: 'Status, billing period and renewal settings.',
  none: 'No subscription', noneHint: 'Choose a plan on the Plans page to subscribe.',
  status: 'Status', plan: 'Plan', cycle: 'Billing cycle', monthly: 'Monthly', yearly: 'Yearly', price: 'Price',
  period: 'Current billing period', trial: 'Trial', trialEnds: 'Trial ends', grace: 'Grace period', graceEnds: 'Grace period ends',
  graceHint: (days: number) => `The renewal invoice is unpaid: service is suspended after ${days} days of grace.`,
  suspendedHint: 'The renewal invoice is unpaid and service is suspended; it resumes once credit settles the invoice.',
  renewal: 'Renewal', renewsOn: 'Renews on', endsOn: 'Ends on',
  canceledHint: 'Set to cancel at the end of this billing period. You can resume until then.',
  expiresHint: 'Auto-renew is off: the subscription expires at the end of this billing period.',
  cancel: 'Cancel at period end', cancelTitle: 'Cancel subscription',
  cancelConfirm: (date: string) => `The subscription ends on ${date} and nothing more is billed. You can resume until then.`,
  keep: 'Keep subscription', confirmCancel: 'Confirm cancellation',
  resume: 'Resume subscription', resumed: 'The subscription was resumed.', canceled: 'The subscription will cancel at the end of the period.',
  autoRenew: 'Auto-renew', autoRenewOn: 'On', autoRenewOff: 'Off', autoRenewLabel: 'Renew automatically at the end of each period',
  scheduledChange: 'Scheduled plan change', noScheduledChange: 'No plan change is scheduled.',
  changeTo: (plan: string, date: string) => `Changes to “${plan}” on ${date}`,
  waitingApproval: 'Waiting for approval',
  addOns: 'Add-ons', noAddOns: 'No add-ons.',
  readOnly: 'Your role can view the subscription; cancelling, resuming and auto-renew need the billing role or above.',
};
