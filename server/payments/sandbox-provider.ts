import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { now } from '../clock';
import { authSecret } from '../platform/runtime-config';
import type { ChargeInput, ChargeResult, PaymentKind, PaymentProvider, RefundInput, RefundResult, TokenizedMethod } from './types';

/**
 * The built-in sandbox processor, behaving like a card processor in test mode:
 *   4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined,
 *   4000 0000 0000 9995 fails for insufficient funds; any other Luhn-valid number succeeds.
 * Its tokens are self-contained and signed (HMAC with the server's auth secret), the way a
 * processor's vault reference is opaque to the merchant: the number and CVC are checked here
 * and then dropped; only the outcome class, brand, last4, expiry and holder travel in the token.
 */
type Outcome = 'ok' | 'declined' | 'insufficient_funds' | 'manual';
type TokenPayload = { k: PaymentKind; b: string | null; l: string | null; m: number | null; y: number | null; h: string | null; o: Outcome; n: string };

const TOKEN_PREFIX = 'tok_sbx_';

export class SandboxCardError extends Error {
  constructor(readonly field: 'number' | 'exp' | 'cvc' | 'holder' | 'account', message: string) {
    super(message);
  }
}

export type SandboxCardInput = { number: string; expMonth: number; expYear: number; cvc: string; holder?: string | null };
export type SandboxWalletInput = { kind: 'alipay' | 'wechat'; account: string; holder?: string | null };
export type SandboxBankInput = { kind: 'bank'; bankName: string; accountNumber: string; holder: string };

export function luhnValid(digits: string): boolean {
  let total = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    total += digit;
  }
  return digits.length > 0 && total % 10 === 0;
}

function brandOf(digits: string): string {
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^62/.test(digits)) return 'unionpay';
  if (/^35/.test(digits)) return 'jcb';
  return 'unknown';
}

/** The sandbox's test cards, as a processor documents them: any other valid card succeeds. */
export const SANDBOX_TEST_CARDS = { succeeds: '4242424242424242', declined: '4000000000000002', insufficientFunds: '4000000000009995' } as const;

function outcomeOf(digits: string): Outcome {
  if (digits === SANDBOX_TEST_CARDS.declined) return 'declined';
  if (digits === SANDBOX_TEST_CARDS.insufficientFunds) return 'insufficient_funds';
  return 'ok';
}

/** True when month/year is the current month or later on the injected clock. */
export function expiryInFuture(expMonth: number, expYear: number, at = now()): boolean {
  if (!Number.isInteger(expMonth) || expMonth < 1 || expMonth > 12 || !Number.isInteger(expYear)) return false;
  const year = expYear < 100 ? 2000 + expYear : expYear;
  return year * 12 + expMonth >= at.getUTCFullYear() * 12 + at.getUTCMonth() + 1;
}

function sign(body: string): string {
  return createHmac('sha256', `sandbox-token:${authSecret()}`).update(body).digest('base64url');
}

function encode(payload: TokenPayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${TOKEN_PREFIX}${body}.${sign(body)}`;
}

function decode(token: string): TokenPayload | null {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [body, mac] = token.slice(TOKEN_PREFIX.length).split('.');
  if (!body || !mac) return null;
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload;
  } catch {
    return null;
  }
}

/** Checks a card as a processor would and returns its token; the number and CVC go no further. */
export function tokenizeCard(input: SandboxCardInput): TokenizedMethod {
  const digits = input.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) throw new SandboxCardError('number', 'The card number is not valid.');
  if (!expiryInFuture(input.expMonth, input.expYear)) throw new SandboxCardError('exp', 'The card has expired or the expiry date is not valid.');
  const brand = brandOf(digits);
  if (!(brand === 'amex' ? /^\d{4}$/ : /^\d{3}$/).test(input.cvc)) throw new SandboxCardError('cvc', 'The security code is not valid.');
  const expYear = input.expYear < 100 ? 2000 + input.expYear : input.expYear;
  const payload: TokenPayload = {
    k: 'card', b: brand, l: digits.slice(-4), m: input.expMonth, y: expYear, h: input.holder?.trim() || null, o: outcomeOf(digits), n: randomBytes(9).toString('base64url'),
  };
  return toMethod(encode(payload), payload);
}

/** Alipay / WeChat Pay: the sandbox authorizes the account at once (as their test wallets do). */
export function tokenizeWallet(input: SandboxWalletInput): TokenizedMethod {
  const account = input.account.trim();
  if (account.length < 4 || account.length > 64) throw new SandboxCardError('account', 'The account is not valid.');
  const payload: TokenPayload = { k: input.kind, b: input.kind, l: account.slice(-4), m: null, y: null, h: input.holder?.trim() || null, o: 'ok', n: randomBytes(9).toString('base64url') };
  return toMethod(encode(payload), payload);
}

/** Bank transfer: never charged automatically; finance staff settle it when the money arrives. */
export function tokenizeBankAccount(input: SandboxBankInput): TokenizedMethod {
  const digits = input.accountNumber.replace(/[\s-]/g, '');
  if (!/^\d{6,34}$/.test(digits)) throw new SandboxCardError('account', 'The bank account number is not valid.');
  if (!input.holder.trim()) throw new SandboxCardError('holder', 'The account holder is required.');
  const payload: TokenPayload = { k: 'bank', b: input.bankName.trim().slice(0, 64) || 'bank', l: digits.slice(-4), m: null, y: null, h: input.holder.trim(), o: 'manual', n: randomBytes(9).toString('base64url') };
  return toMethod(encode(payload), payload);
}

function toMethod(token: string, p: TokenPayload): TokenizedMethod {
  return { token, kind: p.k, brand: p.b, last4: p.l, expMonth: p.m, expYear: p.y, holder: p.h };
}

/** Deterministic per idempotency key: a retried request gets the same charge (as processors do). */
function idFor(prefix: string, key: string): string {
  return `${prefix}${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
}

async function charge(input: ChargeInput): Promise<ChargeResult> {
  const payload = decode(input.token);
  if (!payload) return { status: 'failed', code: 'invalid_token', message: 'No such payment method at the processor.' };
  if (!input.amount.isFinite() || input.amount.lte(0)) return { status: 'failed', code: 'processing_error', message: 'The amount must be positive.' };
  if (payload.o === 'manual') return { status: 'failed', code: 'requires_manual_settlement', message: 'Bank transfers are settled by finance when the money arrives.' };
  if (payload.k === 'card' && !expiryInFuture(payload.m ?? 0, payload.y ?? 0)) return { status: 'failed', code: 'expired_card', message: 'The card has expired.' };
  if (payload.o === 'declined') return { status: 'failed', code: 'card_declined', message: 'Your card was declined.' };
  if (payload.o === 'insufficient_funds') return { status: 'failed', code: 'insufficient_funds', message: 'Your card has insufficient funds.' };
  return { status: 'succeeded', chargeId: idFor('ch_sbx_', input.idempotencyKey), message: 'Approved.' };
}

async function refund(input: RefundInput): Promise<RefundResult> {
  if (!input.chargeId.startsWith('ch_sbx_')) return { status: 'failed', code: 'invalid_token', message: 'No such charge at the processor.' };
  if (!input.amount.isFinite() || input.amount.lte(0)) return { status: 'failed', code: 'processing_error', message: 'The amount must be positive.' };
  return { status: 'succeeded', refundId: idFor('re_sbx_', input.idempotencyKey), message: 'Refunded.' };
}

export const sandboxProvider: PaymentProvider = {
  name: 'sandbox',
  charge,
  refund,
  describe: async (token) => {
    const payload = decode(token);
    return payload ? toMethod(token, payload) : null;
  },
};
