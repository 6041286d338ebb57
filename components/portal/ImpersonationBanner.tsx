'use client';

import { useEffect, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button } from '@/components/ui';
import { useTRPC } from '@/components/providers/trpc';
import { useI18n } from '@/components/providers/i18n';

export type ImpersonationBannerProps = {
  staffEmail: string;
  roleLabel: string;
  reason: string;
  /** ISO instants from the server: the countdown runs on the server's clock, offset once against the browser's. */
  expiresAt: string;
  serverNow: string;
  /** Where Stop and expiry lead: the staff console, with a notice. */
  endedHref: string;
};

function formatLeft(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Shown on every tenant page while staff impersonate the tenant: who, why, time left, and Stop. */
export function ImpersonationBanner({ staffEmail, roleLabel, reason, expiresAt, serverNow, endedHref }: ImpersonationBannerProps) {
  const trpc = useTRPC();
  const t = useI18n().messages.impersonation;
  const [offset] = useState(() => new Date(serverNow).getTime() - Date.now());
  const end = new Date(expiresAt).getTime();
  const [left, setLeft] = useState(() => end - (Date.now() + offset));
  const stop = useMutation(trpc.staff.impersonation.stop.mutationOptions({ onSuccess: () => window.location.assign(endedHref) }));

  useEffect(() => {
    const timer = window.setInterval(() => {
      const remaining = end - (Date.now() + offset);
      setLeft(remaining);
      // Expired: the server already refuses every request; leave for the console with a notice.
      if (remaining <= 0) {
        window.clearInterval(timer);
        window.location.assign(endedHref);
      }
    }, 1000);
    return () => window.clearInterval(timer);
  }, [end, offset, endedHref]);

  return (
    <section className="cf-alert cf-alert-warning" aria-label={t.action} data-testid="impersonation-banner">
      <p className="cf-alert-title">{t.banner.replace('{staff}', staffEmail).replace('{role}', roleLabel)}</p>
      <p>{t.reasonLabel}<span data-testid="impersonation-reason">{reason}</span></p>
      <p>
        {t.timeLeft}: <time dateTime={expiresAt} data-testid="impersonation-time-left">{formatLeft(left)}</time>
      </p>
      <Button variant="secondary" size="sm" loading={stop.isPending} onClick={() => stop.mutate(undefined)}>{t.stop}</Button>
    </section>
  );
}
