import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { encode } from 'next-auth/jwt';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as f5Pdf } from '@/app/api/web/namespaces/[namespace]/usage/invoice_pdf/route';
import { GET as portalPdf } from '@/app/t/[tenantId]/invoices/[invoiceId]/pdf/route';
import { seedApiKey, seedTestTenant, seedUser, uniqueSuffix, type SeededTenant } from '@/prisma/seed/factories';
import { issueInvoice } from '@/server/billing/issue-invoice';
import { updateBillingProfile } from '@/server/billing-profile/billing-profile';
import { openSession } from '@/server/auth/sessions';
import { prisma } from '@/server/db';
import { bearer, callRoute } from '@/test/harness';
import { pdfText } from '@/test/pdf-text';

const ajv = new Ajv({ strict: false, allErrors: true });
for (const format of ['int32', 'int64', 'double', 'boolean', 'date-time', 'byte', 'uuid', 'hostname', 'email']) ajv.addFormat(format, true);
ajv.addSchema(JSON.parse(readFileSync(new URL('../../test/fixtures/f5-billing-schemas.json', import.meta.url), 'utf8')), 'f5');
const validate = ajv.compile({ allOf: [{ $ref: 'f5#/components/invoiceDownloadInvoicePdfRsp' }], required: ['pdf'], properties: { pdf: { type: 'string', minLength: 100 } } });

type Side = { seeded: SeededTenant; key: string; recordId: string; invoiceNumber: string; taxId: string };
let A: Side;
let B: Side;

async function side(taxId: string): Promise<Side> {
  const seeded = await seedTestTenant('CNY');
  await updateBillingProfile({ tenantId: seeded.tenant.id, companyName: `买方 ${seeded.tenant.id}`, taxId, address: null, invoiceEmail: null, invoiceLanguage: 'zh-CN' }, seeded.ownerActor);
  const record = await issueInvoice({
    tenantId: seeded.tenant.id, type: 'usage', description: '用量账单', lines: [{ resourceType: 'api', description: 'API 调用', quantity: '1000', unitPrice: '0.01' }],
  }, seeded.ownerActor);
  return { seeded, key: (await seedApiKey(seeded, ['read'])).key, recordId: record.id, invoiceNumber: record.invoiceNumber!, taxId };
}

beforeAll(async () => {
  [A, B] = [await side('91310000AAAAAAAA1X'), await side('91310000BBBBBBBB2Y')];
});

const f5 = (headers: Record<string, string>, query: string, namespace = 'system') =>
  callRoute(f5Pdf, { path: `/api/web/namespaces/${namespace}/usage/invoice_pdf${query}`, params: { namespace }, headers });
const pdfOf = (json: unknown) => Buffer.from((json as { pdf: string }).pdf, 'base64');
const printed = async (pdf: Uint8Array) => (await pdfText(pdf)).replace(/\s+/g, '');

describe('GET usage/invoice_pdf (F5 DownloadInvoicePdf)', () => {
  it('answers {pdf: base64} valid against the F5 schema; the decoded file is the named invoice', async () => {
    const res = await f5(bearer(A.key), `?name=${A.invoiceNumber}`);
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(validate(res.json), JSON.stringify(validate.errors)).toBe(true);
    expect(Object.keys(res.json as object)).toEqual(['pdf']);
    const pdf = pdfOf(res.json);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await printed(pdf);
    expect(text).toContain(A.invoiceNumber);
    expect(text).toContain(`纳税人识别号:${A.taxId}`);
    expect(text).toContain('价税合计CNY10.60');
    // any namespace of the tenant answers (invoices are tenant-wide)
    expect((await f5(bearer(A.key), `?name=${A.invoiceNumber}`, 'web')).status).toBe(200);
    expect(validate({ pdf: 12 }), 'the validator can fail').toBe(false);
  });

  it('400 for a missing, empty or malformed name and for an unknown parameter, as F5’s bare JSON string', async () => {
    for (const query of ['', '?name=', `?name=${encodeURIComponent('INV 2026/../x')}`, `?name=${'9'.repeat(65)}`, `?name=${A.invoiceNumber}&format=raw`]) {
      const res = await f5(bearer(A.key), query);
      expect(res.status, query).toBe(400);
      expect(typeof res.json, query).toBe('string');
    }
  });

  it('401 without a credential or with a revoked-looking key; nothing rendered', async () => {
    const before = await prisma.invoicePdf.count({ where: { tenantId: A.seeded.tenant.id } });
    for (const headers of [{}, bearer('cf_live_notakey.notasecret')]) {
      const res = await f5(headers, `?name=${A.invoiceNumber}`);
      expect(res.status).toBe(401);
      expect(res.text).not.toContain('pdf');
    }
    expect(await prisma.invoicePdf.count({ where: { tenantId: A.seeded.tenant.id } })).toBe(before);
  });

  it('differential isolation: B’s key gets its own invoice, and 404 for A’s number exactly as for a number that does not exist', async () => {
    const own = await f5(bearer(B.key), `?name=${B.invoiceNumber}`);
    expect(own.status).toBe(200);
    expect(await printed(pdfOf(own.json))).toContain(B.taxId);
    const foreign = await f5(bearer(B.key), `?name=${A.invoiceNumber}`);
    const missing = await f5(bearer(B.key), '?name=INV-1999-999');
    expect(foreign.status).toBe(404);
    expect(foreign.json).toEqual(missing.json);
    for (const secret of [A.invoiceNumber, A.taxId, A.seeded.tenant.id, A.seeded.tenant.name]) expect(foreign.text).not.toContain(secret);
    // B's namespace name in A's tenant is not B's: a namespace of another tenant is 404 too
    expect((await f5(bearer(B.key), `?name=${B.invoiceNumber}`, `ns-${uniqueSuffix()}`)).status).toBe(404);
  });
});

const COOKIE = 'authjs.session-token';
async function sessionCookie(userId: string) {
  const session = await openSession(userId, '127.0.0.1', 'vitest');
  return `${COOKIE}=${await encode({ token: { sub: userId, sid: session.id }, secret: process.env.AUTH_SECRET!, salt: COOKIE })}`;
}

async function download(tenantId: string, invoiceId: string, headers: Record<string, string>, query = '') {
  const request = new Request(`http://localhost/t/${tenantId}/invoices/${invoiceId}/pdf${query}`, { headers });
  const response = await portalPdf(request, { params: Promise.resolve({ tenantId, invoiceId }) });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

describe('portal download /t/{tenantId}/invoices/{invoiceId}/pdf', () => {
  it('serves application/pdf inline to any member, as an attachment with ?download=1, and 304 while the version is unchanged', async () => {
    const cookie = await sessionCookie(A.seeded.users.viewer.id);
    const inline = await download(A.seeded.tenant.id, A.recordId, { cookie });
    expect(inline.status).toBe(200);
    expect(inline.headers.get('content-type')).toBe('application/pdf');
    expect(inline.headers.get('content-disposition')).toBe(`inline; filename="${A.invoiceNumber}.pdf"`);
    expect(await printed(inline.body)).toContain(A.taxId);

    const attachment = await download(A.seeded.tenant.id, A.recordId, { cookie }, '?download=1');
    expect(attachment.headers.get('content-disposition')).toBe(`attachment; filename="${A.invoiceNumber}.pdf"`);
    expect(attachment.body.equals(inline.body)).toBe(true);

    const etag = inline.headers.get('etag')!;
    expect((await download(A.seeded.tenant.id, A.recordId, { cookie, 'if-none-match': etag })).status).toBe(304);
    await prisma.billingRecord.update({ where: { tenantId_id: { tenantId: A.seeded.tenant.id, id: A.recordId } }, data: { status: 'void', voidedAt: new Date() } });
    const changed = await download(A.seeded.tenant.id, A.recordId, { cookie, 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(await printed(changed.body)).toContain('状态:已作废');
  });

  it('401 signed out, 400 for an unknown parameter, 404 for another tenant’s invoice, tenant or an outsider', async () => {
    expect((await download(A.seeded.tenant.id, A.recordId, {})).status).toBe(401);
    const ownerB = await sessionCookie(B.seeded.users.owner.id);
    expect((await download(B.seeded.tenant.id, B.recordId, { cookie: ownerB }, '?download=yes')).status).toBe(400);
    expect((await download(B.seeded.tenant.id, B.recordId, { cookie: ownerB })).status).toBe(200);
    const viaOwnTenant = await download(B.seeded.tenant.id, A.recordId, { cookie: ownerB });
    const viaForeignTenant = await download(A.seeded.tenant.id, A.recordId, { cookie: ownerB });
    const unknown = await download(B.seeded.tenant.id, 'rec_doesnotexist', { cookie: ownerB });
    for (const res of [viaOwnTenant, viaForeignTenant, unknown]) {
      expect(res.status).toBe(404);
      expect(res.body.toString()).toBe('not found');
    }
    const outsider = await seedUser(`outsider-${uniqueSuffix()}@elsewhere.test`, 'Outsider');
    expect((await download(A.seeded.tenant.id, A.recordId, { cookie: await sessionCookie(outsider.id) })).status).toBe(404);
  });
});
