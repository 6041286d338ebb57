import { afterEach, describe, expect, it, vi } from 'vitest';
import { POST } from '@/app/sandbox/v1/tokens/route';
import { GET as unknownSandboxPath } from '@/app/sandbox/[...unknown]/route';
import { edgeHeaders } from '@/test/harness';
import { paymentProvider } from './provider';

const YEAR = new Date().getUTCFullYear() + 2;
let address = 0;
/** Each test posts from its own client address, so the tokenize buckets never mix. */
const freshIp = () => `10.77.${Math.floor(++address / 250)}.${address % 250}`;

function post(body: unknown, ip = freshIp(), contentType = 'application/json') {
  return POST(new Request('http://localhost/sandbox/v1/tokens', {
    method: 'POST', headers: { ...edgeHeaders(ip), 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body),
  }));
}

describe('POST /sandbox/v1/tokens', () => {
  afterEach(() => vi.restoreAllMocks());

  it('returns a token with brand, last4 and expiry; the token describes the same card', async () => {
    const response = await post({ kind: 'card', number: '4242 4242 4242 4242', exp_month: 12, exp_year: YEAR, cvc: '123', holder: 'Li Lei' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    const body = JSON.parse(text);
    expect(Object.keys(body).sort()).toEqual(['brand', 'exp_month', 'exp_year', 'holder', 'kind', 'last4', 'token']);
    expect(body).toMatchObject({ kind: 'card', brand: 'visa', last4: '4242', exp_month: 12, exp_year: YEAR, holder: 'Li Lei' });
    expect(text).not.toContain('4242424242424242');
    expect(await paymentProvider('sandbox').describe(body.token)).toMatchObject({ last4: '4242', kind: 'card' });
  });

  it('tokenizes Alipay, WeChat Pay and bank accounts', async () => {
    expect(await (await post({ kind: 'alipay', account: 'lilei@example.cn' })).json()).toMatchObject({ kind: 'alipay', last4: 'e.cn' });
    expect(await (await post({ kind: 'wechat', account: 'wxid_lilei01' })).json()).toMatchObject({ kind: 'wechat', last4: 'ei01' });
    expect(await (await post({ kind: 'bank', bank_name: 'ICBC', account_number: '6222020200112233', holder: 'Acme Ltd' })).json()).toMatchObject({ kind: 'bank', brand: 'ICBC', last4: '2233' });
  });

  it('answers clear field errors (Luhn, expiry, CVC) that never echo the number or CVC, and logs nothing', async () => {
    const log = vi.spyOn(console, 'log');
    const error = vi.spyOn(console, 'error');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ number: '4242424242424241' }, 'invalid_number', 'number'],
      [{ exp_month: 1, exp_year: 2020 }, 'invalid_expiry', 'exp_month'],
      [{ exp_month: 13 }, 'invalid_expiry', 'exp_month'],
      [{ cvc: '98' }, 'invalid_cvc', 'cvc'],
    ];
    for (const [override, code, param] of cases) {
      const response = await post({ kind: 'card', number: '4242424242424242', exp_month: 12, exp_year: YEAR, cvc: '987', ...override });
      expect(response.status, code).toBe(400);
      const text = await response.text();
      expect(JSON.parse(text).error, code).toMatchObject({ type: 'card_error', code, param });
      expect(text).not.toMatch(/424242424242424[12]|987|"98"/);
    }
    expect(log).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it('refuses malformed requests with 400/415, naming only the field', async () => {
    const missing = await post({ kind: 'card', number: '4242424242424242', exp_month: 12, exp_year: YEAR });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toMatchObject({ code: 'invalid_request', param: 'cvc' });
    const extra = await post({ kind: 'card', number: '4242424242424242', exp_month: 12, exp_year: YEAR, cvc: '123', tenant: 'x' });
    expect(extra.status).toBe(400);
    expect((await post({ kind: 'paypal', account: 'x' })).status).toBe(400);
    expect((await post('{"kind":')).status).toBe(400);
    expect((await post('kind=card&number=4242424242424242', freshIp(), 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await post({ kind: 'card', number: '4'.repeat(5000), exp_month: 1, exp_year: YEAR, cvc: '1' })).status).toBe(413);
  });

  it('rate-limits per client address with 429 and Retry-After', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await post({ kind: 'wechat', account: 'wxid_rate' }, ip)).status);
    expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
    const limited = await post({ kind: 'wechat', account: 'wxid_rate' }, ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await post({ kind: 'wechat', account: 'wxid_rate' })).status).toBe(200); // another address is not affected
  });

  it('an unknown sandbox path is a JSON 404', async () => {
    const response = await unknownSandboxPath(new Request('http://localhost/sandbox/v1/nothing', { headers: edgeHeaders('10.77.200.1') }));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
  });
});
