import { PaymentMethodsView } from './PaymentMethodsView';

export default function PaymentMethodsPage() {
  return <PaymentMethodsView />;
}
