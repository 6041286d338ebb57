import type { Messages } from '../zh-CN';

export const credits: Messages['credits'] = {
  nav: 'Credits', title: 'Credits', description: 'Credit balance and ledger: the balance is always the ledger’s sum, applied to your next invoices oldest credit first.',
  balance: 'Current balance', updated: 'Updated', never: 'No activity yet', ledger: 'Credit ledger', empty: 'No credit activity yet', emptyHint: 'Promotions, refunds, downgrade credits and invoice payments appear here.',
  date: 'Date', type: 'Type', source: 'Source', reference: 'Reference', remark: 'Remark', amount: 'Amount', balanceAfter: 'Balance after',
  types: { credit: 'Credit', debit: 'Debit' },
  sources: { proration: 'Proration credit', promotion: 'Promotion', refund: 'Refund', adjustment: 'Manual adjustment', invoice_payment: 'Applied to invoice', manual: 'Manual credit' },
  total: (n: number) => `${n} entries`,
};
