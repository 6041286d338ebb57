import { QuotasView } from './QuotasView';

export default function QuotasPage() {
  return <QuotasView />;
}
