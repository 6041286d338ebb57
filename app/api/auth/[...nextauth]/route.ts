import { handlers } from '@/server/auth/next-auth';
import { withRequestOrigin } from '@/server/auth/request-origin';

export const GET = withRequestOrigin(handlers.GET);
export const POST = withRequestOrigin(handlers.POST);
