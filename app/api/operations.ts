import type { Operation } from '@/server/rest/operations';
import { operation as getCurrentPlan } from './web/namespaces/[namespace]/usage_plans/current/operation';
import { operation as listUsagePlans } from './web/namespaces/[namespace]/usage_plans/custom_list/operation';
import { operation as listSubscriptions } from './web/namespaces/[namespace]/subscriptions/custom_list/operation';
import { operation as initiatePlanTransition } from './web/namespaces/[namespace]/billing/plan_transition/operation';
import { operation as previewPlanTransition } from './web/namespaces/[namespace]/billing/plan_transition/preview/operation';
import { operation as getPlanTransition } from '../no_auth/namespaces/system/billing/plan_transition/operation';
import { operation as subscribeAddOn } from './web/namespaces/[namespace]/addon/subscribe/operation';
import { operation as unsubscribeAddOn } from './web/namespaces/[namespace]/addon/unsubscribe/operation';
import { operation as exportUserData } from '../internal/billing/export-user-data/operation';
import { operation as ingestUsageEvents } from './v1/usage/events/operation';
import { operation as listBillHourlyDetails } from '../v1/bills/[bill_id]/hourlyDetails/operation';
import { operation as listDailyBillDetails } from './v1/billing/detail/list/operation';
import { operation as listBillingRecords } from '../billing/records/[tenant_id]/operation';
import { operation as listInvoices } from './web/namespaces/[namespace]/usage/invoices/custom_list/operation';
import { operation as downloadInvoicePdf } from './web/namespaces/[namespace]/usage/invoice_pdf/operation';
import { operations as quotaCollectionOperations } from './web/namespaces/[namespace]/quotas/operation';
import { operations as quotaObjectOperations } from './web/namespaces/[namespace]/quotas/[name]/operation';
import { operation as getQuotaLimits } from './web/namespaces/[namespace]/quota/limits/operation';
import { operation as getQuotaUsage } from './web/namespaces/[namespace]/quota/usage/operation';
import { operation as createPaymentMethod } from './web/namespaces/[namespace]/billing/payment_methods/operation';
import { operation as deletePaymentMethod } from './web/namespaces/[namespace]/billing/payment_methods/[name]/operation';
import { operation as makePaymentMethodPrimary } from './web/namespaces/[namespace]/billing/payment_method/[name]/primary/operation';
import { operation as makePaymentMethodSecondary } from './web/namespaces/[namespace]/billing/payment_method/[name]/secondary/operation';
import { operation as swapPaymentMethodRole } from './web/namespaces/[namespace]/billing/payment_method/[name]/swap-primary/operation';
import { operation as listCurrentUsage } from './web/namespaces/[namespace]/current_usage/operation';
import { operation as listUsageDetails } from './web/namespaces/[namespace]/usage_details/operation';
import { operation as listHourlyUsageDetails } from './web/namespaces/[namespace]/hourly_usage_details/operation';
import { operation as listMonthlyUsage } from './web/namespaces/[namespace]/monthly_usage/operation';
import { operation as usageSummary } from './data/namespaces/system/billing/usage_summary/operation';

/**
 * The registry of REST operations: one import per route folder's `operation.ts`, nothing restated.
 * The OpenAPI document is built from this list; server/rest/openapi.test.ts keeps it equal to the
 * route files under app/ (a route without a registered operation fails).
 */
export const OPERATIONS: readonly Operation[] = [getCurrentPlan, listUsagePlans, listSubscriptions, initiatePlanTransition, previewPlanTransition, getPlanTransition, subscribeAddOn, unsubscribeAddOn, exportUserData, listBillHourlyDetails, listDailyBillDetails, listBillingRecords, listInvoices, ...quotaCollectionOperations, ...quotaObjectOperations, getQuotaLimits, getQuotaUsage, ingestUsageEvents, createPaymentMethod, deletePaymentMethod, makePaymentMethodPrimary, makePaymentMethodSecondary, swapPaymentMethodRole, downloadInvoicePdf, listCurrentUsage, listUsageDetails, listHourlyUsageDetails, listMonthlyUsage, usageSummary];
