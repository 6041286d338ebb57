import { router } from './init';
import { tenantsRouter } from '../tenants/router';
import { apiKeysRouter } from '../apikeys/router';
import { staffRouter } from '../staff/router';

export const appRouter = router({
  tenants: tenantsRouter,
  apiKeys: apiKeysRouter,
  staff: staffRouter,
});

export type AppRouter = typeof appRouter;
