import { notFound } from 'next/navigation';
import { currentUser } from '@/server/auth/viewer';
import { resolveTenantAccess } from '@/server/tenants/tenant-access';
import { tenantRoleAtLeast } from '@/server/auth/roles';
import { AuditLogView } from './AuditLogView';

type Props = { params: Promise<{ tenantId: string }> };

/** Owners and admins only (the layout has already checked the membership); others get the 404 a foreign tenant gets. */
export default async function AuditPage({ params }: Props) {
  const { tenantId } = await params;
  const user = await currentUser();
  const access = user ? await resolveTenantAccess(user.id, tenantId) : null;
  if (!access || !tenantRoleAtLeast(access.role, 'admin')) notFound();
  return <AuditLogView />;
}
