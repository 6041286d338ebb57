import { currentUser } from '@/server/auth/viewer';
import { staffRoleAtLeast } from '@/server/auth/roles';
import { StaffTenantView } from './StaffTenantView';

type Props = { params: Promise<{ tenantId: string }> };

/** The staff layout has checked the staff role; money actions are shown to finance and admin only. */
export default async function StaffTenantPage({ params }: Props) {
  const { tenantId } = await params;
  const user = await currentUser();
  const canAdjustCredit = !!user?.staffRole && staffRoleAtLeast(user.staffRole, 'finance');
  return <StaffTenantView tenantId={tenantId} canAdjustCredit={canAdjustCredit} />;
}
