import { AppError } from '../errors';
import { now } from '../clock';

/**
 * Rate limits shared by both transports (REST and tRPC). They live in the server process, so N
 * processes allow N times the rate: a guard against runaway clients and guessing, not a billing
 * meter (usage is metered from the database).
 */

const MAX_KEYS = 100_000;

/** A token bucket per key: `burst` requests at once, refilled at `perMinute`. */
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
    if (this.buckets.size > MAX_KEYS) this.buckets.delete(this.buckets.keys().next().value!);
    return { allowed: true };
  }
}

export function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError('TOO_MANY_REQUESTS', 'RATE_LIMITED', `rate limit exceeded; retry in ${retryAfterSeconds} s`, [{ retry_after_seconds: retryAfterSeconds }]);
}

/** The Retry-After seconds an AppError from `rateLimited` carries, if any. */
export function retryAfterOf(error: AppError): number | undefined {
  if (error.code !== 'TOO_MANY_REQUESTS') return undefined;
  const seconds = (error.details[0] as { retry_after_seconds?: unknown } | undefined)?.retry_after_seconds;
  return typeof seconds === 'number' && seconds > 0 ? seconds : undefined;
}

let requestBuckets: TokenBuckets | undefined;

/**
 * One bucket per caller (API key, session, service credential, or a signed-out client address),
 * shared by REST and tRPC: API_RATE_LIMIT_BURST (120) and API_RATE_LIMIT_PER_MINUTE (1200).
 */
export function enforceRateLimit(callerKey: string): void {
  requestBuckets ??= new TokenBuckets(Number(process.env.API_RATE_LIMIT_BURST ?? 120), Number(process.env.API_RATE_LIMIT_PER_MINUTE ?? 1200));
  const verdict = requestBuckets.take(callerKey, now().getTime());
  if (!verdict.allowed) throw rateLimited(verdict.retryAfterSeconds);
}

/**
 * Counts failures per key in a fixed window: after `limit` failures the key is blocked until
 * the window that saw the first of them ends. Checking is free, so callers check before any
 * expensive or guessable work (a database lookup of a credential) and record only failures.
 */
export class FailureWindows {
  private readonly windows = new Map<string, { failures: number; startedAt: number }>();

  constructor(private readonly limit: number, private readonly windowMs: number) {}

  /** Seconds until `key` may try again, or 0 when it may try now. */
  blockedFor(key: string, nowMs: number): number {
    const window = this.windows.get(key);
    if (!window) return 0;
    const endsAt = window.startedAt + this.windowMs;
    if (endsAt <= nowMs) {
      this.windows.delete(key);
      return 0;
    }
    return window.failures >= this.limit ? Math.max(1, Math.ceil((endsAt - nowMs) / 1000)) : 0;
  }

  recordFailure(key: string, nowMs: number): void {
    const window = this.windows.get(key);
    if (!window || window.startedAt + this.windowMs <= nowMs) {
      this.windows.delete(key);
      this.windows.set(key, { failures: 1, startedAt: nowMs });
      if (this.windows.size > MAX_KEYS) this.windows.delete(this.windows.keys().next().value!);
    } else {
      window.failures += 1;
    }
  }
}
