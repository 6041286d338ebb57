import { router } from '../trpc/init';
import { staffProcedure } from '../trpc/procedures';
import { createDraftInvoice, finalizeInvoice } from './drafts';
import { refundInvoice, settleBankTransfer, voidInvoice } from './finance';
import { createDraftInput, finalizeInput, invoiceView, paymentAttemptList, refundInput, settleInput, staffPaymentAttemptsInput, voidInput } from './schema';
import { listPaymentAttempts } from './views';

/**
 * `staff.invoices.*`: finance staff (or admin) draft, finalize, void, refund and settle invoices,
 * each with a reason and audited; support may read the payment attempts.
 */
export const staffInvoicesRouter = router({
  createDraft: staffProcedure('finance').input(createDraftInput).output(invoiceView).mutation(({ ctx, input }) => createDraftInvoice(input, ctx.actor)),
  finalize: staffProcedure('finance').input(finalizeInput).output(invoiceView).mutation(({ ctx, input }) => finalizeInvoice(input, ctx.actor)),
  void: staffProcedure('finance').input(voidInput).output(invoiceView).mutation(({ ctx, input }) => voidInvoice(input, ctx.actor)),
  refund: staffProcedure('finance').input(refundInput).output(invoiceView).mutation(({ ctx, input }) => refundInvoice(input, ctx.actor)),
  settle: staffProcedure('finance').input(settleInput).output(invoiceView).mutation(({ ctx, input }) => settleBankTransfer(input, ctx.actor)),
  attempts: staffProcedure('support').input(staffPaymentAttemptsInput).output(paymentAttemptList)
    .query(async ({ input }) => ({ attempts: await listPaymentAttempts(input.tenantId, input.invoiceId) })),
});
