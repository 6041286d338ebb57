import { LoadingState } from '@/components/ui';
import { currentMessages } from '@/app/locale';

export default async function StaffLoading() {
  const messages = await currentMessages();
  return <LoadingState label={messages.common.loading} />;
}
