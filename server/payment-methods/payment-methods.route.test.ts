import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import Ajv, { type ValidateFunction } from 'ajv';
import { POST as create } from '@/app/api/web/namespaces/[namespace]/billing/payment_methods/route';
import { DELETE as remove } from '@/app/api/web/namespaces/[namespace]/billing/payment_methods/[name]/route';
import { POST as primary } from '@/app/api/web/namespaces/[namespace]/billing/payment_method/[name]/primary/route';
import { POST as secondary } from '@/app/api/web/namespaces/[namespace]/billing/payment_method/[name]/secondary/route';
import { POST as swap } from '@/app/api/web/namespaces/[namespace]/billing/payment_method/[name]/swap-primary/route';
import { seedApiKey, seedTestTenant, type SeededTenant } from '@/prisma/seed/factories';
import { startSubscription } from '@/server/subscriptions/start-subscription';
import { tokenizeCard, tokenizeWallet } from '@/server/payments/sandbox-provider';
import { bearer, callRoute } from '@/test/harness';
import { prisma } from '../db';

// --- F5 schema validation (f5-billing-schemas.json), with the one field we always send made required.
const ajv = new Ajv({ strict: false, allErrors: true });
for (const format of ['int32', 'int64', 'double', 'boolean', 'date-time', 'byte', 'uuid', 'hostname', 'email']) ajv.addFormat(format, true);
ajv.addSchema(JSON.parse(readFileSync(new URL('../../test/fixtures/f5-billing-schemas.json', import.meta.url), 'utf8')), 'f5');
const validators: Record<'created' | 'empty', ValidateFunction> = {
  created: ajv.compile({ allOf: [{ $ref: 'f5#/components/payment_methodCreatePaymentMethodResponse' }], required: ['name'], additionalProperties: false, properties: { name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' } } }),
  empty: ajv.compile({ allOf: [{ $ref: 'f5#/components/schemaEmpty' }], additionalProperties: false }),
};
function expectF5(kind: 'created' | 'empty', res: { status: number; text: string; json: unknown }) {
  expect(res.status, res.text).toBe(200);
  expect(validators[kind](res.json), JSON.stringify(validators[kind].errors)).toBe(true);
}

const YEAR = new Date().getUTCFullYear() + 1;
const cardToken = (number = '4242424242424242') => tokenizeCard({ number, expMonth: 12, expYear: YEAR, cvc: '123' }).token;
const PATH = '/api/web/namespaces/system/billing';
const isF5Error = (res: { json: unknown }) => typeof res.json === 'string' && (res.json as string).length > 0;

type Party = { seeded: SeededTenant; key: string };
async function party(withInvoice = false): Promise<Party> {
  const seeded = await seedTestTenant('CNY');
  if (withInvoice) await startSubscription({ tenantId: seeded.tenant.id, planCode: 'starter', adminUserId: seeded.users.owner.id }, seeded.ownerActor);
  return { seeded, key: (await seedApiKey(seeded)).key };
}

const post = (key: string | null, body: unknown, namespace = 'system') =>
  callRoute(create, { method: 'POST', path: `/api/web/namespaces/${namespace}/billing/payment_methods`, params: { namespace }, headers: key ? bearer(key) : {}, body });
const add = async (p: Party, role = 'PAYMENT_METHOD_ROLE_NORMAL', token = cardToken()) => {
  const res = await post(p.key, { namespace: 'system', role, token, contact: { contact_type: 'PAYMENT', city: '上海', country: 'CN' } });
  expectF5('created', res);
  return (res.json as { name: string }).name;
};
const roleRoutes = { primary, secondary, 'swap-primary': swap } as const;
const setRole = (key: string | null, action: keyof typeof roleRoutes, name: string, body: unknown = { name, namespace: 'system' }) =>
  callRoute(roleRoutes[action], { method: 'POST', path: `${PATH}/payment_method/${name}/${action}`, params: { namespace: 'system', name }, headers: key ? bearer(key) : {}, body });
const del = (key: string | null, name: string) =>
  callRoute(remove, { method: 'DELETE', path: `${PATH}/payment_methods/${name}`, params: { namespace: 'system', name }, headers: key ? bearer(key) : {} });
async function roles(p: Party) {
  const rows = await prisma.paymentMethod.findMany({ where: { tenantId: p.seeded.tenant.id, status: 'active' }, select: { name: true, role: true } });
  return Object.fromEntries(rows.map((row) => [row.name, row.role]));
}

describe('F5 payment methods (seed 003, ops 3–7)', () => {
  let A: Party;
  let B: Party;
  beforeAll(async () => {
    [A, B] = [await party(true), await party()];
  });

  it('creates from a token: {name}, the role taken, only display facts stored, audited', async () => {
    const name = await add(A, 'PAYMENT_METHOD_ROLE_PRIMARY');
    const row = await prisma.paymentMethod.findFirstOrThrow({ where: { tenantId: A.seeded.tenant.id, name } });
    expect(row).toMatchObject({ kind: 'card', brand: 'visa', last4: '4242', role: 'primary', contact: { contact_type: 'PAYMENT', city: '上海', country: 'CN' } });
    expect(await prisma.auditLog.count({ where: { tenantId: A.seeded.tenant.id, action: 'payment_method.add', targetId: row.id, actorKind: 'api_key' } })).toBe(1);
    const wallet = await add(A, 'PAYMENT_METHOD_ROLE_UNKNOWN', tokenizeWallet({ kind: 'wechat', account: 'wxid_acme' }).token);
    expect(await roles(A)).toMatchObject({ [name]: 'primary', [wallet]: 'normal' });
  });

  it('primary, secondary and swap-primary answer {} and keep one of each', async () => {
    const [one, two, three] = [await add(A), await add(A), await add(A)];
    expectF5('empty', await setRole(A.key, 'primary', one));
    expectF5('empty', await setRole(A.key, 'secondary', two));
    expectF5('empty', await setRole(A.key, 'primary', one)); // already primary: a no-op
    expectF5('empty', await setRole(A.key, 'swap-primary', two, { namespace: 'system' }));
    expect(await roles(A)).toMatchObject({ [one]: 'secondary', [two]: 'primary', [three]: 'normal' });
    expectF5('empty', await setRole(A.key, 'secondary', two)); // the primary moving down leaves no primary (F5)
    const after = Object.values(await roles(A));
    expect(after.filter((r) => r === 'primary')).toHaveLength(0);
    expect(after.filter((r) => r === 'secondary')).toHaveLength(1);
  });

  it('swap-primary of a NORMAL method is 400; with an empty slot it is 409', async () => {
    const p = await party();
    const [normal, only] = [await add(p), await add(p, 'PAYMENT_METHOD_ROLE_PRIMARY')];
    const refused = await setRole(p.key, 'swap-primary', normal);
    expect(refused.status).toBe(400);
    expect(refused.json).toBe('only the primary or the secondary payment method can be swapped');
    const lonely = await setRole(p.key, 'swap-primary', only);
    expect(lonely.status).toBe(409);
    expect(isF5Error(lonely)).toBe(true);
  });

  it('delete answers {}; the only method able to pay an open invoice is 409 with a clear message', async () => {
    const p = await party(true);
    const only = await add(p, 'PAYMENT_METHOD_ROLE_PRIMARY');
    const refused = await del(p.key, only);
    expect(refused.status).toBe(409);
    expect(refused.json).toMatch(/^This is the only payment method that can pay open invoice INV-\S+ \(CNY \d+\.\d{2} due\)\. Add another payment method before removing it\.$/);
    await add(p);
    expectF5('empty', await del(p.key, only));
    expect(await roles(p)).not.toHaveProperty(only);
    expect((await del(p.key, only)).status).toBe(404);
  });

  it('400 for malformed bodies and names, in F5’s bare-string error form, storing nothing', async () => {
    const before = await prisma.paymentMethod.count({ where: { tenantId: A.seeded.tenant.id } });
    const bad: unknown[] = [
      {},
      { role: 'PAYMENT_METHOD_ROLE_PRIMARY' },
      { token: cardToken(), role: 'PRIMARY' },
      { token: cardToken(), extra: 1 },
      { token: cardToken(), contact: { contact_type: 'HOME' } },
      { token: cardToken(), namespace: 'other' },
      { token: '4242424242424242' }, // a card number is not a token: the processor does not know it
      { token: `${cardToken().slice(0, -3)}abc` }, // a tampered token
    ];
    for (const body of bad) {
      const res = await post(A.key, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(isF5Error(res)).toBe(true);
      expect(res.text).not.toContain('4242424242424242');
    }
    expect((await setRole(A.key, 'primary', 'Not_A_Name')).status).toBe(400);
    expect((await setRole(A.key, 'primary', await add(A), { name: 'another-name' })).status).toBe(400);
    expect(await prisma.paymentMethod.count({ where: { tenantId: A.seeded.tenant.id } })).toBe(before + 1);
  });

  it('401 without a credential; 404 outside the system namespace', async () => {
    for (const res of [await post(null, { token: cardToken() }), await setRole(null, 'primary', 'card-4242-abcdef'), await del(null, 'card-4242-abcdef')]) {
      expect(res.status).toBe(401);
      expect(isF5Error(res)).toBe(true);
    }
    expect((await post(A.key, { token: cardToken() }, 'web')).status).toBe(404);
  });

  it('differential isolation: B’s key on A’s method name is 404 with none of A’s data, and A is unchanged', async () => {
    const name = await add(A, 'PAYMENT_METHOD_ROLE_SECONDARY');
    const own = await add(B);
    const before = { roles: await roles(A), audits: await prisma.auditLog.count({ where: { tenantId: A.seeded.tenant.id } }) };
    const answers = [await setRole(B.key, 'primary', name), await setRole(B.key, 'secondary', name), await setRole(B.key, 'swap-primary', name), await del(B.key, name)];
    const ownAnswer = await setRole(B.key, 'primary', `${own.slice(0, -1)}${own.endsWith('z') ? 'y' : 'z'}`); // B's own unknown name
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect(res.text).toBe(ownAnswer.text); // A's method looks exactly like one that does not exist
      for (const secret of [A.seeded.tenant.id, A.seeded.tenant.name, '4242']) expect(res.text).not.toContain(secret);
    }
    expect({ roles: await roles(A), audits: await prisma.auditLog.count({ where: { tenantId: A.seeded.tenant.id } }) }).toEqual(before);
    expectF5('empty', await setRole(B.key, 'primary', own)); // B's own method by the same route works
  });
});
