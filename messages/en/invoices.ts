import type { Messages } from '../zh-CN';

export const invoices: Messages['invoices'] = {
  nav: 'Invoices', title: 'Invoices', description: 'Every billing record: subscriptions, prorations, usage, add-ons and adjustments, newest first.',
  timezoneHint: (tz: string) => `Dates are shown and filtered in your billing timezone, ${tz}.`,
  filters: 'Filters', status: 'Status', type: 'Type', app: 'App', from: 'Issued from', to: 'Issued to', apply: 'Apply filters', reset: 'Reset',
  allStatuses: 'All statuses', allTypes: 'All types', allApps: 'All apps', tenantWide: 'Tenant-wide',
  exportCsv: 'Export CSV', total: (n: number) => `${n} invoices`,
  empty: 'No invoices yet', emptyHint: 'Invoices appear here when a subscription starts or renews, on upgrades and when you add add-ons.', emptyFiltered: 'No invoices match these filters', emptyFilteredHint: 'Widen or reset the filters.',
  number: 'Number', issued: 'Issued', summary: 'Summary', amount: 'Amount', amountDue: 'Amount due', dueDate: 'Due', overdue: 'Overdue', draft: 'Draft (not numbered)',
  newer: 'Newer', older: 'Older', invalidFilters: 'The filters were not valid; showing all invoices.',
  back: 'Back to invoices', downloadPdf: 'Download PDF', pdfPreview: 'PDF preview', pdfDraft: 'A draft gets its PDF once it is finalized and numbered.',
  details: 'Invoice details', lines: 'Line items', resourceType: 'Resource', quantity: 'Quantity', unitPrice: 'Unit price', lineAmount: 'Amount (before tax)', taxRate: 'Tax rate', tax: 'Tax', lineTotal: 'Total',
  totals: 'Totals', subtotal: 'Subtotal', taxTotal: 'Tax', invoiceTotal: 'Invoice total', creditApplied: 'Credit applied', amountPaid: 'Amount paid', refundedAmount: 'Refunded', creditBalance: 'Credit balance',
  history: 'Status dates', created: 'Created', finalized: 'Finalized', paid: 'Paid', voided: 'Voided', refunded: 'Refunded', period: 'Billing period', subscription: 'Subscription',
  notFound: 'Invoice not found', notFoundHint: 'It may not exist, or it belongs to another tenant.', noLines: 'This invoice has no line items',
  attempts: 'Payment attempts', noAttempts: 'No payment attempts yet', noAttemptsHint: 'Once finalized, the invoice is charged to the primary payment method (then the secondary if declined); every attempt is listed here.',
  attemptNumber: '#', attemptTime: 'Time', attemptKind: 'Kind', attemptMethod: 'Payment method', attemptAmount: 'Amount', attemptResult: 'Result', attemptReference: 'Reference',
  attemptKinds: { charge: 'Charge', refund: 'Refund' }, attemptOrigins: { method_change: 'after a payment method change', stray_charge: 'charge returned (the invoice was already settled)' }, attemptStatuses: { pending: 'Pending', succeeded: 'Succeeded', failed: 'Failed' },
  bankTransfer: 'Bank transfer', retryDay: (n: number) => (n === 0 ? 'First charge' : `Retry ${n}`),
};
