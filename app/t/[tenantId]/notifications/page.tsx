import { NotificationsView } from './NotificationsView';

export default function NotificationsPage() {
  return <NotificationsView />;
}
