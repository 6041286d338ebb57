import type { Messages } from '../zh-CN';

export const staffConsole: Messages['staffConsole'] = {
  searchPlaceholder: 'Search by tenant id, name, member email or invoice number', open: 'Open', back: 'Back to tenants', notFound: 'No such tenant.',
  subscription: 'Subscription', noSubscription: 'No live subscription.', period: 'Current period', credit: 'Credit balance', invoices: 'Latest invoices', noInvoices: 'No invoices yet.',
  invoice: 'Invoice', type: 'Type', date: 'Date', status: 'Status', amount: 'Amount', description: 'Description',
  usage: 'Usage (last 30 days)', noUsage: 'No usage recorded yet.', resourceType: 'Resource', quantity: 'Quantity', days: 'Days', metered: 'Metered this period', overage: 'Overage',
  members: 'Members', email: 'Email', name: 'Name', role: 'Role', lastSignIn: 'Last sign-in', recentAudit: 'Recent audit rows', allAudit: 'All audit rows',
  adjustCredit: 'Adjust credit', adjustTitle: 'Adjust credit', amountLabel: 'Amount', direction: 'Direction', directionCredit: 'Credit (add)', directionDebit: 'Debit (remove)',
  reasonLabel: 'Reason', reasonHint: 'Recorded in the audit log.', submit: 'Adjust', adjusted: 'Credit adjusted.', auditNav: 'Audit log',
};
