import { CallbackRouteError, CredentialsSignin, JWTSessionError, MissingCSRF } from '@auth/core/errors';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authErrorLog, authErrorType, createAuthErrorLog } from './auth-log';
import { TooManyAttempts } from './credentials';
import { handlers } from './next-auth';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Auth.js wraps an underlying error the way it does internally (`new JWTSessionError(e)`; typed as a string message). */
const cause = (message: string) => new Error(message) as unknown as string;

/** What a production build does to class names. */
function minified<T extends Error>(error: T): T {
  Object.defineProperty(error, 'name', { value: 'j' });
  return error;
}

describe('createAuthErrorLog', () => {
  it('names errors by Auth.js type, not by (minified) class name', () => {
    expect(authErrorType(minified(new JWTSessionError(cause('Invalid Compact JWE'))))).toBe('JWTSessionError');
    expect(authErrorType(minified(new MissingCSRF('CSRF token was missing')))).toBe('MissingCSRF');
    expect(authErrorType(new TypeError('boom'))).toBe('UnexpectedError');
    expect(authErrorType({ type: 'x\n[auth] forged' })).toBe('UnexpectedError');
  });

  it('writes the first error of each type once, then only counts', () => {
    const lines: string[] = [];
    const log = createAuthErrorLog((line) => lines.push(line));
    for (let i = 0; i < 50; i++) log.error(minified(new JWTSessionError(cause('Invalid Compact JWE'))));
    for (let i = 0; i < 3; i++) log.error(minified(new MissingCSRF('CSRF token was missing')));
    log.error(new CallbackRouteError(cause('database is down')));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\[auth\] JWTSessionError: Invalid Compact JWE /);
    expect(lines[1]).toMatch(/^\[auth\] MissingCSRF: /);
    expect(lines[2]).toMatch(/^\[auth\] CallbackRouteError: database is down/);
    expect(lines.join('\n')).not.toMatch(/\bj:/);
    expect(log.counts()).toEqual({ JWTSessionError: 50, MissingCSRF: 3, CallbackRouteError: 1 });
  });

  it('never writes expected outcomes: wrong passwords and throttle refusals', () => {
    const lines: string[] = [];
    const log = createAuthErrorLog((line) => lines.push(line));
    for (let i = 0; i < 20; i++) {
      log.error(minified(new CredentialsSignin()));
      log.error(minified(new TooManyAttempts()));
    }
    expect(lines).toEqual([]);
    expect(log.counts()).toEqual({});
  });

  it('keeps a written line to one line of printable text', () => {
    const lines: string[] = [];
    const log = createAuthErrorLog((line) => lines.push(line));
    log.error(new CallbackRouteError(cause(`first\u001b[31m${'x'.repeat(1000)}\nsecond line`)));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/[\u0000-\u001f]/);
    expect(lines[0]).not.toContain('second line');
    expect(lines[0]!.length).toBeLessThan(500);
  });
});

describe('the Auth.js route handler uses it', () => {
  it('logs a flood of bad session cookies once', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const before = authErrorLog.counts().JWTSessionError ?? 0;
    for (let i = 0; i < 5; i++) {
      const response = await handlers.GET(
        new NextRequest('http://127.0.0.1:3000/api/auth/session', { headers: { cookie: `authjs.session-token=garbage${i}` } }),
      );
      expect(await response.json()).toBeNull();
    }
    const authLines = spy.mock.calls.map((call) => String(call[0])).filter((line) => line.includes('[auth]'));
    expect(authLines).toHaveLength(before === 0 ? 1 : 0);
    expect(authErrorLog.counts().JWTSessionError).toBe(before + 5);
  });
});
