import type { Messages } from '../zh-CN';

export const credits: Messages['credits'] = {
  nav: 'Credits', title: 'Credits', description: 'Credit balance and ledger: the balance is always the ledger’s sum, applied to your next invoices oldest credit first.',
  balance: 'Current balance', updated: 'Updated', never: 'No activity yet', ledger: 'Credit ledger', empty: 'No credit activity yet', emptyHint: 'Promotions, refunds, downgrade credits and invoice payments appear here.',
  date: 'Date', type: 'Type', source: 'Source', reference: 'Reference', remark: 'Remark', amount: 'Amount', balanceAfter: 'Balance after',
  types: { credit: 'Credit', debit: 'Debit' },
  sources: { proration: 'Proration credit', promotion: 'Promotion', refund: 'Refund', adjustment: 'Manual adjustment', invoice_payment: 'Applied to invoice', manual: 'Manual credit' },
  total: (n: number) => `${n} entries`,
  discounts: {
    coupons: 'Coupons', couponsHint: 'A percentage off usage (after included units), applied to every hour priced within the coupon’s dates.',
    vouchers: 'Vouchers', vouchersHint: 'Prepaid money for usage: spent on a period’s usage, in time order, when the period closes.',
    coupon: 'Coupon', percentOff: 'Discount', scope: 'Applies to', allResources: 'All usage', validity: 'Valid', status: 'Status',
    code: 'Code', amount: 'Amount', remaining: 'Remaining',
    active: 'Active', inactive: 'Inactive', noCoupons: 'No coupons', noCouponsHint: 'Coupons granted to your organization appear here.',
    noVouchers: 'No vouchers', noVouchersHint: 'Vouchers granted to your organization and what remains of them appear here.',
    percent: (p: string) => `${p}% off`,
  },
};
