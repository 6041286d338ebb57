import { afterEach, describe, expect, it } from 'vitest';
import { setClock, useSystemClock } from '../clock';
import { money } from '../money';
import { paymentProvider } from './provider';
import { SandboxCardError, expiryInFuture, luhnValid, tokenizeBankAccount, tokenizeCard, tokenizeWallet } from './sandbox-provider';

const NOW = new Date('2026-12-02T08:00:00Z');
const card = (number: string, overrides: Partial<{ expMonth: number; expYear: number; cvc: string }> = {}) =>
  tokenizeCard({ number, expMonth: 12, expYear: 2028, cvc: '123', holder: ' Li Lei ', ...overrides });
const fieldOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof SandboxCardError) return error.field;
    throw error;
  }
  return null;
};
const charge = (token: string, key = 'inv-1:1') => paymentProvider('sandbox').charge({ token, amount: money('12.34'), currency: 'CNY', idempotencyKey: key, description: 'test' });

describe('sandbox processor', () => {
  afterEach(() => useSystemClock());

  it('checks Luhn', () => {
    for (const valid of ['4242424242424242', '4000000000000002', '4000000000009995', '5555555555554444', '378282246310005', '6200000000000005']) expect(luhnValid(valid), valid).toBe(true);
    for (const invalid of ['4242424242424241', '1234567812345678', '']) expect(luhnValid(invalid), invalid).toBe(false);
  });

  it('tokenizes a test card: brand, last4, expiry and holder travel; the number and CVC do not', () => {
    setClock(NOW);
    const method = card('4242 4242-4242 4242', { cvc: '987' });
    expect(method).toMatchObject({ kind: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2028, holder: 'Li Lei' });
    const payload = Buffer.from(method.token.slice('tok_sbx_'.length).split('.')[0]!, 'base64url').toString('utf8');
    expect(method.token + payload).not.toContain('4242424242424242');
    expect(method.token + payload).not.toContain('987');
    expect(card('4242424242424242').token).not.toBe(method.token); // a fresh token each time, as processors issue
    expect(card('378282246310005', { cvc: '1234' }).brand).toBe('amex');
    expect(card('4242424242424242', { expYear: 28 }).expYear).toBe(2028);
  });

  it('refuses a bad number, a past or impossible expiry and a bad CVC, naming the field', () => {
    setClock(NOW);
    expect(fieldOf(() => card('4242424242424241'))).toBe('number');
    expect(fieldOf(() => card('4242'))).toBe('number');
    expect(fieldOf(() => card('4242424242424242', { expMonth: 11, expYear: 2026 }))).toBe('exp');
    expect(fieldOf(() => card('4242424242424242', { expMonth: 13 }))).toBe('exp');
    expect(fieldOf(() => card('4242424242424242', { expMonth: 12, expYear: 2026 }))).toBeNull(); // the current month still counts
    expect(fieldOf(() => card('4242424242424242', { cvc: '12' }))).toBe('cvc');
    expect(fieldOf(() => card('378282246310005', { cvc: '123' }))).toBe('cvc'); // amex takes four digits
    expect(expiryInFuture(1, 2027, NOW)).toBe(true);
    expect(expiryInFuture(0, 2027, NOW)).toBe(false);
  });

  it('charges as the test cards say: 4242 succeeds, …0002 is declined, …9995 lacks funds; idempotent by key', async () => {
    setClock(NOW);
    const ok = await charge(card('4242424242424242').token);
    expect(ok).toMatchObject({ status: 'succeeded' });
    expect(await charge(card('4242424242424242').token)).toEqual(ok); // same key, same charge id
    expect(await charge(card('4242424242424242').token, 'inv-1:2')).not.toEqual(ok);
    expect(await charge(card('4000000000000002').token)).toMatchObject({ status: 'failed', code: 'card_declined' });
    expect(await charge(card('4000000000009995').token)).toMatchObject({ status: 'failed', code: 'insufficient_funds' });
    expect(await charge(tokenizeWallet({ kind: 'alipay', account: 'lilei@example.cn' }).token)).toMatchObject({ status: 'succeeded' });
    expect(await charge(tokenizeBankAccount({ kind: 'bank', bankName: 'ICBC', accountNumber: '6222 0202 0011 2233', holder: 'Acme' }).token)).toMatchObject({ status: 'failed', code: 'requires_manual_settlement' });
  });

  it('a card that expired since it was tokenized is refused at charge time', async () => {
    setClock(NOW);
    const token = card('4242424242424242', { expMonth: 1, expYear: 2027 }).token;
    setClock(new Date('2027-02-01T00:00:00Z'));
    expect(await charge(token)).toMatchObject({ status: 'failed', code: 'expired_card' });
  });

  it('refuses a tampered or foreign token (describe null, charge invalid_token)', async () => {
    setClock(NOW);
    const token = card('4000000000000002').token;
    const [body, mac] = token.slice('tok_sbx_'.length).split('.');
    // Flip the outcome class inside the payload: the signature no longer matches.
    const forged = Buffer.from(Buffer.from(body!, 'base64url').toString('utf8').replace('"o":"declined"', '"o":"ok"')).toString('base64url');
    const provider = paymentProvider('sandbox');
    for (const bad of [`tok_sbx_${forged}.${mac}`, `tok_sbx_${body}.${mac!.slice(0, -1)}x`, 'tok_stripe_abc', `tok_sbx_${body}`]) {
      expect(await provider.describe(bad), bad).toBeNull();
      expect(await charge(bad), bad).toMatchObject({ status: 'failed', code: 'invalid_token' });
    }
    expect(await provider.describe(token)).toMatchObject({ last4: '0002', brand: 'visa' });
  });

  it('refunds a sandbox charge idempotently and refuses a foreign charge id', async () => {
    const provider = paymentProvider('sandbox');
    const refund = await provider.refund({ chargeId: 'ch_sbx_abc', amount: money('1.00'), currency: 'CNY', idempotencyKey: 'r1' });
    expect(refund).toMatchObject({ status: 'succeeded' });
    expect(await provider.refund({ chargeId: 'ch_sbx_abc', amount: money('1.00'), currency: 'CNY', idempotencyKey: 'r1' })).toEqual(refund);
    expect(await provider.refund({ chargeId: 'ch_other', amount: money('1.00'), currency: 'CNY', idempotencyKey: 'r2' })).toMatchObject({ status: 'failed', code: 'invalid_token' });
    expect(() => paymentProvider('nope')).toThrow(/unknown payment provider/);
  });

  it('wallets and bank accounts: validated, bank is settled by finance', () => {
    expect(fieldOf(() => tokenizeWallet({ kind: 'wechat', account: 'ab' }))).toBe('account');
    expect(fieldOf(() => tokenizeBankAccount({ kind: 'bank', bankName: 'ICBC', accountNumber: '12ab', holder: 'X' }))).toBe('account');
    expect(fieldOf(() => tokenizeBankAccount({ kind: 'bank', bankName: 'ICBC', accountNumber: '62220202', holder: ' ' }))).toBe('holder');
    expect(tokenizeBankAccount({ kind: 'bank', bankName: 'ICBC', accountNumber: '6222020200112233', holder: 'Acme' })).toMatchObject({ kind: 'bank', brand: 'ICBC', last4: '2233' });
  });
});
