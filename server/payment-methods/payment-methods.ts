import { prisma } from '../db';
import { now } from '../clock';
import { newId, randomToken } from '../ids';
import { badRequest, conflict, notFound } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import type { Tx } from '../transaction';
import { expiryInFuture, paymentProvider } from '../payments/provider';
import type { Prisma } from '../generated/prisma/client';
import { minorUnits, roundToMinor } from '../money';
import type { AddPaymentMethodInput, Contact, PaymentMethodList, PaymentMethodRef, PaymentMethodView } from './schema';
import { demoteHolderOf, inMethodsTransaction, lockTenantMethods } from './roles';

type Db = Tx | typeof prisma;

const VIEW_SELECT = {
  id: true, name: true, kind: true, role: true, brand: true, last4: true, expMonth: true, expYear: true, holder: true, contact: true, createdAt: true,
} as const;
type MethodRow = Prisma.PaymentMethodGetPayload<{ select: typeof VIEW_SELECT }>;

/** A card past its expiry month cannot be charged; wallets and bank transfers do not expire. */
export function isExpired(row: { kind: string; expMonth: number | null; expYear: number | null }, at = now()): boolean {
  return row.kind === 'card' && !expiryInFuture(row.expMonth ?? 0, row.expYear ?? 0, at);
}

export function toView(row: MethodRow): PaymentMethodView {
  return { ...row, contact: (row.contact as Contact | null) ?? null, expired: isExpired(row) };
}

/** Primary first, then secondary, then the others newest first. */
const ROLE_ORDER = { primary: 0, secondary: 1, normal: 2 } as const;

export async function listPaymentMethods(tenantId: string, db: Db = prisma): Promise<PaymentMethodList> {
  const rows = await db.paymentMethod.findMany({ where: { tenantId, status: 'active' }, select: VIEW_SELECT, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  rows.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  return { methods: rows.map(toView) };
}

/** The active method by its F5 name, locked for the rest of the transaction; another tenant's name is simply not found. */
export async function activeMethodByName(db: Tx, tenantId: string, name: string) {
  const row = await db.paymentMethod.findFirst({ where: { tenantId, name, status: 'active' }, select: { ...VIEW_SELECT, providerToken: true } });
  if (!row) throw notFound('payment method', 'PAYMENT_METHOD_NOT_FOUND');
  return row;
}

/** `card-4242-k3x9q2`: a DNS label (F5 names), readable, unique per tenant by its random tail. */
function methodName(kind: string, last4: string | null): string {
  const tail = (last4 ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  return [kind, tail, randomToken(6)].filter(Boolean).join('-');
}

/**
 * Adds a payment method from a processor token. The server asks the provider what the token stands
 * for (`describe`) rather than trusting the client, and stores only the token and its display facts
 * (kind, brand, last4, expiry, holder) plus the contact: card data never reaches this function.
 * A role of primary or secondary takes that slot; its previous holder becomes normal.
 */
export async function addPaymentMethod(input: AddPaymentMethodInput & { tenantId: string }, actor: Actor, tx?: Tx): Promise<PaymentMethodView> {
  const provider = paymentProvider();
  const described = await provider.describe(input.token);
  if (!described) throw badRequest('the token is not a valid payment method token of this processor', 'INVALID_PAYMENT_TOKEN');
  if (isExpired(described)) throw badRequest('the card has expired', 'CARD_EXPIRED');
  return inMethodsTransaction(tx, async (db) => {
    await lockTenantMethods(db, input.tenantId);
    const existing = await db.paymentMethod.findFirst({ where: { tenantId: input.tenantId, providerToken: input.token, status: 'active' }, select: { id: true } });
    if (existing) throw conflict('this payment method has already been added', 'PAYMENT_METHOD_EXISTS');
    if (input.role !== 'normal') await demoteHolderOf(db, input.tenantId, input.role, actor);
    const at = now();
    const row = await db.paymentMethod.create({
      data: {
        tenantId: input.tenantId, id: newId('pm'), name: methodName(described.kind, described.last4), kind: described.kind, provider: provider.name,
        providerToken: input.token, brand: described.brand, last4: described.last4, expMonth: described.expMonth, expYear: described.expYear,
        holder: described.holder, role: input.role, contact: input.contact ?? undefined, createdAt: at, updatedAt: at,
      },
      select: VIEW_SELECT,
    });
    await recordAudit(db, actor, {
      tenantId: input.tenantId, action: 'payment_method.add', targetType: 'payment_method', targetId: row.id,
      after: { name: row.name, kind: row.kind, brand: row.brand, last4: row.last4, expMonth: row.expMonth, expYear: row.expYear, role: row.role },
    });
    return toView(row);
  });
}

/** Open invoices still owed after credit: what a removal must leave a way to pay. */
async function openAmountsDue(db: Tx, tenantId: string): Promise<{ invoice_number: string | null; currency: string; due: string }[]> {
  return db.$queryRaw`
    SELECT invoice_number, currency, (amount - credit_applied_amount)::text AS due
    FROM billing_records
    WHERE tenant_id = ${tenantId} AND status = 'open' AND amount > credit_applied_amount
    ORDER BY finalized_at NULLS LAST, id
    LIMIT 1`;
}

/**
 * Removes a payment method (soft: the row stays for the payment history, its role is cleared). Refused
 * with 409 when it is the only active method able to pay (a card not expired, a wallet, a bank
 * transfer) while an invoice is open and owed.
 */
export async function removePaymentMethod(input: PaymentMethodRef & { tenantId: string }, actor: Actor, tx?: Tx): Promise<void> {
  await inMethodsTransaction(tx, async (db) => {
    await lockTenantMethods(db, input.tenantId);
    const method = await activeMethodByName(db, input.tenantId, input.name);
    if (!isExpired(method)) {
      const others = await db.paymentMethod.findMany({ where: { tenantId: input.tenantId, status: 'active', id: { not: method.id } }, select: { kind: true, expMonth: true, expYear: true } });
      const [owed] = others.some((other) => !isExpired(other)) ? [] : await openAmountsDue(db, input.tenantId);
      if (owed) {
        throw conflict(
          `This is the only payment method that can pay open invoice ${owed.invoice_number ?? '(unnumbered)'} (${owed.currency} ${roundToMinor(owed.due, owed.currency).toFixed(minorUnits(owed.currency))} due). Add another payment method before removing it.`,
          'LAST_PAYMENT_METHOD_FOR_OPEN_INVOICE',
        );
      }
    }
    await db.paymentMethod.update({
      where: { tenantId_id: { tenantId: input.tenantId, id: method.id } },
      data: { status: 'removed', role: 'normal', removedAt: now(), updatedAt: now() },
    });
    await recordAudit(db, actor, {
      tenantId: input.tenantId, action: 'payment_method.remove', targetType: 'payment_method', targetId: method.id,
      before: { name: method.name, kind: method.kind, role: method.role, status: 'active' }, after: { status: 'removed', role: 'normal' },
    });
  });
}
