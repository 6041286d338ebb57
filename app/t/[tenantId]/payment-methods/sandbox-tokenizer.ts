/**
 * The sandbox processor's "browser library": posts card or account details straight to the
 * processor's tokenize endpoint (POST /sandbox/v1/tokens, not the billing API) and hands back only
 * the token. A real provider's SDK (Stripe.js, Alipay's) takes this file's place.
 */
export type TokenizeRequest =
  | { kind: 'card'; number: string; exp_month: number; exp_year: number; cvc: string; holder?: string }
  | { kind: 'alipay' | 'wechat'; account: string; holder?: string }
  | { kind: 'bank'; bank_name: string; account_number: string; holder: string };

export type TokenizeErrorCode = 'invalid_number' | 'invalid_expiry' | 'invalid_cvc' | 'invalid_account' | 'invalid_holder' | 'invalid_request' | 'rate_limited' | 'network';
export type TokenizeResult =
  | { ok: true; token: string }
  | { ok: false; code: TokenizeErrorCode; param: string | null };

const KNOWN: readonly TokenizeErrorCode[] = ['invalid_number', 'invalid_expiry', 'invalid_cvc', 'invalid_account', 'invalid_holder', 'invalid_request', 'rate_limited'];

export async function tokenize(request: TokenizeRequest): Promise<TokenizeResult> {
  let response: Response;
  try {
    response = await fetch('/sandbox/v1/tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request), credentials: 'omit', cache: 'no-store' });
  } catch {
    return { ok: false, code: 'network', param: null };
  }
  const body = (await response.json().catch(() => null)) as { token?: string; error?: { code?: string; param?: string | null } } | null;
  if (response.ok && body?.token) return { ok: true, token: body.token };
  const code = KNOWN.find((known) => known === body?.error?.code) ?? 'network';
  return { ok: false, code, param: body?.error?.param ?? null };
}
