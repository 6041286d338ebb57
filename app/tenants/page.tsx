import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/viewer';
import { listUserTenants } from '@/server/tenants/tenant-access';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui';
import { currentMessages } from '@/components/portal/locale';

export default async function TenantPicker() {
  const user = await currentUser();
  if (!user) redirect('/sign-in?callbackUrl=/tenants');
  if (user.staffRole) redirect('/staff/tenants');
  const [tenants, messages] = await Promise.all([listUserTenants(user.id), currentMessages()]);
  return (
    <main className="cf-auth">
      <div className="cf-auth-panel cf-stack">
        <PageHeader title={messages.tenants.title} description={messages.tenants.description} />
        {tenants.length === 0 ? <EmptyState title={messages.tenants.empty} /> : (
          <Card flush>
            <ul className="cf-stack" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {tenants.map((tenant) => (
                <li key={tenant.tenantId} className="cf-row cf-row-between" style={{ padding: '12px 16px' }}>
                  <Link href={`/t/${tenant.tenantId}`}>{tenant.name}</Link>
                  <span className="cf-row"><span className="cf-mono cf-small cf-muted">{tenant.tenantId}</span><Badge>{messages.roles[tenant.role]}</Badge></span>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    </main>
  );
}
