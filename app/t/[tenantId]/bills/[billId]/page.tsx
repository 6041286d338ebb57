import { BillDetailView } from './BillDetailView';

type Props = { params: Promise<{ tenantId: string; billId: string }> };

/** One bill's hourly detail (the tRPC query checks the tenant and the bill). */
export default async function BillDetailPage({ params }: Props) {
  const { billId } = await params;
  return <BillDetailView billId={billId} />;
}
