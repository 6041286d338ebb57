import { z } from 'zod';
import { now } from '../clock';
import { writeJson } from '../json';
import { TokenBuckets } from '../platform/rate-limit';
import { requestMetaFrom } from '../platform/request-meta';
import { SandboxCardError, tokenizeBankAccount, tokenizeCard, tokenizeWallet } from './sandbox-provider';
import type { TokenizedMethod } from './types';

/**
 * `POST /sandbox/v1/tokens`: the sandbox processor's tokenize endpoint, which the portal's card form
 * posts to directly, the way a processor's browser library posts to the processor (Stripe.js →
 * api.stripe.com). It is the processor's API, not the billing API: the card number and CVC arrive
 * here, are checked and dropped; what leaves is the token and its display facts. Nothing here logs,
 * stores or echoes the request body, and its errors name the field, never the value.
 */

const MAX_BODY_BYTES = 4096;
const digits = (max: number) => z.string().max(max);
const holder = z.string().trim().max(200).optional();

const tokenRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('card'), number: digits(32), exp_month: z.coerce.number().int(), exp_year: z.coerce.number().int(), cvc: digits(8), holder }),
  z.strictObject({ kind: z.enum(['alipay', 'wechat']), account: z.string().max(128), holder }),
  z.strictObject({ kind: z.literal('bank'), bank_name: z.string().max(128), account_number: digits(64), holder: z.string().trim().min(1).max(200) }),
]);

type ErrorCode = 'invalid_number' | 'invalid_expiry' | 'invalid_cvc' | 'invalid_holder' | 'invalid_account' | 'invalid_request' | 'rate_limited';
const FIELD_CODES: Record<SandboxCardError['field'], ErrorCode> = { number: 'invalid_number', exp: 'invalid_expiry', cvc: 'invalid_cvc', holder: 'invalid_holder', account: 'invalid_account' };

/** The processor's error form (Stripe-like): `{error: {type, code, param, message}}`. */
function failure(status: 400 | 413 | 415 | 429, code: ErrorCode, param: string | null, message: string, headers: Record<string, string> = {}): Response {
  const type = code === 'invalid_request' || code === 'rate_limited' ? 'invalid_request_error' : 'card_error';
  return new Response(writeJson({ error: { type, code, param, message } }), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers } });
}

function tokenResponse(method: TokenizedMethod): Response {
  const body = { token: method.token, kind: method.kind, brand: method.brand, last4: method.last4, exp_month: method.expMonth, exp_year: method.expYear, holder: method.holder };
  return new Response(writeJson(body), { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
}

let buckets: TokenBuckets | undefined;

/**
 * Card testing (trying stolen numbers against a tokenizer) is the abuse a tokenize endpoint attracts:
 * a bucket per client address, SANDBOX_TOKENIZE_BURST (20) at once, SANDBOX_TOKENIZE_PER_MINUTE (30).
 */
function rateLimited(ip: string): Response | null {
  buckets ??= new TokenBuckets(Number(process.env.SANDBOX_TOKENIZE_BURST ?? 20), Number(process.env.SANDBOX_TOKENIZE_PER_MINUTE ?? 30));
  const verdict = buckets.take(`tokenize:${ip}`, now().getTime());
  if (verdict.allowed) return null;
  return failure(429, 'rate_limited', null, `Too many tokenize requests; retry in ${verdict.retryAfterSeconds} s.`, { 'retry-after': String(verdict.retryAfterSeconds) });
}

async function readBody(request: Request): Promise<unknown | Response> {
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) return failure(415, 'invalid_request', null, 'Send the request as application/json.');
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return failure(413, 'invalid_request', null, 'The request body is too large.');
  try {
    return JSON.parse(text);
  } catch {
    return failure(400, 'invalid_request', null, 'The request body is not valid JSON.');
  }
}

function tokenize(input: z.output<typeof tokenRequest>): TokenizedMethod {
  switch (input.kind) {
    case 'card': return tokenizeCard({ number: input.number, expMonth: input.exp_month, expYear: input.exp_year, cvc: input.cvc, holder: input.holder });
    case 'bank': return tokenizeBankAccount({ kind: 'bank', bankName: input.bank_name, accountNumber: input.account_number, holder: input.holder });
    default: return tokenizeWallet({ kind: input.kind, account: input.account, holder: input.holder });
  }
}

/** The request field an error points at (the form highlights it). */
function paramOf(field: SandboxCardError['field'], kind: z.output<typeof tokenRequest>['kind']): string {
  if (field === 'exp') return 'exp_month';
  if (field === 'account') return kind === 'bank' ? 'account_number' : 'account';
  return field;
}

export async function handleSandboxTokenize(request: Request): Promise<Response> {
  const limited = rateLimited(requestMetaFrom(request.headers).ip);
  if (limited) return limited;
  const body = await readBody(request);
  if (body instanceof Response) return body;
  const parsed = tokenRequest.safeParse(body);
  if (!parsed.success) {
    // Only the field's path goes back, never its value (a card number may sit in any field).
    const param = parsed.error.issues[0]?.path.join('.') || null;
    return failure(400, 'invalid_request', param, param ? `The field "${param}" is missing or not valid.` : 'The request is not valid.');
  }
  try {
    return tokenResponse(tokenize(parsed.data));
  } catch (error) {
    if (error instanceof SandboxCardError) return failure(400, FIELD_CODES[error.field], paramOf(error.field, parsed.data.kind), error.message);
    // Anything else: a bare 500, and nothing of the request in the log.
    console.error('[sandbox] tokenize failed', (error as Error)?.name ?? 'error');
    return new Response(writeJson({ error: { type: 'api_error', code: 'internal', param: null, message: 'The processor could not tokenize this method.' } }), { status: 500, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
  }
}
