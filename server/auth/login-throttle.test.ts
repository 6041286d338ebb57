import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD, seedUser, uniqueSuffix } from '../../prisma/seed/factories';
import { advanceClock, setClock, useSystemClock } from '../clock';
import { prisma } from '../db';
import { authorizeCredentials, TooManyAttempts } from './credentials';
import { backoffMs, beginLoginAttempt, LOGIN_LIMITS, recordLoginOutcome } from './login-throttle';
import * as password from './password';

// Counts real password verifications, to show refused attempts never reach one.
vi.mock('./password', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./password')>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

const SECOND = 1000;
const MINUTE = 60_000;

afterEach(() => {
  useSystemClock();
  vi.mocked(password.verifyPassword).mockClear();
});

/** A random client address, so the per-address limit never sees other tests' attempts. */
function randomIp(): string {
  const octet = () => Math.floor(Math.random() * 254) + 1;
  return `10.${octet()}.${octet()}.${octet()}`;
}

const email = (label: string) => `${label}-${uniqueSuffix()}@throttle.test`;

/** One attempt that ends in a failure, as the sign-in flow records it; returns the decision. */
async function fail(address: string, ip: string) {
  const decision = await beginLoginAttempt(address, ip);
  if (decision.allowed) await recordLoginOutcome(decision.attemptId, false);
  return decision;
}

async function succeed(address: string, ip: string) {
  const decision = await beginLoginAttempt(address, ip);
  if (decision.allowed) await recordLoginOutcome(decision.attemptId, true);
  return decision;
}

const client = (ip: string) => ({ ip, userAgent: 'vitest' });

describe('backoff per (email, address)', () => {
  it('grows exponentially after the free failures and is capped', () => {
    const free = LOGIN_LIMITS.freeFailures;
    for (let failures = 0; failures < free; failures++) expect(backoffMs(failures)).toBe(0);
    const base = LOGIN_LIMITS.backoffBaseSeconds * SECOND;
    expect(backoffMs(free)).toBe(base);
    expect(backoffMs(free + 1)).toBe(2 * base);
    expect(backoffMs(free + 2)).toBe(4 * base);
    expect(backoffMs(free + 3)).toBe(8 * base);
    expect(backoffMs(free + 50)).toBe(LOGIN_LIMITS.backoffCapMinutes * MINUTE);
    expect(backoffMs(free + 5000)).toBe(LOGIN_LIMITS.backoffCapMinutes * MINUTE);
  });

  it(`lets ${LOGIN_LIMITS.freeFailures} failures through, then makes each further attempt wait longer`, async () => {
    setClock(new Date('2026-03-15T10:00:00Z'));
    const ip = randomIp();
    const victim = email('backoff');
    for (let i = 0; i < LOGIN_LIMITS.freeFailures; i++) expect((await fail(victim, ip)).allowed).toBe(true);
    const base = LOGIN_LIMITS.backoffBaseSeconds;
    expect(await beginLoginAttempt(victim, ip)).toEqual({ allowed: false, reason: 'backoff', retryAfterSeconds: base });
    advanceClock(base * SECOND - 1);
    expect((await beginLoginAttempt(victim, ip)).allowed).toBe(false);
    advanceClock(1);
    expect((await fail(victim, ip)).allowed).toBe(true); // the 6th failure, after waiting
    // Now twice as long, counted from that failure.
    expect(await beginLoginAttempt(victim, ip)).toEqual({ allowed: false, reason: 'backoff', retryAfterSeconds: 2 * base });
    advanceClock(2 * base * SECOND - 1);
    expect((await beginLoginAttempt(victim, ip)).allowed).toBe(false);
    advanceClock(1);
    expect((await fail(victim, ip)).allowed).toBe(true);
    expect(await beginLoginAttempt(victim, ip)).toMatchObject({ allowed: false, retryAfterSeconds: 4 * base });
    // Refused attempts were not recorded: only the 7 that were allowed exist.
    expect(await prisma.loginAttempt.count({ where: { email: victim, ip } })).toBe(LOGIN_LIMITS.freeFailures + 2);
    // Another email from the same address is not affected.
    expect((await beginLoginAttempt(email('bystander'), ip)).allowed).toBe(true);
  });

  it('never waits longer than the cap', async () => {
    setClock(new Date('2026-03-15T10:00:00Z'));
    const ip = randomIp();
    const victim = email('cap');
    const start = Date.parse('2026-03-15T09:59:00Z');
    await prisma.loginAttempt.createMany({
      data: Array.from({ length: 20 }, (_, i) => ({ email: victim, ip, succeeded: false, createdAt: new Date(start + i * SECOND) })),
    });
    const refused = await beginLoginAttempt(victim, ip);
    expect(refused).toMatchObject({ allowed: false, reason: 'backoff' });
    const lastFailure = start + 19 * SECOND;
    const waitSeconds = LOGIN_LIMITS.backoffCapMinutes * 60 - (Date.parse('2026-03-15T10:00:00Z') - lastFailure) / SECOND;
    expect(refused.allowed === false && refused.retryAfterSeconds).toBe(waitSeconds);
    advanceClock(waitSeconds * SECOND);
    expect((await beginLoginAttempt(victim, ip)).allowed).toBe(true);
  });

  it('forgets failures older than the window', async () => {
    setClock(new Date('2026-03-15T10:00:00Z'));
    const ip = randomIp();
    const victim = email('window');
    for (let i = 0; i < LOGIN_LIMITS.freeFailures; i++) await fail(victim, ip);
    expect((await beginLoginAttempt(victim, ip)).allowed).toBe(false);
    advanceClock(LOGIN_LIMITS.windowMinutes * MINUTE);
    // All free again: another full set of failures goes through before the backoff starts.
    for (let i = 0; i < LOGIN_LIMITS.freeFailures; i++) expect((await fail(victim, ip)).allowed).toBe(true);
    expect((await beginLoginAttempt(victim, ip)).allowed).toBe(false);
  });

  it('a successful sign-in starts the count again; successes never count', async () => {
    setClock(new Date('2026-03-15T10:00:00Z'));
    const ip = randomIp();
    const owner = email('reset');
    for (let i = 0; i < LOGIN_LIMITS.freeFailures + 3; i++) {
      expect((await succeed(owner, ip)).allowed).toBe(true);
      advanceClock(SECOND);
    }
    for (let i = 0; i < LOGIN_LIMITS.freeFailures; i++) await fail(owner, ip);
    expect((await beginLoginAttempt(owner, ip)).allowed).toBe(false);
    advanceClock(LOGIN_LIMITS.backoffBaseSeconds * SECOND);
    expect((await succeed(owner, ip)).allowed).toBe(true);
    advanceClock(SECOND);
    for (let i = 0; i < LOGIN_LIMITS.freeFailures; i++) expect((await fail(owner, ip)).allowed).toBe(true);
    expect((await beginLoginAttempt(owner, ip)).allowed).toBe(false);
  });
});

describe('nobody can lock another person out', () => {
  it('failures from other addresses do not refuse the owner on a new address, staff included', async () => {
    const owner = await seedUser(email('owner'), 'Owner', { staffRole: 'admin' });
    const attackers = Array.from({ length: 8 }, randomIp);
    for (const ip of attackers) {
      for (let i = 0; i < LOGIN_LIMITS.freeFailures; i++) expect(await authorizeCredentials({ email: owner.email, password: 'wrong-password' }, client(ip))).toBeNull();
      await expect(authorizeCredentials({ email: owner.email, password: DEMO_PASSWORD }, client(ip))).rejects.toBeInstanceOf(TooManyAttempts);
    }
    const signedIn = await authorizeCredentials({ email: owner.email, password: DEMO_PASSWORD }, client(randomIp()));
    expect(signedIn).toMatchObject({ id: owner.id, email: owner.email });
    expect(signedIn?.sessionId).toMatch(/^ses_/);
  });
});

describe('per-address limit across emails', () => {
  it(`refuses an address after ${LOGIN_LIMITS.perIp} failures across emails, for a while`, async () => {
    setClock(new Date('2026-03-15T10:00:00Z'));
    const ip = randomIp();
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) expect((await fail(email(`spray${i}`), ip)).allowed).toBe(true);
    const refused = await beginLoginAttempt(email('fresh'), ip);
    expect(refused).toEqual({ allowed: false, reason: 'ip_limit', retryAfterSeconds: LOGIN_LIMITS.windowMinutes * 60 });
    expect((await beginLoginAttempt(email('fresh'), randomIp())).allowed).toBe(true);
    advanceClock(LOGIN_LIMITS.windowMinutes * MINUTE);
    expect((await beginLoginAttempt(email('fresh'), ip)).allowed).toBe(true);
  });

  it('holds under concurrency: exactly the limit of concurrent sprays are allowed', async () => {
    const ip = randomIp();
    const decisions = await Promise.all(Array.from({ length: LOGIN_LIMITS.perIp + 12 }, (_, i) => fail(email(`burst${i}`), ip)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(LOGIN_LIMITS.perIp);
    expect(decisions.filter((d) => !d.allowed).every((d) => !d.allowed && d.reason === 'ip_limit')).toBe(true);
    expect(await prisma.loginAttempt.count({ where: { ip } })).toBe(LOGIN_LIMITS.perIp);
  });
});

describe('concurrent attempts', () => {
  it('20 concurrent wrong passwords for one (email, address): exactly the free ones are checked, the rest refused before verifying', async () => {
    const user = await seedUser(email('race'), 'Race');
    const ip = randomIp();
    vi.mocked(password.verifyPassword).mockClear();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () => authorizeCredentials({ email: user.email, password: 'wrong-password' }, client(ip))),
    );
    const checked = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(checked).toHaveLength(LOGIN_LIMITS.freeFailures);
    expect(checked.every((o) => o.status === 'fulfilled' && o.value === null)).toBe(true);
    expect(refused).toHaveLength(20 - LOGIN_LIMITS.freeFailures);
    expect(refused.every((o) => o.status === 'rejected' && o.reason instanceof TooManyAttempts)).toBe(true);
    expect(vi.mocked(password.verifyPassword)).toHaveBeenCalledTimes(LOGIN_LIMITS.freeFailures);
    expect(await prisma.loginAttempt.count({ where: { email: user.email, ip } })).toBe(LOGIN_LIMITS.freeFailures);
    // The right password from that address now waits too; from another address it works.
    await expect(authorizeCredentials({ email: user.email, password: DEMO_PASSWORD }, client(ip))).rejects.toBeInstanceOf(TooManyAttempts);
    expect(await authorizeCredentials({ email: user.email, password: DEMO_PASSWORD }, client(randomIp()))).toMatchObject({ id: user.id });
  });
});

describe('authorizeCredentials', () => {
  it('records the outcome of each checked attempt', async () => {
    const user = await seedUser(email('outcome'), 'Outcome');
    const ip = randomIp();
    expect(await authorizeCredentials({ email: user.email.toUpperCase(), password: 'nope' }, client(ip))).toBeNull();
    expect(await authorizeCredentials({ email: user.email, password: DEMO_PASSWORD }, client(ip))).toMatchObject({ id: user.id });
    const rows = await prisma.loginAttempt.findMany({ where: { email: user.email, ip }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((row) => row.succeeded).sort()).toEqual([false, true]);
  });

  it('a disabled user is refused with the right password, and that counts as a failure', async () => {
    const user = await seedUser(email('disabled'), 'Disabled');
    await prisma.user.update({ where: { id: user.id }, data: { status: 'disabled' } });
    const ip = randomIp();
    expect(await authorizeCredentials({ email: user.email, password: DEMO_PASSWORD }, client(ip))).toBeNull();
    expect(await prisma.loginAttempt.findMany({ where: { email: user.email, ip }, select: { succeeded: true } })).toEqual([{ succeeded: false }]);
  });

  it('malformed input never reaches the throttle or the password check', async () => {
    const ip = randomIp();
    expect(await authorizeCredentials({ email: 'not-an-email', password: 'x' }, client(ip))).toBeNull();
    expect(await authorizeCredentials({ email: email('empty'), password: '' }, client(ip))).toBeNull();
    expect(await prisma.loginAttempt.count({ where: { ip } })).toBe(0);
    expect(vi.mocked(password.verifyPassword)).not.toHaveBeenCalled();
  });
});
