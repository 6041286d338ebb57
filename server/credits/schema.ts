import { z } from 'zod';
import { decimalString } from '../money-schema';
import { CreditSource, CreditTransactionType } from '../generated/prisma/enums';

/** A positive decimal string in the tenant's currency, up to 9 places (numeric(30,9)). */
const positiveAmount = z.string().regex(/^\d{1,21}(\.\d{1,9})?$/).refine((v) => /[1-9]/.test(v), 'must be above zero')
  .describe('a positive decimal string in the tenant\'s currency, up to 9 places');

/**
 * `grantCredit`: a credit row. `proration` is what a downgrade (or an add-on ended early) gives back,
 * with `sourceId` the subscription (`sub_…`); `refund` names the invoice; `promotion`, `adjustment`
 * and `manual` need no source id.
 */
export const grantCreditInput = z.strictObject({
  amount: positiveAmount,
  source: z.enum(['promotion', 'adjustment', 'refund', 'manual', 'proration']),
  sourceId: z.string().trim().min(1).max(64).optional(),
  remark: z.string().trim().min(1).max(500),
});
export type GrantCreditInput = z.output<typeof grantCreditInput>;

/** `staff.credits.adjust`: finance staff move a tenant's credit up or down, always with a reason. */
export const adjustCreditInput = z.strictObject({
  tenantId: z.string().regex(/^tnt_[A-Za-z0-9_]{2,40}$/),
  direction: z.enum(['credit', 'debit']),
  amount: positiveAmount,
  reason: z.string().trim().min(3).max(500),
});
export type AdjustCreditInput = z.output<typeof adjustCreditInput>;

/** Seed 000 CreditTransactionResponse, as tRPC carries it (camelCase, money as decimal strings). */
export const creditTransaction = z.object({
  id: z.string(),
  seq: z.number().int(),
  type: z.enum(CreditTransactionType),
  amount: decimalString.describe('always positive; `type` gives the direction'),
  balance: decimalString.describe('the running balance after this row'),
  currency: z.string(),
  source: z.enum(CreditSource),
  sourceId: z.string().nullable(),
  remark: z.string(),
  createdAt: z.date(),
});
export type CreditTransactionView = z.infer<typeof creditTransaction>;

/** Seed 000 CreditBalanceResponse. */
export const creditBalance = z.object({
  tenantId: z.string(),
  balance: decimalString.describe('the ledger\'s sum, a decimal string in `currency`'),
  currency: z.string(),
  updatedAt: z.date().nullable(),
});
export type CreditBalanceView = z.infer<typeof creditBalance>;

export const creditLedgerInput = z.strictObject({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type CreditLedgerInput = z.output<typeof creditLedgerInput>;

export const creditLedgerPage = z.object({
  items: z.array(creditTransaction),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type CreditLedgerPage = z.infer<typeof creditLedgerPage>;
