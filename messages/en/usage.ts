import type { Messages } from '../zh-CN';

export const usage: Messages['usage'] = {
  nav: 'Usage', title: 'Usage', description: 'Usage by hour, day or month, stacked by resource type or app; dates in the tenant’s billing timezone',
  timezoneHint: (zone: string) => ` (${zone}).`,
  chart: 'Usage chart', controls: 'Chart options',
  granularity: 'Granularity', granularities: { hour: 'Hourly', day: 'Daily', month: 'Monthly' },
  stackBy: 'Stack by', stacks: { resource_type: 'Resource type', app: 'App' },
  resourceType: 'Resource type', allResources: 'All resource types', from: 'From', to: 'To',
  exportCsv: 'Export CSV', noApp: 'No app',
  mixedUnits: 'Resource types have different units, so stacking them only shows each one’s trend; pick one resource type to compare exactly.',
  chartSummary: (series: number, buckets: number, from: string, to: string) => `Stacked bar chart of ${series} series over ${buckets} periods, ${from} to ${to}. The numbers are in the table below.`,
  tableView: 'Show as a table', bucket: 'Period', total: 'Total', peak: 'Peak',
  empty: 'No usage in this range', emptyHint: 'Usage events sent through the API appear here as soon as they are accepted.',
  quotas: 'Quota usage', quotasDescription: (start: string, end: string) => `This billing period, ${start} – ${end}`,
  noQuotas: 'No quotas yet', noQuotasHint: 'Set resource limits for a namespace on the quotas page to see progress here.', manageQuotas: 'View quotas',
  used: 'Used', maximum: 'Limit', percentUsed: 'Used', projectedPercent: 'Projected at period end',
  barLabel: (name: string, percent: string) => `${name}: ${percent} used`,
  enforcement: { hard: 'Hard limit', soft: 'Soft limit' }, disabled: 'Disabled', allNamespaces: 'All namespaces', app: 'App',
  projection: 'Projection to period end', projectionAsOf: (end: string, days: string) => `Projected to the end of this period (${end}), ${days} days from now.`,
  methods: {
    linear_7d_daily_average: (from: string, to: string) => `Linear: usage so far plus the daily average of the last 7 whole days (${from} to ${to}) × the days remaining.`,
    peak_so_far: 'Gauges (storage, users) carry their peak so far forward; they do not add up over time.',
  },
  methodShort: { linear_7d_daily_average: 'Linear, 7-day average', peak_so_far: 'Peak so far' },
  dailyAverage: 'Daily average (7 days)', projected: 'Projected', included: 'Included in plan', method: 'Method', resource: 'Resource',
};
