import { isSafeNumber, parse as parseLossless } from 'lossless-json';
import type { z } from 'zod';
import { badRequest } from '../errors';

/** Repeated keys become arrays (F5's `report_fields`), single ones stay strings. */
export function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export function validate<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(`invalid ${where}: ${describeIssues(result.error)}`, 'INVALID_ARGUMENT', result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
  return result.data;
}

/**
 * Bodies are parsed without a float detour: a number whose digits a double cannot hold stays
 * a string, so money schemas (which take string | number) see the caller's exact digits.
 */
export async function readJsonBody(request: Request): Promise<{ raw: string; value: unknown }> {
  const raw = await request.text();
  if (raw.trim() === '') return { raw, value: undefined };
  try {
    return { raw, value: parseLossless(raw, undefined, (digits) => (isSafeNumber(digits) ? Number(digits) : digits)) };
  } catch {
    throw badRequest('request body is not valid JSON', 'INVALID_JSON');
  }
}
