/** The one domain error. Transports map `code` to their own status and body; messages are safe to show. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** A stable machine-readable reason, e.g. PLAN_NOT_FOUND or INVALID_API_KEY. */
  readonly reason: string;
  readonly details: unknown[];

  constructor(code: ErrorCode, reason: string, message: string, details: unknown[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.reason = reason;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string, reason = 'NOT_FOUND') => new AppError('NOT_FOUND', reason, `${what} not found`);
export const badRequest = (message: string, reason = 'BAD_REQUEST', details: unknown[] = []) =>
  new AppError('BAD_REQUEST', reason, message, details);
export const forbidden = (message: string, reason = 'FORBIDDEN') => new AppError('FORBIDDEN', reason, message);
export const unauthorized = (message = 'authentication required', reason = 'UNAUTHORIZED') =>
  new AppError('UNAUTHORIZED', reason, message);
export const conflict = (message: string, reason = 'CONFLICT') => new AppError('CONFLICT', reason, message);

/** Anything that is not an AppError becomes an opaque 500: nothing internal reaches a caller. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError('INTERNAL', 'INTERNAL', 'internal error');
}
