import type { Messages } from '../zh-CN';

export const overview: Messages['overview'] = {
  title: 'Overview', currentPlan: 'Current plan', noPlan: 'No subscription', status: 'Status', period: 'Current period',
  renews: 'Renews', ends: 'Ends', trialEnds: 'Trial ends', credit: 'Credit balance', creditUpdated: 'Updated',
  latestRecords: 'Latest billing records', noRecords: 'No billing records yet', noRecordsHint: 'Invoices appear here once the first period is billed.',
  invoice: 'Invoice', description: 'Description', amount: 'Amount', date: 'Date', type: 'Type', perMonth: '/ month', perYear: '/ year',
  records: (n: number) => `${n} records in total`,
};
