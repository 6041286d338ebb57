import { isSafeNumber, parse as parseLossless } from 'lossless-json';
import type { z } from 'zod';
import { badRequest } from '../errors';
import { findUnsafeText, isSafeText, UNSAFE_TEXT_MESSAGE } from '../platform/safe-text';

/**
 * Repeated keys become arrays (F5's `report_fields`), single ones stay strings. Every name is an
 * ordinary own key (built in a Map, not assigned into `{}`), so `__proto__`, `constructor` and
 * `prototype` are parameters like any other, and strict schemas refuse them as unknown.
 */
export function queryObject(url: URL): Record<string, string | string[]> {
  const out = new Map<string, string | string[]>();
  for (const [key, value] of url.searchParams) {
    const existing = out.get(key);
    out.set(key, existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value]);
  }
  return Object.fromEntries(out);
}

/** 400 when any string (or key) in `value` holds a NUL or an unpaired surrogate: it would reach the database as a 500. */
export function assertSafeText(value: unknown, where: string): void {
  const path = findUnsafeText(value);
  if (path) {
    const at = path.join('.');
    throw badRequest(`invalid ${where}: ${at ? `${at}: ` : ''}${UNSAFE_TEXT_MESSAGE}`, 'INVALID_ARGUMENT', [{ path: at, message: UNSAFE_TEXT_MESSAGE }]);
  }
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export function validate<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  assertSafeText(value, where);
  return parseWith(schema, value, where);
}

/** The schema's parse as a 400, for a value whose text was checked already (readJsonBody). */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(`invalid ${where}: ${describeIssues(result.error)}`, 'INVALID_ARGUMENT', result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
  return result.data;
}

/**
 * Bodies are parsed without a float detour: a number whose digits a double cannot hold stays
 * a string, so money schemas (which take string | number) see the caller's exact digits.
 */
export async function readJsonBody(request: Request, where = 'request body'): Promise<{ raw: string; value: unknown }> {
  const raw = await request.text();
  if (raw.trim() === '') return { raw, value: undefined };
  let value: unknown;
  try {
    value = parseLossless(raw, undefined, (digits) => (isSafeNumber(digits) ? Number(digits) : digits));
  } catch {
    throw badRequest('request body is not valid JSON', 'INVALID_JSON');
  }
  // Refuses NUL and unpaired surrogates in any string or key. JSON text cannot carry a raw NUL in a
  // string, so either comes only from a \u escape or from the text itself not being well formed:
  // without both, no walk of the (possibly large) parsed value is needed.
  if (raw.includes('\\u') || !isSafeText(raw)) assertSafeText(value, where);
  return { raw, value };
}
