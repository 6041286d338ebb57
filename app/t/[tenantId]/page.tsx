import { OverviewView } from './OverviewView';

export default function OverviewPage() {
  return <OverviewView />;
}
