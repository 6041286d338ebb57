import { createHash } from 'node:crypto';
import { now } from '../clock';
import { prisma } from '../db';
import { notFound } from '../errors';
import { billingProfileSnapshot, parseBuyerProfile } from '../billing-profile/billing-profile';
import { renderInvoicePdf } from './render-invoice-pdf';
import { sellerDetails, type SellerDetails } from './seller';
import { toPrintable } from './printable-invoice';

/** Bumped when the document's layout or wording changes, so every cached PDF is rendered again. */
const TEMPLATE_VERSION = 'invoice-pdf/2';

export type InvoicePdfLookup = { tenantId: string } & ({ recordId: string } | { invoiceNumber: string });
export type InvoicePdf = { recordId: string; invoiceNumber: string; version: string; pdf: Buffer };

const RECORD = {
  id: true, invoiceNumber: true, status: true, description: true, currency: true, subtotal: true, taxAmount: true, amount: true,
  creditAppliedAmount: true, refundedAmount: true, finalizedAt: true, createdAt: true, dueAt: true, paidAt: true, voidedAt: true, refundedAt: true,
  periodStart: true, periodEnd: true, updatedAt: true, buyerProfile: true,
  tenant: { select: { billingTimezone: true } },
  lineItems: { orderBy: { position: 'asc' as const }, select: { description: true, quantity: true, unitPrice: true, amount: true, taxRate: true, taxAmount: true } },
} as const;

async function findInvoice(lookup: InvoicePdfLookup) {
  const where = 'recordId' in lookup ? { tenantId: lookup.tenantId, id: lookup.recordId } : { tenantId: lookup.tenantId, invoiceNumber: lookup.invoiceNumber };
  const record = await prisma.billingRecord.findFirst({ where, select: RECORD });
  // A draft has no number yet and is not an invoice anyone was sent: it has no PDF.
  if (!record || record.invoiceNumber === null || record.status === 'draft') throw notFound('invoice', 'INVOICE_NOT_FOUND');
  return { ...record, invoiceNumber: record.invoiceNumber };
}

type FoundInvoice = Awaited<ReturnType<typeof findInvoice>>;

/**
 * What the PDF prints changes only with these: the record (any update moves updatedAt; status and
 * settlement fields are listed too, in case a write bypasses the ORM), the buyer it prints, the seller
 * configuration and the template. Equal versions print the same document.
 */
function versionOf(record: FoundInvoice, buyer: unknown, seller: SellerDetails): string {
  const parts = [
    TEMPLATE_VERSION, record.updatedAt.toISOString(), record.status, record.creditAppliedAmount.toFixed(), record.refundedAmount.toFixed(),
    record.paidAt?.toISOString(), record.voidedAt?.toISOString(), record.refundedAt?.toISOString(), JSON.stringify(buyer), JSON.stringify(seller),
  ];
  return createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 32);
}

/**
 * The invoice's PDF: served from invoice_pdfs while its version still matches, else rendered and
 * stored in place of the older one. Another tenant's invoice, an unknown one or a draft: NOT_FOUND.
 * The cache is derived data, so filling it is not an audited mutation.
 */
export async function getInvoicePdf(lookup: InvoicePdfLookup): Promise<InvoicePdf> {
  const record = await findInvoice(lookup);
  const tenantId = lookup.tenantId;
  // Invoices finalized before profiles existed carry no snapshot: they print the current profile (part of the version).
  const buyer = parseBuyerProfile(record.buyerProfile) ?? (await prisma.$transaction((tx) => billingProfileSnapshot(tx, tenantId)));
  const seller = sellerDetails();
  const version = versionOf(record, buyer, seller);
  const cached = await prisma.invoicePdf.findUnique({ where: { tenantId_billingRecordId: { tenantId, billingRecordId: record.id } }, select: { version: true, pdf: true } });
  if (cached?.version === version) return { recordId: record.id, invoiceNumber: record.invoiceNumber, version, pdf: Buffer.from(cached.pdf) };

  const pdf = await renderInvoicePdf(toPrintable(record, buyer, seller, record.tenant.billingTimezone));
  // Two concurrent first downloads render twice and the later write wins: both wrote the same version.
  await prisma.$executeRaw`
    INSERT INTO invoice_pdfs (tenant_id, billing_record_id, version, pdf, created_at)
    VALUES (${tenantId}, ${record.id}, ${version}, ${pdf}, ${now()})
    ON CONFLICT (tenant_id, billing_record_id) DO UPDATE SET version = EXCLUDED.version, pdf = EXCLUDED.pdf, created_at = EXCLUDED.created_at`;
  return { recordId: record.id, invoiceNumber: record.invoiceNumber, version, pdf };
}
