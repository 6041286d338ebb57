import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/viewer';
import { listUserTenants } from '@/server/tenants/tenant-access';

/** Where a signed-in person lands: staff on the tenant list, members on their tenant (or the picker). */
export default async function Home() {
  const user = await currentUser();
  if (!user) redirect('/sign-in');
  if (user.staffRole) redirect('/staff/tenants');
  const tenants = await listUserTenants(user.id);
  if (tenants.length === 1 && tenants[0]) redirect(`/t/${tenants[0].tenantId}`);
  redirect('/tenants');
}
