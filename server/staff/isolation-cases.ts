import type { IsolationCases } from '../../test/isolation';

/** How each `staff.*` procedure is scoped (gathered by server/trpc/isolation.test.ts). */
export const staffIsolationCases: IsolationCases = {
  'staff.tenants': { kind: 'staff', type: 'query', run: (c, fx) => c.staff.tenants({ search: fx.A.tenant.id }) },
};
