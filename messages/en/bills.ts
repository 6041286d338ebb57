import type { Messages } from '../zh-CN';

export const bills: Messages['bills'] = {
  nav: 'Bills', title: 'Bills', description: 'One bill per billing account and month; its detail is the hourly charge lines (the data of API 004).',
  dailyNav: 'Daily bill', dailyTitle: 'Daily bill', dailyDescription: 'Charges per day and meter (the data of API 002), days in the billing timezone.',
  month: 'Month', account: 'Billing account', state: 'State', lines: 'Lines', amount: 'Amount', open: 'View details',
  empty: 'No bills yet', emptyHint: 'The month\'s bill appears here once there is usage or a subscription fee.',
  states: { BS_PENDING: 'Open', BS_DUE: 'Due', BS_PAYING: 'Paying', BS_PAID: 'Paid', BS_FAILED: 'Payment failed', BS_WRITEOFF: 'Written off', BS_CANCELED: 'Canceled' },
  back: 'Back to bills', detailTitle: (month: string) => `Bill details, ${month}`, total: (n: number) => `${n} lines`,
  filters: 'Filters', catalog: 'Catalog (category → product → SKU)', resourceGroup: 'Resource group', owner: 'Resource owner', consumeType: 'Consumption type', all: 'All',
  consumeTypes: { CT_CONSUMPTION: 'Consumption', CT_REFUND: 'Refund', CT_RECONCILIATION: 'Reconciliation' },
  paymentModels: { PM_PREPAID: 'Prepaid', PM_POSTPAID: 'Postpaid' },
  sort: 'Sort', sorts: { 'create_time desc': 'Time (newest first)', create_time: 'Time (oldest first)', 'amount desc': 'Amount (highest first)', amount: 'Amount (lowest first)', 'quantity desc': 'Usage (most first)', quantity: 'Usage (least first)' },
  clear: 'Clear filters', exportCsv: 'Export CSV', first: 'First page', previous: 'Previous', next: 'Next', pageN: (n: number) => `Page ${n}`,
  hour: 'Hour', sku: 'SKU', resource: 'Resource', quantity: 'Usage', original: 'List price', discount: 'Included in plan', coupons: 'Coupons and vouchers', paid: 'Paid', unpaid: 'Unpaid',
  noRows: 'No lines match', noRowsHint: 'Try fewer filters, or clear them.', notFound: 'Bill not found', notFoundHint: 'It may not exist, or it belongs to another tenant.',
  day: 'Day', from: 'From', to: 'To', apply: 'Show', meter: 'Meter', workspace: 'Workspace', cycle: 'Billing cycle', category: 'Category', count: 'Usage', billingResult: 'Payable',
  storedCard: 'Stored card (credit)', cash: 'Cash', owe: 'Owed', chartSummary: (days: number, meters: number) => `Payable per day, stacked by meter: ${days} days, ${meters} meters. The table below lists every value.`,
  tableView: 'Show the chart as a table', dailyEmpty: 'No charges in these days', rangeHint: 'At most 92 days.',
};
