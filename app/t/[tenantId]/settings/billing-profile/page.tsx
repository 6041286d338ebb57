import { BillingProfileView } from './BillingProfileView';

export default function BillingProfilePage() {
  return <BillingProfileView />;
}
