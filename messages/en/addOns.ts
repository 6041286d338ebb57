import type { Messages } from '../zh-CN';

export const addOns: Messages['addOns'] = {
  nav: 'Add-ons', title: 'Add-ons', description: 'Add-ons your plan offers. Subscribing bills the rest of the current period at once, prorated by days; unsubscribing takes effect at the period’s end, without a refund.',
  noSubscription: 'No subscription', noSubscriptionHint: 'Add-ons become available once you subscribe to a plan.', empty: 'Your plan offers no add-ons',
  name: 'Add-on', price: 'Price', perPeriod: '/ period', status: 'Status', actions: 'Actions', noPrice: 'No price',
  states: { included: 'Included in plan', active: 'Subscribed', ending: 'Ending', available: 'Available' },
  endsOn: (date: string) => `Ends on ${date}`,
  subscribe: 'Subscribe', unsubscribe: 'Unsubscribe', resume: 'Resume',
  confirmSubscribe: (name: string) => `Subscribe to ${name}`,
  proratedIntro: (r: number, n: number) => `${r} of ${n} days are left in this period; subscribing now charges:`,
  subtotal: 'Subtotal', tax: 'Tax', total: 'Total', creditFirst: 'Any credit balance is applied first.', resumeNoCharge: 'This period is already paid: resuming charges nothing.',
  confirmUnsubscribe: (name: string) => `Unsubscribe from ${name}`,
  unsubscribeIntro: (date: string) => `The add-on stops at the end of this period (${date}) and is not renewed; this period’s charge is not refunded.`,
  suspended: 'The subscription is suspended for non-payment: new add-ons can be subscribed once it is paid.',
  viewerNote: 'You can see the add-ons; subscribing and unsubscribing need the billing role or higher.',
  done: { subscribed: 'Subscribed; the charge has been billed.', resumed: 'Resumed.', canceled: 'Unsubscribed; it stops at the end of this period.', unchanged: 'Nothing changed.' },
};
