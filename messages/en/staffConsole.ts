import type { Messages } from '../zh-CN';

export const staffConsole: Messages['staffConsole'] = {
  searchPlaceholder: 'Search by tenant id, name, member email or invoice number', open: 'Open', back: 'Back to tenants', notFound: 'No such tenant.',
  subscription: 'Subscription', noSubscription: 'No live subscription.', period: 'Current period', credit: 'Credit balance', invoices: 'Latest invoices', noInvoices: 'No invoices yet.',
  invoice: 'Invoice', type: 'Type', date: 'Date', status: 'Status', amount: 'Amount', description: 'Description',
  usage: 'Usage (last 30 days)', noUsage: 'No usage recorded yet.', resourceType: 'Resource', quantity: 'Quantity', days: 'Days', metered: 'Metered this period', overage: 'Overage',
  members: 'Members', email: 'Email', name: 'Name', role: 'Role', lastSignIn: 'Last sign-in', recentAudit: 'Recent audit rows', allAudit: 'All audit rows',
  adjustCredit: 'Adjust credit', adjustTitle: 'Adjust credit', amountLabel: 'Amount', direction: 'Direction', directionCredit: 'Credit (add)', directionDebit: 'Debit (remove)',
  reasonLabel: 'Reason', reasonHint: 'Recorded in the audit log.', submit: 'Adjust', adjusted: 'Credit adjusted.', auditNav: 'Audit log',
  invoiceActions: 'Actions', newInvoice: 'New adjustment invoice', draftTitle: 'Draft an adjustment invoice', draftHint: 'A draft has no number; it gets the next gapless number when finalized.',
  invoiceDescription: 'Invoice description', lineDescription: 'Line description', lineQuantity: 'Quantity', lineUnitPrice: 'Unit price (before tax)', addLine: 'Add a line', removeLine: 'Remove this line',
  lineLabel: (n: number) => `Line ${n}`, saveDraft: 'Save draft', finalize: 'Finalize', finalizeTitle: 'Finalize the invoice', finalizeHint: 'It gets its number now, is paid from credit first, and the rest is charged to the payment methods.',
  voidInvoice: 'Void', voidTitle: 'Void the invoice', voidHint: 'Nothing more is collected; credit it took goes back to the balance.',
  refund: 'Refund', refundTitle: 'Refund', refundTo: 'Refund to', refundToCard: 'The card it was charged to', refundToCredit: 'Credit balance',
  refundHint: 'Refunds may be partial. The card gets back at most what the card paid; leave the amount empty to refund the whole remainder (any part paid from credit goes back as credit).',
  refundAmountLabel: 'Amount to refund', refundAmountHint: (remaining: string) => `Leave empty to refund the remaining ${remaining}.`,
  refundedSoFar: (refunded: string, total: string) => `Refunded so far: ${refunded} of ${total}`, refundedShort: (refunded: string) => `Refunded ${refunded}`,
  refundAmountInvalid: 'Enter an amount above zero, e.g. 12.50.', refundAmountPrecision: (places: number) => (places === 0 ? 'This currency has no decimal places.' : `This currency allows at most ${places} decimal places.`),
  refundAmountTooLarge: (remaining: string) => `At most ${remaining} is left to refund.`,
  settle: 'Settle transfer', settleTitle: 'Settle a bank transfer', referenceLabel: 'Bank reference', confirm: 'Confirm', attempts: 'Payment attempts',
};
