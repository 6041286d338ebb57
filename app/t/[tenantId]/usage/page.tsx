import { UsageView } from './UsageView';

export default function UsagePage() {
  return <UsageView />;
}
