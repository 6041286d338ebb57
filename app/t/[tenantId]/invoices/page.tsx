import { notFound } from 'next/navigation';
import { currentUser } from '@/server/auth/viewer';
import { resolveCallerAccess } from '@/server/tenants/tenant-access';
import { invoiceAppOptions, invoiceUrlState } from '@/server/invoices/filter-options';
import { InvoicesView } from './InvoicesView';

type Props = { params: Promise<{ tenantId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The invoices table. Filters and the page's keyset position live in the URL (shareable, and the
 * back button works); the page reads them here and the view queries `invoices.list` with them.
 * The layout checks the membership too, but renders in parallel: this page checks before reading apps.
 */
export default async function InvoicesPage({ params, searchParams }: Props) {
  const { tenantId } = await params;
  const user = await currentUser();
  const access = user ? await resolveCallerAccess(user, tenantId) : null;
  if (!access) notFound();
  const [apps, state] = await Promise.all([invoiceAppOptions(access.tenantId), searchParams.then(invoiceUrlState)]);
  return <InvoicesView apps={apps} state={state} />;
}
