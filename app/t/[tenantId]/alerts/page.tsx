import { AlertsView } from './AlertsView';

export default function AlertsPage() {
  return <AlertsView />;
}
