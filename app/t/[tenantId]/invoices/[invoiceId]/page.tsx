import { notFound } from 'next/navigation';
import { currentUser } from '@/server/auth/viewer';
import { resolveCallerAccess } from '@/server/tenants/tenant-access';
import { InvoiceDetailView } from './InvoiceDetailView';
import { PaymentAttempts } from './PaymentAttempts';

type Props = { params: Promise<{ tenantId: string; invoiceId: string }> };

/** One invoice: details, lines, totals, the PDF. The view reads `invoices.detail` (another tenant's id is a not-found state). */
export default async function InvoicePage({ params }: Props) {
  const { tenantId, invoiceId } = await params;
  const user = await currentUser();
  const access = user ? await resolveCallerAccess(user, tenantId) : null;
  if (!access) notFound();
  return (
    <InvoiceDetailView invoiceId={invoiceId}>
      {/* Sections about this invoice from other domains slot in here, below the totals and above the PDF preview. */}
      <PaymentAttempts invoiceId={invoiceId} />
    </InvoiceDetailView>
  );
}
