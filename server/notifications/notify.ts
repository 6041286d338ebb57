/**
 * `notifyTenant`: the one way a domain tells a tenant's people something (usage alerts now;
 * collection and dunning later). Inside the caller's transaction it writes one in-app row per
 * recipient and, for email, one outbox row per recipient in that person's language; the email
 * job (server/jobs/notification-jobs.ts) sends pending outbox rows, so a rolled-back caller sends
 * nothing and a committed one is always delivered.
 */
import type { Prisma } from '../generated/prisma/client';
import type { MembershipRole } from '../generated/prisma/enums';
import type { Tx } from '../db';
import { newId } from '../ids';
import { now } from '../clock';

export const NOTIFICATION_LOCALES = ['zh-CN', 'en'] as const;
export type NotificationLocale = (typeof NOTIFICATION_LOCALES)[number];
export type NotificationChannelName = 'email' | 'in_app';

/** The text of one notification in each language the portal speaks. */
export type LocalizedText = Record<NotificationLocale, { title: string; body: string }>;

export type NotifyTenantInput = {
  tenantId: string;
  /** A stable machine kind, e.g. `usage_alert`, `invoice_overdue`. */
  kind: string;
  text: LocalizedText;
  channels: readonly NotificationChannelName[];
  data?: Prisma.InputJsonValue;
  usageAlertId?: string | null;
  /** Who hears about it (default: the roles that look after billing). */
  roles?: readonly MembershipRole[];
};

export const BILLING_ROLES: readonly MembershipRole[] = ['owner', 'admin', 'billing'];

/** The recipient's own language, else the tenant's; anything else reads English. */
export function notificationLocale(userLocale: string | null | undefined, tenantLocale: string): NotificationLocale {
  for (const candidate of [userLocale, tenantLocale]) {
    if (candidate === 'zh-CN' || candidate === 'en') return candidate;
  }
  return 'en';
}

/** Writes the rows; returns the ids of the email rows the job will send. */
export async function notifyTenant(tx: Tx, input: NotifyTenantInput): Promise<{ inApp: string[]; email: string[] }> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: input.tenantId }, select: { locale: true } });
  const members = await tx.membership.findMany({
    where: { tenantId: input.tenantId, role: { in: [...(input.roles ?? BILLING_ROLES)] }, user: { status: 'active' } },
    select: { user: { select: { id: true, locale: true } } },
    orderBy: { userId: 'asc' },
  });
  const at = now();
  const ids = { inApp: [] as string[], email: [] as string[] };
  const rows: Prisma.NotificationCreateManyInput[] = [];
  for (const { user } of members) {
    const text = input.text[notificationLocale(user.locale, tenant.locale)];
    for (const channel of input.channels) {
      const id = newId('ntf');
      (channel === 'email' ? ids.email : ids.inApp).push(id);
      rows.push({
        tenantId: input.tenantId, id, userId: user.id, channel, kind: input.kind, title: text.title, body: text.body,
        data: input.data, usageAlertId: input.usageAlertId ?? null, createdAt: at,
        // In-app rows are delivered by being written; email rows wait for the job.
        deliveryStatus: channel === 'in_app' ? 'sent' : 'pending', sentAt: channel === 'in_app' ? at : null,
      });
    }
  }
  if (rows.length > 0) await tx.notification.createMany({ data: rows });
  return ids;
}
