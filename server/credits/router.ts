import { router } from '../trpc/init';
import { staffProcedure, tenantProcedure } from '../trpc/procedures';
import { adjustCreditInput, creditBalance, creditLedgerInput, creditLedgerPage, creditTransaction } from './schema';
import { creditTransactionView, readCreditBalance, readCreditLedger } from './read-credits';
import { adjustCredit } from './grant-credit';

/** Every member may see the credit balance and the ledger. */
export const creditsRouter = router({
  balance: tenantProcedure('viewer').output(creditBalance).query(({ ctx }) => readCreditBalance(ctx.scope.tenantId)),
  ledger: tenantProcedure('viewer')
    .input(creditLedgerInput)
    .output(creditLedgerPage)
    .query(({ ctx, input }) => readCreditLedger({ ...input, tenantId: ctx.scope.tenantId })),
});

/** `staff.credits.*`: money corrections need the finance staff role (or admin), always with a reason. */
export const staffCreditsRouter = router({
  adjust: staffProcedure('finance')
    .input(adjustCreditInput)
    .output(creditTransaction)
    .mutation(async ({ ctx, input }) => creditTransactionView(await adjustCredit(input, ctx.actor))),
});
