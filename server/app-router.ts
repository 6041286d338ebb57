import { router } from './trpc/init';
import { tenantsRouter } from './tenants/router';
import { apiKeysRouter } from './apikeys/router';
import { staffRouter } from './staff/router';
import { catalogRouter } from './catalog/router';
import { planTransitionsRouter } from './transitions/router';
import { creditsRouter } from './credits/router';
import { subscriptionsRouter } from './subscriptions/router';
import { addOnsRouter } from './addons/router';
import { auditRouter } from './audit/router';
import { usageDashboardRouter } from './usage-dashboard/router';
import { paymentMethodsRouter } from './payment-methods/router';
import { invoicesRouter } from './invoices/router';
import { billingProfileRouter } from './billing-profile/router';
import { quotasRouter } from './quotas/router';
import { alertsRouter } from './alerts/router';
import { notificationsRouter } from './notifications/router';
import { billsRouter } from './bills/router';
import { usageCostRouter } from './usage-read/router';
import { discountsRouter } from './discounts/router';

/**
 * The root tRPC router sits at the top of the server tree: it imports the domain routers, which
 * import the procedure ladder in `trpc/`; nothing under `trpc/` imports it back.
 */
export const appRouter = router({
  tenants: tenantsRouter,
  apiKeys: apiKeysRouter,
  staff: staffRouter,
  catalog: catalogRouter,
  planTransitions: planTransitionsRouter,
  credits: creditsRouter,
  subscriptions: subscriptionsRouter,
  addOns: addOnsRouter,
  audit: auditRouter,
  usageDashboard: usageDashboardRouter,
  paymentMethods: paymentMethodsRouter,
  invoices: invoicesRouter,
  billingProfile: billingProfileRouter,
  quotas: quotasRouter,
  alerts: alertsRouter,
  notifications: notificationsRouter,
  bills: billsRouter,
  usageCost: usageCostRouter,
  discounts: discountsRouter,
});

export type AppRouter = typeof appRouter;
