import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isLosslessNumber, parse as parseLossless, type LosslessNumber } from 'lossless-json';
import { tenantRoute } from './guard';
import { f5Envelope, recordsEnvelope } from './envelopes';
import { appendCreditTransaction } from '../credits/ledger';
import { money } from '../money';
import { prisma } from '../db';
import { seedApiKey, seedTestTenant, type SeededTenant } from '../../prisma/seed/factories';
import { bearer, callRoute } from '../../test/harness';

const BIG = '12345678901.123456789';
const TINY = '0.000000001';
const BIG_PLUS_TINY = '12345678901.12345679';

let seeded: SeededTenant;
let key: string;
beforeAll(async () => {
  seeded = await seedTestTenant('CNY');
  ({ key } = await seedApiKey(seeded));
  for (const amount of [BIG, TINY]) {
    await prisma.$transaction((tx) => appendCreditTransaction({ tenantId: seeded.tenant.id, type: 'credit', amount, source: 'manual', remark: 'money-wire' }, tx));
  }
});

type Item = { id: string; seq: LosslessNumber; amount: LosslessNumber; balance: LosslessNumber };

describe('money through numeric(30,9), Prisma and the REST JSON writer', () => {
  it('appendCreditTransaction stores and Prisma reads back 12345678901.123456789 and 0.000000001 exactly', async () => {
    const rows = await prisma.creditTransaction.findMany({ where: { tenantId: seeded.tenant.id }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => r.amount.toFixed())).toEqual([BIG, TINY]);
    expect(rows.map((r) => r.balance.toFixed())).toEqual([BIG, BIG_PLUS_TINY]);
    // and the database itself holds the digits, not a float approximation
    const raw = await prisma.$queryRaw<{ amount: string }[]>`SELECT amount::text AS amount FROM credit_transactions WHERE tenant_id = ${seeded.tenant.id} ORDER BY seq`;
    expect(raw.map((r) => r.amount)).toEqual(['12345678901.123456789', '0.000000001']);
  });

  it('a tenantRoute handler returns them as JSON number literals with every digit', async () => {
    const route = tenantRoute({ envelope: recordsEnvelope, scope: 'read' }, async ({ caller }) => {
      const rows = await prisma.creditTransaction.findMany({ where: { tenantId: caller.scope.tenantId }, orderBy: { seq: 'asc' } });
      return { items: rows.map((r) => ({ id: r.id, seq: r.seq, amount: r.amount, balance: r.balance })), total: rows.length };
    });
    const res = await callRoute(route, { path: '/credits', headers: bearer(key) });
    expect(res.status, res.text).toBe(200);

    // number literals, not strings, not exponents, not floats
    expect(res.text).toContain(`"amount":${BIG},`);
    expect(res.text).toContain(`"amount":${TINY},`);
    expect(res.text).toContain(`"balance":${BIG_PLUS_TINY}}`);
    expect(res.text).not.toContain(`"${BIG}"`);
    expect(res.text).not.toContain(`"${TINY}"`);
    expect(res.text).not.toMatch(/[:,[]-?\d+(\.\d+)?[eE][-+]?\d/);
    expect(res.text).not.toContain('12345678901.123457');

    const body = parseLossless(res.text) as { code: LosslessNumber; message: string; items: Item[]; total: LosslessNumber; timestamp: string };
    expect(body.message).toBe('ok');
    expect(body.items).toHaveLength(2);
    for (const item of body.items) {
      expect(isLosslessNumber(item.amount)).toBe(true);
      expect(isLosslessNumber(item.balance)).toBe(true);
    }
    expect(body.items.map((i) => i.amount.value)).toEqual([BIG, TINY]);
    expect(body.items.map((i) => i.balance.value)).toEqual([BIG, BIG_PLUS_TINY]);
    expect(body.items.map((i) => money(i.amount.value).toFixed())).toEqual([BIG, TINY]);

    // A float parser would have lost the big amount: the lossless path is what keeps it.
    const asFloat = (res.json as { items: { amount: number }[] }).items[0]!.amount;
    expect(String(asFloat)).not.toBe(BIG);
  });

  it('the F5 envelope writes the same exact literals', async () => {
    const route = tenantRoute({ envelope: f5Envelope, scope: 'read' }, async () => ({ values: [money(BIG), money(TINY), money(BIG).negated()] }));
    const res = await callRoute(route, { path: '/f5', headers: bearer(key) });
    expect(res.text).toBe(`{"values":[${BIG},${TINY},-${BIG}]}`);
  });
});

describe('money in a request body reaches the zod schema with all its digits', () => {
  function capturingRoute() {
    const seen: unknown[] = [];
    const route = tenantRoute(
      { envelope: recordsEnvelope, scope: 'write', body: z.strictObject({ amount: z.union([z.string(), z.number()]) }) },
      async ({ body }) => {
        seen.push(body.amount);
        return { amount: money(String(body.amount)) };
      },
    );
    return { route, seen };
  }

  it('an unsafe number literal arrives as its exact digit string and is echoed exactly', async () => {
    const { route, seen } = capturingRoute();
    const res = await callRoute(route, { method: 'POST', path: '/credits', headers: bearer(key), rawBody: `{"amount": ${BIG}}` });
    expect(res.status, res.text).toBe(200);
    expect(seen).toEqual([BIG]);
    expect(res.text).toContain(`"amount":${BIG}`);
    expect((parseLossless(res.text) as { amount: LosslessNumber }).amount.value).toBe(BIG);
  });

  it('other unsafe literals keep their digits too; safe ones become numbers', async () => {
    const { route, seen } = capturingRoute();
    for (const literal of ['9007199254740993', '-12345678901.123456789', '123456789012345678901.5', '1.5', TINY]) {
      const res = await callRoute(route, { method: 'POST', path: '/credits', headers: bearer(key), rawBody: `{"amount":${literal}}` });
      expect(res.status, literal).toBe(200);
    }
    expect(seen.slice(0, 3)).toEqual(['9007199254740993', '-12345678901.123456789', '123456789012345678901.5']);
    expect(seen[3]).toBe(1.5);
    // a safe number: its shortest form is exact, so no digit is lost either
    expect(typeof seen[4]).toBe('number');
    expect(money(String(seen[4])).toFixed()).toBe(TINY);
  });

  it('a string amount stays a string', async () => {
    const { route, seen } = capturingRoute();
    const res = await callRoute(route, { method: 'POST', path: '/credits', headers: bearer(key), body: { amount: BIG } });
    expect(res.status).toBe(200);
    expect(seen).toEqual([BIG]);
  });
});
