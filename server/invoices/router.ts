import { router } from '../trpc/init';
import { tenantProcedure } from '../trpc/procedures';
import { invoiceDetail, invoiceDetailInput, invoiceListInput, invoicePage } from './schema';
import { listInvoices } from './list-invoices';
import { getInvoiceDetail } from './invoice-detail';
import { paymentAttemptList, paymentAttemptsInput } from '../collection/schema';
import { listPaymentAttempts } from '../collection/views';

/**
 * `invoices.*`: every member reads the tenant's invoices (the overview already shows the latest to
 * viewers); dates of the filters in the tenant's billing timezone.
 */
export const invoicesRouter = router({
  list: tenantProcedure('viewer')
    .input(invoiceListInput)
    .output(invoicePage)
    .query(({ ctx, input }) => listInvoices(input, { tenantId: ctx.scope.tenantId, timeZone: ctx.scope.tenant.billingTimezone })),
  detail: tenantProcedure('viewer')
    .input(invoiceDetailInput)
    .output(invoiceDetail)
    .query(({ ctx, input }) => getInvoiceDetail(ctx.scope.tenantId, input.invoiceId)),
  /** Every charge and refund of one invoice with the processor's answer (server/collection). */
  paymentAttempts: tenantProcedure('viewer')
    .input(paymentAttemptsInput)
    .output(paymentAttemptList)
    .query(async ({ ctx, input }) => ({ attempts: await listPaymentAttempts(ctx.scope.tenantId, input.invoiceId) })),
});
