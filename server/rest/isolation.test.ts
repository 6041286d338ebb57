import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '@/app/api/operations';
import { bearer, callRoute } from '@/test/harness';
import type { Fixture } from '@/test/isolation';
import { seedIsolationFixture } from '@/test/isolation-fixture';
import type { RestIsolationCases } from '@/test/rest-isolation';
import { restRouteFiles, servedPath } from '@/test/route-files';
import { prisma } from '../db';
import type { RouteHandler } from './guard';
import { catalogRestIsolationCases } from '../catalog/rest-isolation-cases';
import { subscriptionsRestIsolationCases } from '../subscriptions/rest-isolation-cases';
import { transitionsRestIsolationCases } from '../transitions/rest-isolation-cases';
import { addOnsRestIsolationCases } from '../addons/rest-isolation-cases';
import { quotasRestIsolationCases } from '../quotas/rest-isolation-cases';
import { invoicePdfRestIsolationCases } from '../invoice-pdf/rest-isolation-cases';
import { paymentMethodsRestIsolationCases } from '../payment-methods/rest-isolation-cases';
import { usageRestIsolationCases } from '../usage/rest-isolation-cases';
import { invoicesRestIsolationCases } from '../invoices/rest-isolation-cases';
import { billsRestIsolationCases } from '../bills/rest-isolation-cases';
import { usageReadRestIsolationCases } from '../usage-read/rest-isolation-cases';

/**
 * The REST isolation table: every tenant operation (API key or session) has a case, kept beside its
 * domain (`server/<domain>/rest-isolation-cases.ts`) and run here with A's key, B's key and none.
 * The route tests beside each domain go deeper; this table makes sure no route is left out.
 */
const DOMAIN_CASES: RestIsolationCases[] = [catalogRestIsolationCases, subscriptionsRestIsolationCases, transitionsRestIsolationCases, addOnsRestIsolationCases, quotasRestIsolationCases, billsRestIsolationCases, invoicesRestIsolationCases, usageRestIsolationCases, paymentMethodsRestIsolationCases, invoicePdfRestIsolationCases, usageReadRestIsolationCases];
const CASES: RestIsolationCases = Object.assign({}, ...DOMAIN_CASES);
const tenantOperations = OPERATIONS.filter((operation) => operation.security === 'apiKey');
const keyOf = (operation: (typeof OPERATIONS)[number]) => `${operation.method.toUpperCase()} ${operation.path}`;

let fx: Fixture;
const handlers = new Map<string, RouteHandler>();

beforeAll(async () => {
  fx = await seedIsolationFixture();
  for (const file of restRouteFiles()) {
    const route = (await import(pathToFileURL(file).href)) as Record<string, RouteHandler>;
    for (const [method, handler] of Object.entries(route)) handlers.set(`${method} ${servedPath(file)}`, handler);
  }
});

const auditRowsOfA = () => prisma.auditLog.count({ where: { tenantId: fx.A.tenant.id } });

async function call(key: string, as: 'A' | 'B', credential: string | null) {
  const request = await CASES[key]!.call(fx, as);
  return callRoute(handlers.get(key)!, { ...request, headers: { ...request.headers, ...(credential ? bearer(credential) : {}) } });
}

describe('tenant isolation across every REST operation', () => {
  it('has exactly one case per tenant operation', () => {
    expect(DOMAIN_CASES.reduce((count, cases) => count + Object.keys(cases).length, 0)).toBe(Object.keys(CASES).length);
    expect(Object.keys(CASES).sort()).toEqual(tenantOperations.map(keyOf).sort());
  });

  it.each(tenantOperations.map(keyOf))('%s: A’s key gets A’s data; B’s key gets 404 or only B’s own', async (key) => {
    const entry = CASES[key]!;
    const ofA = await call(key, 'A', fx.keyA.key);
    expect(ofA.status, `${key} for A: ${ofA.text}`).toBeLessThan(300);
    await entry.ownsA(ofA, fx);

    const auditsBefore = await auditRowsOfA();
    const ofB = await call(key, 'B', fx.keyB.key);
    if (entry.kind === 'addressed') expect(ofB.status, `${key} for B: ${ofB.text}`).toBe(404);
    else expect(ofB.status, `${key} for B: ${ofB.text}`).toBeLessThan(300);
    for (const secret of fx.leaks) expect(ofB.text, `${key} leaks ${secret} to B`).not.toContain(secret);
    expect(await auditRowsOfA(), `${key} from B changed tenant A`).toBe(auditsBefore);
  });

  it.each(tenantOperations.map(keyOf))('%s: no credential gets 401 and none of A’s data', async (key) => {
    const anonymous = await call(key, 'A', null);
    expect(anonymous.status, anonymous.text).toBe(401);
    for (const secret of fx.leaks) expect(anonymous.text).not.toContain(secret);
  });
});
