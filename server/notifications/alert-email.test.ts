import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestTenant } from '@/prisma/seed/factories';
import { prisma } from '../db';
import { now } from '../clock';
import { startSubscription } from '../subscriptions/start-subscription';
import { ingestUsageEvents } from '../usage/ingest';
import { createAlert } from '../alerts/alerts';
import { createAlertInput } from '../alerts/schema';
import { runDueJobs } from '../jobs/run-due';
import { notificationEmail, notificationEmailSweep } from '../jobs/notification-jobs';
import { deliverEmailNotification } from './deliver-email';

type Received = { from: string; to: string[]; raw: string };
const received: Received[] = [];
let server: SMTPServer;
let smtpUrl: string;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) in a header, unfolded. */
function decodeHeader(raw: string, name: string): string {
  const match = new RegExp(`^${name}: ((?:.*)(?:\\r?\\n[ \\t].*)*)`, 'mi').exec(raw);
  if (!match) return '';
  return match[1]!.replace(/\r?\n[ \t]/g, ' ').replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_all, kind: string, text: string) =>
    kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')).trim();
}

/** The text body (single part, base64 as the mailer sends it). */
function decodeBody(raw: string): string {
  const body = raw.slice(raw.search(/\r?\n\r?\n/)).trim();
  return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
}

async function tenantWithAlert(currency: 'CNY' | 'USD') {
  const seeded = await seedTestTenant(currency);
  await startSubscription({ tenantId: seeded.tenant.id, planCode: 'starter', adminUserId: seeded.users.owner.id }, seeded.ownerActor);
  const alert = await createAlert({ ...createAlertInput.parse({ name: currency === 'CNY' ? 'API 调用量告警' : 'API calls alert', resourceType: 'api_calls', thresholdPercent: 80, channels: ['email', 'in_app'] }), tenantId: seeded.tenant.id }, seeded.ownerActor);
  return { seeded, alert };
}

let sequence = 0;
/** Ingests `quantity` API calls now through the real ingest path (which evaluates the alerts). */
async function ingest(tenantId: string, actor: Parameters<typeof ingestUsageEvents>[1], quantity: string) {
  sequence += 1;
  const result = await ingestUsageEvents({ tenantId, apiKeyId: null, events: [{ event_id: `e-${sequence}-${tenantId}`, resource_type: 'api_calls', quantity, timestamp: now().toISOString() }] }, actor);
  expect(result.accepted).toBe(1);
}

const jobs = [notificationEmailSweep, notificationEmail];
const mailsTo = (tenantEmails: string[]) => received.filter((mail) => mail.to.some((to) => tenantEmails.includes(to)));

describe('usage alert email over SMTP', () => {
  it('crossing 80% sends one mail per billing member, in the tenant\'s language (zh-CN), exactly once', async () => {
    process.env.SMTP_URL = smtpUrl;
    const { seeded } = await tenantWithAlert('CNY');
    const emails = [seeded.users.owner.email, seeded.users.admin.email, seeded.users.billing.email];
    await ingest(seeded.tenant.id, seeded.ownerActor, '799999');
    await runDueJobs({ tenantIds: [seeded.tenant.id], jobs });
    expect(mailsTo(emails)).toHaveLength(0);

    await ingest(seeded.tenant.id, seeded.ownerActor, '1');
    await ingest(seeded.tenant.id, seeded.ownerActor, '50000'); // still past 80%: no second firing
    const ran = await runDueJobs({ tenantIds: [seeded.tenant.id], jobs });
    expect(ran.filter((job) => job.name === 'notification-email')).toHaveLength(3);
    const mails = mailsTo(emails);
    expect(mails.map((mail) => mail.to[0]).sort()).toEqual([...emails].sort());
    for (const mail of mails) {
      expect(decodeHeader(mail.raw, 'Subject')).toBe('[Counterfoil] 用量告警：API 调用量告警');
      expect(decodeHeader(mail.raw, 'Content-Language')).toBe('zh-CN');
      const body = decodeBody(mail.raw);
      expect(body).toContain('本周期API 调用用量已达 800,000 次，为 1,000,000 的 80%（告警阈值 80%）。');
      expect(body).toContain(`租户「${seeded.tenant.name}」`);
    }
    // every email row is sent; a second sweep and a direct re-run send nothing more
    const rows = await prisma.notification.findMany({ where: { tenantId: seeded.tenant.id, channel: 'email' } });
    expect(rows.map((row) => row.deliveryStatus)).toEqual(['sent', 'sent', 'sent']);
    expect(await runDueJobs({ tenantIds: [seeded.tenant.id], jobs })).toEqual([]);
    expect(await deliverEmailNotification({ tenantId: seeded.tenant.id, notificationId: rows[0]!.id })).toBe('already_done');
    expect(mailsTo(emails)).toHaveLength(3);
    expect(await prisma.notification.count({ where: { tenantId: seeded.tenant.id, channel: 'in_app', readAt: null } })).toBe(3);
  });

  it('an English tenant gets the mail in English; concurrent sends of one notification deliver it once', async () => {
    process.env.SMTP_URL = smtpUrl;
    const { seeded } = await tenantWithAlert('USD');
    await ingest(seeded.tenant.id, seeded.ownerActor, '900000');
    const owner = await prisma.notification.findFirstOrThrow({ where: { tenantId: seeded.tenant.id, channel: 'email', userId: seeded.users.owner.id } });
    const outcomes = await Promise.all([1, 2, 3].map(() => deliverEmailNotification({ tenantId: seeded.tenant.id, notificationId: owner.id })));
    expect(outcomes.sort()).toEqual(['already_done', 'already_done', 'sent']);
    const mails = mailsTo([seeded.users.owner.email]);
    expect(mails).toHaveLength(1);
    expect(decodeHeader(mails[0]!.raw, 'Subject')).toBe('[Counterfoil] Usage alert: API calls alert');
    expect(decodeBody(mails[0]!.raw)).toContain('API calls usage this period is 900,000, 90% of 1,000,000 (alert at 80%).');
  });

  it('without SMTP_URL the mail is written to the outbox folder under the data dir', async () => {
    delete process.env.SMTP_URL;
    const previous = process.env.COUNTERFOIL_DATA_DIR;
    process.env.COUNTERFOIL_DATA_DIR = mkdtempSync(join(tmpdir(), 'cf-outbox-'));
    try {
      const { seeded } = await tenantWithAlert('CNY');
      await ingest(seeded.tenant.id, seeded.ownerActor, '800000');
      const before = received.length;
      await runDueJobs({ tenantIds: [seeded.tenant.id], jobs });
      expect(received.length).toBe(before);
      const files = readdirSync(join(process.env.COUNTERFOIL_DATA_DIR, 'outbox'));
      expect(files).toHaveLength(3);
      const raw = readFileSync(join(process.env.COUNTERFOIL_DATA_DIR, 'outbox', files[0]!), 'utf8');
      expect(decodeHeader(raw, 'Subject')).toBe('[Counterfoil] 用量告警：API 调用量告警');
      expect(decodeBody(raw)).toContain('800,000');
    } finally {
      if (previous === undefined) delete process.env.COUNTERFOIL_DATA_DIR;
      else process.env.COUNTERFOIL_DATA_DIR = previous;
    }
  });
});
