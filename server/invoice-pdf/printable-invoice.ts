import { money, minorUnits, roundToMinor, ZERO, type Decimal, type DecimalLike } from '../money';
import { localDateString } from '../time/zoned';
import type { BuyerProfile, InvoiceLanguage } from '../billing-profile/schema';
import type { BillingRecordStatus } from '../generated/prisma/enums';
import type { SellerDetails } from './seller';

/** Everything the PDF prints, already formatted: the document only lays it out. */
export type PrintableInvoice = {
  language: InvoiceLanguage;
  invoiceNumber: string;
  status: BillingRecordStatus;
  description: string;
  currency: string;
  issuedOn: string;
  dueOn: string | null;
  paidOn: string | null;
  period: string | null;
  seller: SellerDetails;
  buyer: BuyerProfile;
  lines: { description: string; quantity: string; unitPrice: string; amount: string; taxRate: string; taxAmount: string }[];
  subtotal: string;
  taxAmount: string;
  total: string;
  amountPaid: string;
  amountDue: string;
  /** Refunded so far (a partially refunded invoice is still paid); null when nothing was refunded, and then not printed. */
  amountRefunded: string | null;
};

export type InvoiceForPrint = {
  invoiceNumber: string;
  status: BillingRecordStatus;
  description: string;
  currency: string;
  subtotal: DecimalLike; taxAmount: DecimalLike; amount: DecimalLike; creditAppliedAmount: DecimalLike; refundedAmount?: DecimalLike;
  finalizedAt: Date | null; createdAt: Date; dueAt: Date | null; paidAt: Date | null;
  periodStart: Date | null; periodEnd: Date | null;
  lineItems: { description: string; quantity: DecimalLike; unitPrice: DecimalLike; amount: DecimalLike; taxRate: DecimalLike; taxAmount: DecimalLike }[];
};

/** Grouped thousands, the currency's minor digits: 12345.5 CNY → "12,345.50". Exact (string digits, never a float). */
export function formatAmount(value: DecimalLike, currency: string): string {
  const fixed = roundToMinor(value, currency).toFixed(minorUnits(currency));
  const [whole = '0', fraction] = fixed.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fixed.startsWith('-') ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** Quantities print as stored, without trailing zeros: 3.500000000 → "3.5". */
const formatQuantity = (value: DecimalLike) => money(value).toFixed();
/** 0.060000 → "6%". */
const formatRate = (value: DecimalLike) => `${money(value).times(100).toFixed()}%`;

/**
 * Paid: what settled the invoice (credit applied, then the rest once it is paid). Due: what is
 * still owed on an open or failed invoice; a void or refunded one owes nothing.
 */
export function paidAndDue(invoice: Pick<InvoiceForPrint, 'status' | 'amount' | 'creditAppliedAmount'>): { paid: Decimal; due: Decimal } {
  const amount = money(invoice.amount);
  if (invoice.status === 'paid' || invoice.status === 'refunded') return { paid: amount, due: ZERO };
  const paid = money(invoice.creditAppliedAmount);
  return { paid, due: invoice.status === 'void' ? ZERO : amount.minus(paid) };
}

export function toPrintable(invoice: InvoiceForPrint, buyer: BuyerProfile, seller: SellerDetails, timeZone: string): PrintableInvoice {
  const { currency } = invoice;
  const day = (at: Date | null) => (at ? localDateString(at, timeZone) : null);
  const { paid, due } = paidAndDue(invoice);
  return {
    language: buyer.invoiceLanguage, invoiceNumber: invoice.invoiceNumber, status: invoice.status, description: invoice.description, currency,
    issuedOn: day(invoice.finalizedAt ?? invoice.createdAt)!, dueOn: day(invoice.dueAt), paidOn: day(invoice.paidAt),
    // A period end is exclusive (the next period's start): the printed range ends the day before.
    period: invoice.periodStart && invoice.periodEnd ? `${day(invoice.periodStart)} – ${day(new Date(invoice.periodEnd.getTime() - 1))}` : null,
    seller, buyer,
    lines: invoice.lineItems.map((line) => ({
      description: line.description, quantity: formatQuantity(line.quantity), unitPrice: formatUnitPrice(line.unitPrice, currency),
      amount: formatAmount(line.amount, currency), taxRate: formatRate(line.taxRate), taxAmount: formatAmount(line.taxAmount, currency),
    })),
    subtotal: formatAmount(invoice.subtotal, currency), taxAmount: formatAmount(invoice.taxAmount, currency), total: formatAmount(invoice.amount, currency),
    amountPaid: formatAmount(paid, currency), amountDue: formatAmount(due, currency),
    amountRefunded: money(invoice.refundedAmount ?? ZERO).gt(0) ? formatAmount(invoice.refundedAmount ?? ZERO, currency) : null,
  };
}

/** A unit price may carry more digits than the currency (0.0004 per request): print it exactly, at least to the minor unit. */
function formatUnitPrice(value: DecimalLike, currency: string): string {
  const exact = money(value);
  return exact.decimalPlaces() > minorUnits(currency) ? exact.toFixed() : formatAmount(exact, currency);
}
