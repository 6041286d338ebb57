import { tenantRoute } from '@/server/rest/guard';
import { transitionStateForF5 } from '@/server/transitions/f5-transition';
import { operation } from './operation';

/** F5 GetPlanTransition: `?id=` → `{state}`. */
export const GET = tenantRoute(operation, async ({ caller, query }) => transitionStateForF5(caller.scope.tenantId, query.id));
