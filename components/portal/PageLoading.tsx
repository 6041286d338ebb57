import { LoadingState } from '@/components/ui';
import { currentMessages } from './locale';

/** The loading state of a server-rendered page, in the person's language. */
export async function PageLoading() {
  const messages = await currentMessages();
  return <LoadingState label={messages.common.loading} />;
}
