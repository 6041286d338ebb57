import { PageLoading } from '@/components/portal/PageLoading';

export default PageLoading;
