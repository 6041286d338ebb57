import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seedApiKey, seedTestTenant, type SeededTenant } from '../../prisma/seed/factories';
import { bearer, callRoute } from '../../test/harness';
import { AppError } from '../errors';
import { GET as currentPlan } from '@/app/api/web/namespaces/[namespace]/usage_plans/current/route';
import { internalEnvelope } from './envelopes';
import { tenantRoute } from './guard';
import { assertSafeText, queryObject, validate } from './parse';

describe('queryObject', () => {
  it('makes __proto__, constructor and prototype ordinary own keys', () => {
    const query = queryObject(new URL('http://x/?__proto__=1&constructor=2&prototype=3&a=1&a=2'));
    expect(Object.keys(query)).toEqual(['__proto__', 'constructor', 'prototype', 'a']);
    expect(Object.getOwnPropertyDescriptor(query, '__proto__')?.value).toBe('1');
    expect(query.a).toEqual(['1', '2']);
    expect(({} as Record<string, unknown>).constructor).toBe(Object); // nothing polluted
  });

  it('strict schemas refuse them as unknown parameters', () => {
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      const error = (() => {
        try {
          validate(z.strictObject({}), queryObject(new URL(`http://x/?${name}=1`)), 'query parameters');
          return null;
        } catch (e) {
          return e;
        }
      })();
      expect(error, name).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(400);
      expect((error as AppError).message, name).toContain(`Unrecognized key: "${name}"`);
    }
  });
});

describe('assertSafeText', () => {
  it('refuses NUL and unpaired surrogates in values and keys, anywhere in the structure', () => {
    for (const bad of ['a\u0000', '\ud800', 'x\udc00y', { a: [{ b: 'ok' }, { c: 'nul\u0000' }] }, { ['k\u0000']: 1 }]) {
      expect(() => assertSafeText(bad, 'request body'), JSON.stringify(bad)).toThrow(AppError);
    }
    for (const good of ['plain', '😀 emoji (a surrogate pair)', { a: ['汉字', 1, null, true] }, undefined]) {
      expect(() => assertSafeText(good, 'request body')).not.toThrow();
    }
  });

  it('walks very deep structures without recursion', () => {
    let deep: unknown = 'bad\u0000';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(() => assertSafeText(deep, 'request body')).toThrow(AppError);
  });
});

describe('REST: NUL, surrogates and prototype names are 400, never 500', () => {
  let seeded: SeededTenant;
  let key: string;
  beforeAll(async () => {
    seeded = await seedTestTenant('USD');
    ({ key } = await seedApiKey(seeded));
  });

  it('?__proto__=1 on the F5 catalog operation is 400 like any unknown parameter', async () => {
    for (const query of ['?__proto__=1', '?constructor=1', '?prototype=1', '?other=1']) {
      const res = await callRoute(currentPlan, { path: `/api/web/namespaces/system/usage_plans/current${query}`, params: { namespace: 'system' }, headers: bearer(key) });
      expect(res.status, query).toBe(400);
    }
  });

  it('a NUL in a path parameter is 400 before any lookup', async () => {
    const res = await callRoute(currentPlan, { path: '/api/web/namespaces/sys%00tem/usage_plans/current', params: { namespace: 'sys\u0000tem' }, headers: bearer(key) });
    expect(res.status).toBe(400);
  });

  it('a NUL in a query value or a JSON body string is 400 in the envelope', async () => {
    const route = tenantRoute(
      { envelope: internalEnvelope, scope: 'write', query: z.strictObject({ q: z.string().optional() }), body: z.strictObject({ name: z.string() }).optional() },
      async ({ body, query }) => ({ name: body?.name ?? query.q }),
    );
    const badQuery = await callRoute(route, { path: '/x?q=a%00b', headers: bearer(key) });
    expect(badQuery.status).toBe(400);
    expect(badQuery.json).toMatchObject({ code: 400, data: null, message: expect.stringContaining('invalid query parameters') });
    for (const rawBody of ['{"name":"a\\u0000b"}', '{"name":"\\ud800"}']) {
      const res = await callRoute(route, { method: 'POST', path: '/x', headers: bearer(key), rawBody });
      expect(res.status, rawBody).toBe(400);
      expect(res.text).not.toContain('\u0000');
    }
    const ok = await callRoute(route, { method: 'POST', path: '/x', headers: bearer(key), body: { name: '😀' } });
    expect(ok.status).toBe(200);
  });
});
