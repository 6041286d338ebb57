import { csvLine } from '../audit/csv';
import type { UsageSeriesResult } from './schema';

export const USAGE_CSV_COLUMNS = ['bucket', 'granularity', 'time_zone', 'stack_by', 'series_key', 'series_name', 'series_name_zh', 'resource_type', 'quantity'] as const;

/**
 * What the chart shows, as CSV: one line per bucket × series (zeros included), the header first,
 * then one chunk per bucket so a long hourly range is written as it is read by the client.
 */
export async function* usageCsv(result: UsageSeriesResult): AsyncGenerator<string> {
  yield csvLine([...USAGE_CSV_COLUMNS]);
  for (const [index, bucket] of result.buckets.entries()) {
    yield result.series.map((series) => csvLine([
      bucket, result.granularity, result.timeZone, result.stackBy, series.key, series.name, series.nameZh,
      result.stackBy === 'resource_type' ? series.key : result.resourceType, series.values[index],
    ])).join('');
  }
}
