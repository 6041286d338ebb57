import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { currentUser } from '@/server/auth/viewer';
import { AppShell } from '@/components/portal/AppShell';
import { PortalProviders } from '@/components/providers/trpc';
import { Badge } from '@/components/ui';
import { currentMessages } from '@/components/portal/locale';

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect('/sign-in?callbackUrl=/staff/tenants');
  if (!user.staffRole) redirect('/');
  const messages = await currentMessages();
  return (
    <AppShell
      brand={messages.app.name}
      brandHref="/staff/tenants"
      navLabel={messages.nav.staffConsole}
      nav={[{ href: '/staff/tenants', label: messages.nav.tenants }, { href: '/staff/audit', label: messages.audit.nav }, ...(user.staffRole === 'admin' ? [{ href: '/staff/catalog', label: messages.plans.staffCatalog.nav }, { href: '/staff/approvals', label: messages.plans.approvals.nav }, { href: '/staff/service-credentials', label: messages.serviceCredentials.nav }] : [])]}
      context={<><strong>{messages.nav.staffConsole}</strong><Badge tone="warning">{user.staffRole}</Badge></>}
      userLabel={user.email}
      signOutLabel={messages.common.signOut}
    >
      <PortalProviders tenantId={null}>{children}</PortalProviders>
    </AppShell>
  );
}
