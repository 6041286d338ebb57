import { SubscriptionView } from './SubscriptionView';

export default function SubscriptionPage() {
  return <SubscriptionView />;
}
