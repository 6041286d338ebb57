import { LoadingState } from '@/components/ui';
import { currentMessages } from '@/app/locale';

export default async function TenantLoading() {
  const messages = await currentMessages();
  return <LoadingState label={messages.common.loading} />;
}
