import { PlansView } from './PlansView';

export default function PlansPage() {
  return <PlansView />;
}
