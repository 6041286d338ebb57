import { ApiKeysView } from './ApiKeysView';

export default function ApiKeysPage() {
  return <ApiKeysView />;
}
