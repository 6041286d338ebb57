import { prisma, type Tx } from '../db';
import { now } from '../clock';

/**
 * Sign-in throttling, decided before a password is ever verified.
 *
 * - Per (email, address): the first `freeFailures` failures in the window cost nothing; after
 *   that each further attempt must wait `backoffBaseSeconds · 2^(failures − freeFailures)` since
 *   the last failure, capped at `backoffCapMinutes`. A successful sign-in from that address
 *   starts the count again.
 * - Per address, across emails: at most `perIp` failures in the window (password spraying).
 * - Never per email alone: someone else's failures, from other addresses, cannot lock the owner
 *   out of an address they have not failed from.
 *
 * Deciding and reserving happen in one transaction holding an advisory lock on the address
 * (every row either limit counts carries that address), so concurrent attempts are counted one
 * after another: the reservation row is written as a failure, and turned into a success only once
 * the password checked out. An attempt that crashes in between therefore counts as a failure.
 */
export const LOGIN_LIMITS = {
  windowMinutes: 15,
  freeFailures: 5,
  backoffBaseSeconds: 30,
  backoffCapMinutes: 15,
  perIp: 30,
} as const;

const WINDOW_MS = LOGIN_LIMITS.windowMinutes * 60_000;
const BACKOFF_CAP_MS = LOGIN_LIMITS.backoffCapMinutes * 60_000;

export type LoginAttemptDecision =
  | { allowed: true; attemptId: string }
  | { allowed: false; reason: 'backoff' | 'ip_limit'; retryAfterSeconds: number };

/** How long after the last failure the next attempt must wait, given `failures` in the window. */
export function backoffMs(failures: number): number {
  if (failures < LOGIN_LIMITS.freeFailures) return 0;
  const exponent = Math.min(failures - LOGIN_LIMITS.freeFailures, 30);
  return Math.min(LOGIN_LIMITS.backoffBaseSeconds * 1000 * 2 ** exponent, BACKOFF_CAP_MS);
}

/** Prefix of the advisory-lock key (a hash of it and the address), apart from the migration runner's lock. */
const LOCK_NAMESPACE = 'counterfoil.login-throttle.ip:';

async function decide(tx: Tx, email: string, ip: string): Promise<LoginAttemptDecision> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${LOCK_NAMESPACE + ip}, 0))::text AS locked`;
  const at = now();
  const since = new Date(at.getTime() - WINDOW_MS);

  const [ipFailures] = await tx.$queryRaw<{ failures: bigint; oldest: Date | null }[]>`
    SELECT count(*) AS failures, min(created_at) AS oldest
    FROM login_attempts
    WHERE ip = ${ip} AND NOT succeeded AND created_at > ${since}`;
  if (Number(ipFailures?.failures ?? 0) >= LOGIN_LIMITS.perIp) {
    const freesAt = (ipFailures?.oldest?.getTime() ?? at.getTime()) + WINDOW_MS;
    return { allowed: false, reason: 'ip_limit', retryAfterSeconds: Math.max(1, Math.ceil((freesAt - at.getTime()) / 1000)) };
  }

  const [pair] = await tx.$queryRaw<{ failures: bigint; last: Date | null }[]>`
    SELECT count(*) AS failures, max(created_at) AS last
    FROM login_attempts
    WHERE email = ${email} AND ip = ${ip} AND NOT succeeded AND created_at > ${since}
      AND created_at > coalesce(
        (SELECT max(created_at) FROM login_attempts WHERE email = ${email} AND ip = ${ip} AND succeeded AND created_at > ${since}),
        '-infinity'::timestamptz)`;
  const failures = Number(pair?.failures ?? 0);
  const wait = backoffMs(failures);
  if (wait > 0 && pair?.last) {
    const allowedAt = pair.last.getTime() + wait;
    if (at.getTime() < allowedAt) {
      return { allowed: false, reason: 'backoff', retryAfterSeconds: Math.max(1, Math.ceil((allowedAt - at.getTime()) / 1000)) };
    }
  }

  const reservation = await tx.loginAttempt.create({ data: { email, ip, succeeded: false, createdAt: at }, select: { id: true } });
  return { allowed: true, attemptId: reservation.id };
}

/**
 * Decides whether this attempt may check a password and, if so, reserves it (counted as a
 * failure until `recordLoginOutcome` says otherwise). Refusals are not recorded.
 */
export async function beginLoginAttempt(email: string, ip: string): Promise<LoginAttemptDecision> {
  return prisma.$transaction((tx) => decide(tx, email, ip), { maxWait: 10_000, timeout: 10_000 });
}

/** Records how a reserved attempt ended; only a success changes the row. */
export async function recordLoginOutcome(attemptId: string, succeeded: boolean): Promise<void> {
  if (!succeeded) return;
  await prisma.loginAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
}
