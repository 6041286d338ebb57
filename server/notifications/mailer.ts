/**
 * Outgoing mail with nodemailer: over SMTP when `SMTP_URL` is set (e.g. `smtp://user:pass@host:587`,
 * `smtps://…`), else written as an .eml file to `<data dir>/outbox/` and logged, so development and
 * the demo never need a mail server and nothing is silently dropped.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { dataDir } from '../platform/runtime-config';

export type OutgoingMail = {
  /** Our notification id: the Message-ID's local part, so a re-sent copy can be recognised as the same mail. */
  id: string;
  to: string;
  subject: string;
  text: string;
  /** BCP 47 language of the text (Content-Language). */
  language: string;
};

export type SentMail = { via: 'smtp' | 'outbox'; messageId: string; path?: string };

const DEFAULT_FROM = 'Counterfoil <no-reply@counterfoil.local>';
const transports = new Map<string, Transporter>();

function smtpTransport(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

function message(mail: OutgoingMail) {
  const messageId = `<${mail.id}@counterfoil.local>`;
  return {
    messageId,
    envelope: undefined,
    options: {
      from: process.env.MAIL_FROM ?? DEFAULT_FROM, to: mail.to, subject: mail.subject, text: mail.text, messageId,
      // Base64 keeps Chinese text intact through any relay; the header tells clients the language.
      textEncoding: 'base64' as const, headers: { 'Content-Language': mail.language },
    },
  };
}

/** Writes the mail the way it would leave over SMTP (RFC 5322 bytes) into the outbox folder. */
async function writeToOutbox(mail: OutgoingMail): Promise<SentMail> {
  const { messageId, options } = message(mail);
  const built = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }).sendMail(options);
  const folder = join(dataDir(), 'outbox');
  await mkdir(folder, { recursive: true });
  const path = join(folder, `${mail.id}.eml`);
  await writeFile(path, built.message as Buffer);
  console.info(`[mail] SMTP_URL is not set: wrote "${mail.subject}" for ${mail.to} to ${path}`);
  return { via: 'outbox', messageId, path };
}

export async function sendMail(mail: OutgoingMail): Promise<SentMail> {
  const url = process.env.SMTP_URL;
  if (!url) return writeToOutbox(mail);
  const { messageId, options } = message(mail);
  await smtpTransport(url).sendMail(options);
  return { via: 'smtp', messageId };
}

/** A refusal the server will repeat (5xx): retrying cannot help. */
export function isPermanentMailFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
