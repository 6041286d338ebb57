import { BillsView } from './BillsView';

/** The tenant's monthly bills (membership is checked by the layout and again by `bills.list`). */
export default function BillsPage() {
  return <BillsView />;
}
