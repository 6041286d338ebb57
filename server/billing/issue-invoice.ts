import { now } from '../clock';
import { newId } from '../ids';
import { money, priceLine, sum, toDecimalString, type DecimalLike } from '../money';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import type { BillingRecordType } from '../generated/prisma/enums';
import { applyAvailableCredit } from '../credits/ledger';
import { inTransaction, type Tx } from '../transaction';
import { nextInvoiceNumber } from './invoice-numbers';
import { billingProfileSnapshot } from '../billing-profile/billing-profile';
import { syncBillsOfInvoice } from '../metered-billing/bill-state';

export type InvoiceLineInput = {
  resourceType: string;
  skuId?: string | null;
  description: string;
  quantity: DecimalLike;
  unitPrice: DecimalLike;
  periodStart?: Date | null;
  periodEnd?: Date | null;
};

export type IssueInvoiceInput = {
  tenantId: string;
  type: BillingRecordType;
  description: string;
  lines: InvoiceLineInput[];
  subscriptionId?: string | null;
  appId?: string | null;
  periodStart?: Date | null;
  periodEnd?: Date | null;
  dueInDays?: number;
};

/**
 * Prices every line at the tenant's tax rate (each line rounded on its own), finalizes the record
 * with the next invoice number, and settles what it can from the credit balance. Inside the
 * caller's transaction when given one (a subscription start or renewal), else in its own.
 */
export function issueInvoice(input: IssueInvoiceInput, actor: Actor, tx?: Tx) {
  return inTransaction(tx, (db) => issueIn(db, input, actor));
}

async function issueIn(tx: Tx, input: IssueInvoiceInput, actor: Actor) {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: input.tenantId }, select: { currency: true, taxRate: true } });
  const issuedAt = now();
  const priced = input.lines.map((line, index) => ({ line, index, ...priceLine(line.quantity, line.unitPrice, tenant.taxRate, tenant.currency) }));
  const subtotal = sum(priced.map((p) => p.amount));
  const taxAmount = sum(priced.map((p) => p.taxAmount));
  const amount = subtotal.plus(taxAmount);
  const recordId = newId('rec');
  // The buyer as of finalization (read before the number lock): later profile edits never change an issued invoice.
  const buyerProfile = await billingProfileSnapshot(tx, input.tenantId);
  const record = await tx.billingRecord.create({
    data: {
      tenantId: input.tenantId, id: recordId, type: input.type, status: 'open', description: input.description, currency: tenant.currency,
      subtotal, taxAmount, amount,
      subscriptionId: input.subscriptionId ?? null, appId: input.appId ?? null,
      periodStart: input.periodStart ?? null, periodEnd: input.periodEnd ?? null,
      invoiceNumber: await nextInvoiceNumber(tx, issuedAt), finalizedAt: issuedAt, buyerProfile,
      dueAt: new Date(issuedAt.getTime() + (input.dueInDays ?? 14) * 86_400_000), createdAt: issuedAt,
      lineItems: {
        create: priced.map(({ line, index, amount: lineAmount, taxAmount: lineTax }) => ({
          id: newId('li'), position: index + 1, resourceType: line.resourceType, skuId: line.skuId ?? null,
          description: line.description, quantity: money(line.quantity), unitPrice: money(line.unitPrice),
          amount: lineAmount, taxRate: tenant.taxRate, taxAmount: lineTax,
          periodStart: line.periodStart ?? null, periodEnd: line.periodEnd ?? null, createdAt: issuedAt,
        })),
      },
    },
    select: { id: true, invoiceNumber: true, amount: true, status: true },
  });
  await recordAudit(tx, actor, {
    tenantId: input.tenantId, action: 'invoice.issue', targetType: 'billing_record', targetId: recordId,
    after: { invoiceNumber: record.invoiceNumber, type: input.type, amount: toDecimalString(amount), currency: tenant.currency },
  });
  return settleIn(tx, { tenantId: input.tenantId, recordId }, actor);
}

export type SettleFromCreditInput = { tenantId: string; recordId: string };

/** Applies the credit balance to an open (or failed) invoice; it is paid once credit covers all of it. */
export function settleFromCredit(input: SettleFromCreditInput, actor: Actor, tx?: Tx) {
  return inTransaction(tx, (db) => settleIn(db, input, actor));
}

async function settleIn(tx: Tx, { tenantId, recordId }: SettleFromCreditInput, actor: Actor) {
  await tx.$queryRaw`SELECT id FROM billing_records WHERE tenant_id = ${tenantId} AND id = ${recordId} FOR UPDATE`;
  const record = await tx.billingRecord.findUniqueOrThrow({
    where: { tenantId_id: { tenantId, id: recordId } },
    select: { id: true, status: true, amount: true, creditAppliedAmount: true, invoiceNumber: true },
  });
  const outstanding = money(record.amount).minus(money(record.creditAppliedAmount));
  // A `failed` invoice (collection's dunning ran out) is still owed: credit pays it as it pays an open one.
  if ((record.status !== 'open' && record.status !== 'failed') || outstanding.lte(0)) return record;
  // Decided and debited under the tenant's ledger lock (oldest credit first), so concurrent settlements never overdraw.
  const debit = await applyAvailableCredit({ tenantId, upTo: outstanding, sourceId: recordId, remark: `${record.invoiceNumber ?? recordId}`, actorUserId: actor.userId }, tx);
  if (!debit) return record;
  const applied = money(debit.amount);
  const paid = applied.eq(outstanding);
  const updated = await tx.billingRecord.update({
    where: { tenantId_id: { tenantId, id: recordId } },
    data: { creditAppliedAmount: money(record.creditAppliedAmount).plus(applied), ...(paid ? { status: 'paid', paidAt: now() } : {}) },
    select: { id: true, status: true, amount: true, creditAppliedAmount: true, invoiceNumber: true },
  });
  if (paid) await syncBillsOfInvoice(tx, tenantId, recordId);
  await recordAudit(tx, actor, {
    tenantId, action: 'invoice.apply_credit', targetType: 'billing_record', targetId: recordId,
    before: { status: record.status, creditAppliedAmount: record.creditAppliedAmount }, after: { status: updated.status, creditAppliedAmount: updated.creditAppliedAmount },
  });
  return updated;
}
