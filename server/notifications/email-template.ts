import type { NotificationLocale } from './notify';

type Parts = { title: string; body: string; tenantName: string };

/** The email around a notification's title and body, in the recipient's language (zh-CN or en). */
const TEMPLATES: Record<NotificationLocale, (parts: Parts) => { subject: string; text: string }> = {
  'zh-CN': ({ title, body, tenantName }) => ({
    subject: `[Counterfoil] ${title}`,
    text: `${body}\n\n——\n您收到此邮件，是因为您负责租户「${tenantName}」的账单与用量。可在控制台的「通知」页面查看全部通知，在「用量告警」页面调整告警。\n`,
  }),
  en: ({ title, body, tenantName }) => ({
    subject: `[Counterfoil] ${title}`,
    text: `${body}\n\n--\nYou receive this because you look after billing and usage for the tenant "${tenantName}". See every notification on the portal's Notifications page; change alerts on its Usage alerts page.\n`,
  }),
};

export function emailText(locale: NotificationLocale, parts: Parts) {
  return TEMPLATES[locale](parts);
}
