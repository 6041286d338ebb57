'use client';

import { useQuery } from '@tanstack/react-query';
import { Card, ErrorState, LoadingState, PageHeader } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';
import { BillingProfileForm } from './BillingProfileForm';

/** The tenant's billing profile (billingProfile.get): every member reads it, billing and above edit it. */
export function BillingProfileView() {
  const trpc = useTRPC();
  const { messages } = useI18n();
  const t = messages.billingProfile;
  const profile = useQuery(trpc.billingProfile.get.queryOptions());
  const header = <PageHeader title={t.title} description={t.description} />;
  if (profile.isPending) return <div className="cf-stack-lg">{header}<LoadingState label={messages.common.loading} /></div>;
  if (profile.error) {
    return (
      <div className="cf-stack-lg">
        {header}
        <ErrorState title={messages.common.error} message={profile.error.message} onRetry={() => void profile.refetch()} retryLabel={messages.common.retry} retrying={profile.isFetching} />
      </div>
    );
  }
  return (
    <div className="cf-stack-lg">
      {header}
      <Card title={t.buyer}>
        <BillingProfileForm profile={profile.data} />
      </Card>
    </div>
  );
}
