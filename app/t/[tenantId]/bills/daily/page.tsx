import { DailyBillView } from './DailyBillView';

/** Seed 002's daily bill as a chart and a table (the tRPC query checks the tenant). */
export default function DailyBillPage() {
  return <DailyBillView />;
}
