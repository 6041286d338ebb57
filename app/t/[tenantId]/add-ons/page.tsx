import { AddOnsView } from './AddOnsView';

export default function AddOnsPage() {
  return <AddOnsView />;
}
