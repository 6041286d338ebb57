/**
 * Auth.js's error log, made safe against unauthenticated callers: every failed sign-in and every
 * bad session cookie reaches `logger.error`, and anyone can send those in bulk. So each error type
 * (Auth.js's `error.type`, stable in a minified build, unlike the class name) is written once per
 * process and only counted afterwards; expected outcomes (a wrong password, our throttle's
 * refusal, both of type CredentialsSignin) are never written.
 */
const EXPECTED_TYPES = new Set(['CredentialsSignin']);

const MESSAGE_MAX = 300;

type LoggedError = Error & { type?: unknown; code?: unknown; cause?: unknown };

/** Auth.js errors carry `type`; anything else is an unexpected error, whatever its (minified) name. */
export function authErrorType(error: unknown): string {
  const type = (error as LoggedError | null)?.type;
  return typeof type === 'string' && /^[A-Za-z]{1,64}$/.test(type) ? type : 'UnexpectedError';
}

function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.split('\n')[0]!.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').slice(0, MESSAGE_MAX);
}

/** What went wrong underneath: Auth.js wraps the real error in `cause` (or `cause.err`). */
function detail(error: LoggedError): string {
  const cause = error.cause as { err?: unknown; message?: unknown } | undefined;
  const inner = cause && typeof cause === 'object' ? (cause.err instanceof Error ? cause.err : cause) : undefined;
  const message = inner && typeof inner.message === 'string' ? inner.message : typeof error.message === 'string' ? error.message : '';
  return oneLine(message);
}

export type AuthErrorLog = { error(error: Error): void; counts(): Record<string, number> };

export function createAuthErrorLog(write: (line: string) => void = (line) => console.error(line)): AuthErrorLog {
  const counts = new Map<string, number>();
  return {
    error(error) {
      const type = authErrorType(error);
      if (EXPECTED_TYPES.has(type)) return;
      const seen = counts.get(type) ?? 0;
      counts.set(type, seen + 1);
      if (seen > 0) return;
      write(`[auth] ${type}: ${detail(error as LoggedError)} (first in this process; later ${type} errors are only counted)`);
    },
    counts() {
      return Object.fromEntries(counts);
    },
  };
}

/** The process's one log, given to Auth.js as `logger.error`. */
export const authErrorLog = createAuthErrorLog();
