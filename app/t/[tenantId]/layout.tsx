import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { currentUser } from '@/server/auth/viewer';
import { resolveCallerAccess } from '@/server/tenants/tenant-access';
import { impersonationEndedIn } from '@/server/impersonation/access';
import { now } from '@/server/clock';
import { ImpersonationBanner } from '@/components/portal/ImpersonationBanner';
import { AppShell } from '@/components/portal/AppShell';
import { NotificationBell } from '@/components/portal/NotificationBell';
import { PortalProviders } from '@/components/providers/trpc';
import { TenantProvider } from '@/components/providers/tenant';
import { Badge } from '@/components/ui';
import { currentMessages } from '@/components/portal/locale';

const IMPERSONATION_ENDED_PATH = '/staff/tenants?impersonation=ended';

type Props = { children: ReactNode; params: Promise<{ tenantId: string }> };

/**
 * Every tenant page checks the membership (or a staff user's active impersonation) here; a tenant
 * the person may not see is a 404, and an impersonation that just ended goes back to the console.
 */
export default async function TenantLayout({ children, params }: Props) {
  const { tenantId } = await params;
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/t/${tenantId}`)}`);
  const access = await resolveCallerAccess(user, tenantId);
  if (!access) {
    if (user.staffRole && (await impersonationEndedIn(user.sessionId, tenantId))) redirect(IMPERSONATION_ENDED_PATH);
    notFound();
  }
  const impersonation = access.impersonation;
  const messages = await currentMessages();
  const base = `/t/${tenantId}`;
  return (
    <AppShell
      brand={messages.app.name}
      brandHref={base}
      navLabel={messages.app.tagline}
      nav={[
        { href: base, label: messages.nav.overview, exact: true },
        { href: `${base}/subscription`, label: messages.subscription.nav },
        { href: `${base}/plans`, label: messages.plans.nav },
        { href: `${base}/add-ons`, label: messages.addOns.nav },
        { href: `${base}/credits`, label: messages.credits.nav },
        { href: `${base}/invoices`, label: messages.invoices.nav },
        { href: `${base}/bills`, label: messages.bills.nav },
        { href: `${base}/payment-methods`, label: messages.paymentMethods.nav },
        { href: `${base}/usage`, label: messages.usage.nav },
        { href: `${base}/quotas`, label: messages.quotas.nav },
        { href: `${base}/alerts`, label: messages.alerts.nav },
        { href: `${base}/notifications`, label: messages.notifications.nav },
        ...(access.role === 'owner' || access.role === 'admin' ? [{ href: `${base}/audit`, label: messages.audit.nav }] : []),
        { href: `${base}/settings/api-keys`, label: messages.nav.apiKeys },
        { href: `${base}/settings/billing-profile`, label: messages.billingProfile.nav },
      ]}
      context={<>
        <strong data-testid="tenant-name">{access.tenant.name}</strong>
        <Badge tone="info">{messages.roles[access.role]}</Badge>
        <Link className="cf-small" href="/tenants">{messages.nav.switchTenant}</Link>
        <Link className="cf-small" href="/docs/api">{messages.docs.link}</Link>
      </>}
      actions={<PortalProviders tenantId={tenantId}><NotificationBell href={`${base}/notifications`} /></PortalProviders>}
      userLabel={user.email}
      signOutLabel={messages.common.signOut}
    >
      <TenantProvider tenant={{ ...access.tenant, role: access.role }}>
        <PortalProviders tenantId={tenantId}>
          {impersonation ? (
            <ImpersonationBanner staffEmail={user.email} roleLabel={messages.roles[impersonation.role]} reason={impersonation.reason}
              expiresAt={impersonation.expiresAt.toISOString()} serverNow={now().toISOString()} endedHref={IMPERSONATION_ENDED_PATH} />
          ) : null}
          {children}
        </PortalProviders>
      </TenantProvider>
    </AppShell>
  );
}
