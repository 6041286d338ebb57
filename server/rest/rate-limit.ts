import { AppError } from '../errors';
import { now } from '../clock';

/**
 * A token bucket per credential: `burst` requests at once, refilled at `perMinute`. It lives in
 * the server process, so N processes allow N times the rate: a guard against runaway clients,
 * not a billing meter (usage is metered from the database).
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(private readonly burst: number, private readonly perMinute: number) {}

  /** Takes one token; returns how many seconds to wait when there is none. */
  take(key: string, nowMs: number): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, updatedAt: nowMs };
    const refilled = Math.min(this.burst, bucket.tokens + ((nowMs - bucket.updatedAt) / 60_000) * this.perMinute);
    if (refilled < 1) {
      this.buckets.set(key, { tokens: refilled, updatedAt: nowMs });
      return { allowed: false, retryAfterSeconds: Math.ceil(((1 - refilled) * 60) / this.perMinute) };
    }
    this.buckets.set(key, { tokens: refilled - 1, updatedAt: nowMs });
    if (this.buckets.size > 100_000) this.buckets.delete(this.buckets.keys().next().value!);
    return { allowed: true };
  }
}

let apiBuckets: TokenBuckets | undefined;

/** Limits per API key or session: API_RATE_LIMIT_BURST (120) and API_RATE_LIMIT_PER_MINUTE (1200). */
export function enforceRateLimit(credentialKey: string): void {
  apiBuckets ??= new TokenBuckets(Number(process.env.API_RATE_LIMIT_BURST ?? 120), Number(process.env.API_RATE_LIMIT_PER_MINUTE ?? 1200));
  const verdict = apiBuckets.take(credentialKey, now().getTime());
  if (!verdict.allowed) {
    throw new AppError('TOO_MANY_REQUESTS', 'RATE_LIMITED', `rate limit exceeded; retry in ${verdict.retryAfterSeconds} s`, [{ retry_after_seconds: verdict.retryAfterSeconds }]);
  }
}
