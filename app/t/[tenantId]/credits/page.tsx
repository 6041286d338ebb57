import { CreditsView } from './CreditsView';

export default function CreditsPage() {
  return <CreditsView />;
}
