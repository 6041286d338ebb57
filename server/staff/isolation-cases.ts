import type { IsolationCases } from '../../test/isolation';
import { staffInvoicesIsolationCases } from '../collection/isolation-cases';

/** How each `staff.*` procedure is scoped (gathered by server/trpc/isolation.test.ts). */
export const staffIsolationCases: IsolationCases = {
  'staff.tenants': { kind: 'staff', type: 'query', run: (c, fx) => c.staff.tenants({ search: fx.A.tenant.id }) },
  'staff.tenant.get': { kind: 'staff', type: 'query', run: (c, fx) => c.staff.tenant.get({ tenantId: fx.A.tenant.id }) },
  'staff.tenant.invoices': { kind: 'staff', type: 'query', run: (c, fx) => c.staff.tenant.invoices({ tenantId: fx.A.tenant.id }) },
  'staff.catalog.plans': { kind: 'staff', type: 'query', run: (c) => c.staff.catalog.plans() },
  'staff.catalog.editPlan': { kind: 'staff', type: 'mutation', run: (c) => c.staff.catalog.editPlan({ code: 'free', trialDays: 0 }) },
  'staff.approvals.list': { kind: 'staff', type: 'query', run: (c) => c.staff.approvals.list() },
  'staff.approvals.approve': { kind: 'staff', type: 'mutation', run: (c) => c.staff.approvals.approve({ transitionId: crypto.randomUUID() }) },
  'staff.approvals.reject': { kind: 'staff', type: 'mutation', run: (c) => c.staff.approvals.reject({ transitionId: crypto.randomUUID(), reason: 'isolation case' }) },
  'staff.impersonation.start': { kind: 'staff', type: 'mutation', run: (c, fx) => c.staff.impersonation.start({ tenantId: fx.A.tenant.id, reason: 'isolation case check', minutes: 5 }) },
  'staff.impersonation.stop': { kind: 'staff', type: 'mutation', run: (c) => c.staff.impersonation.stop() },
  'staff.serviceCredentials.list': { kind: 'staff', type: 'query', run: (c) => c.staff.serviceCredentials.list() },
  'staff.serviceCredentials.create': { kind: 'staff', type: 'mutation', run: (c) => c.staff.serviceCredentials.create({ name: 'isolation case', scopes: ['export:user-data'] }) },
  'staff.serviceCredentials.rotate': { kind: 'staff', type: 'mutation', run: (c) => c.staff.serviceCredentials.rotate({ id: 'svc_doesnotexist', overlapHours: 24 }) },
  'staff.serviceCredentials.revoke': { kind: 'staff', type: 'mutation', run: (c) => c.staff.serviceCredentials.revoke({ id: 'svc_doesnotexist' }) },
  'staff.impersonation.current': { kind: 'staff', type: 'query', run: (c) => c.staff.impersonation.current() },
  ...staffInvoicesIsolationCases,
};
