import type { Actor } from '../audit/actor';
import { recordAudit } from '../audit/record-audit';
import { settleFromCredit } from '../billing/issue-invoice';
import { nextInvoiceNumber } from '../billing/invoice-numbers';
import { billingProfileSnapshot } from '../billing-profile/billing-profile';
import { now } from '../clock';
import { notFound } from '../errors';
import { newId } from '../ids';
import { money, priceLine, sum, toDecimalString } from '../money';
import { prisma } from '../db';
import { inTransaction, type Tx } from '../transaction';
import { lockInvoice } from './attempts';
import type { CreateDraftInput, InvoiceRef } from './schema';
import { INVOICE_VIEW_SELECT, invoiceViewOf } from './views';

const DUE_IN_DAYS = 14;

/**
 * A draft adjustment invoice: lines priced now at the tenant's tax rate (half up per line), no
 * number yet, nothing owed until it is finalized. Drafts move no money, so a duplicate is harmless
 * (finance voids it).
 */
export async function createDraftInvoice(input: CreateDraftInput, actor: Actor, tx?: Tx) {
  return inTransaction(tx, async (db) => {
    const tenant = await db.tenant.findUnique({ where: { id: input.tenantId }, select: { currency: true, taxRate: true } });
    if (!tenant) throw notFound('tenant', 'TENANT_NOT_FOUND');
    const at = now();
    const priced = input.lines.map((line) => ({ line, ...priceLine(line.quantity, line.unitPrice, tenant.taxRate, tenant.currency) }));
    const subtotal = sum(priced.map((p) => p.amount));
    const taxAmount = sum(priced.map((p) => p.taxAmount));
    const id = newId('rec');
    const row = await db.billingRecord.create({
      data: {
        tenantId: input.tenantId, id, type: 'adjustment', status: 'draft', description: input.description, currency: tenant.currency,
        subtotal, taxAmount, amount: subtotal.plus(taxAmount), createdAt: at,
        lineItems: {
          create: priced.map(({ line, amount, taxAmount: lineTax }, index) => ({
            id: newId('li'), position: index + 1, resourceType: 'adjustment', description: line.description,
            quantity: money(line.quantity), unitPrice: money(line.unitPrice), amount, taxRate: tenant.taxRate, taxAmount: lineTax, createdAt: at,
          })),
        },
      },
      select: INVOICE_VIEW_SELECT,
    });
    await recordAudit(db, actor, {
      tenantId: input.tenantId, action: 'invoice.draft', targetType: 'billing_record', targetId: id,
      after: { type: 'adjustment', amount: toDecimalString(row.amount), currency: tenant.currency, lines: input.lines.length, reason: input.reason },
    });
    return invoiceViewOf(row);
  });
}

/** Finalizations queue on the year's number row: give a burst room to wait rather than fail at Prisma's 5 s default. */
const FINALIZE_TX = { maxWait: 30_000, timeout: 30_000 } as const;

/**
 * draft → open: the invoice gets the next gapless number now (the year's sequence row stays locked
 * until this transaction commits, and a rollback gives the number back), is due in 14 days, and
 * is then settled from credit as far as the balance goes (after the commit, so the number row is
 * held only for the update and its audit row); collection charges the rest. Finalizing an invoice
 * that is already finalized returns it unchanged.
 */
export async function finalizeInvoice(input: InvoiceRef, actor: Actor, tx?: Tx) {
  const finalized = tx ? await numberDraft(tx, input, actor) : await prisma.$transaction((db) => numberDraft(db, input, actor), FINALIZE_TX);
  if (finalized) await settleFromCredit({ tenantId: input.tenantId, recordId: input.invoiceId }, actor, tx);
  const db = tx ?? prisma;
  return invoiceViewOf(await db.billingRecord.findUniqueOrThrow({ where: { tenantId_id: { tenantId: input.tenantId, id: input.invoiceId } }, select: INVOICE_VIEW_SELECT }));
}

/** Numbers a draft (true), or leaves an invoice that is already finalized as it is (false). */
async function numberDraft(db: Tx, input: InvoiceRef, actor: Actor): Promise<boolean> {
  const invoice = await lockInvoice(db, input.tenantId, input.invoiceId);
  if (!invoice) throw notFound('invoice', 'INVOICE_NOT_FOUND');
  if (invoice.status !== 'draft') return false;
  const at = now();
  // The buyer as of finalization (read before the number lock, which is held to commit).
  const buyerProfile = await billingProfileSnapshot(db, input.tenantId);
  const invoiceNumber = await nextInvoiceNumber(db, at);
  await db.billingRecord.update({
    where: { tenantId_id: { tenantId: input.tenantId, id: input.invoiceId } },
    data: { status: 'open', invoiceNumber, finalizedAt: at, buyerProfile, dueAt: new Date(at.getTime() + DUE_IN_DAYS * 86_400_000) },
  });
  await recordAudit(db, actor, {
    tenantId: input.tenantId, action: 'invoice.finalize', targetType: 'billing_record', targetId: input.invoiceId,
    before: { status: 'draft' }, after: { status: 'open', invoiceNumber, finalizedAt: at },
  });
  return true;
}
