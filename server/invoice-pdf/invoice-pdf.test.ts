import { describe, expect, it } from 'vitest';
import { seedTestTenant } from '../../prisma/seed/factories';
import { charactersWithoutGlyph, openFont, pdfText } from '../../test/pdf-text';
import { issueInvoice } from '../billing/issue-invoice';
import { updateBillingProfile } from '../billing-profile/billing-profile';
import { prisma } from '../db';
import { AppError } from '../errors';
import { invoiceFontPath } from './fonts';
import { getInvoicePdf } from './invoice-pdf';

const BUYER = { companyName: '上海示例云计算有限公司', taxId: '91310000MA1FL8XK2Q', address: '上海市浦东新区世纪大道 100 号 25 楼', invoiceEmail: 'ap@example.com' };
const LINES = [
  { resourceType: 'plan', description: '专业版订阅（月付）', quantity: '1', unitPrice: '999' },
  { resourceType: 'storage', description: '对象存储 标准型 超出部分', quantity: '1234.5', unitPrice: '0.0123' },
  { resourceType: 'api', description: 'API 调用次数', quantity: '250000', unitPrice: '0.0004' },
];

async function tenantWithInvoice(invoiceLanguage: 'zh-CN' | 'en') {
  const seeded = await seedTestTenant('CNY');
  await updateBillingProfile({ tenantId: seeded.tenant.id, ...BUYER, invoiceLanguage }, seeded.ownerActor);
  const record = await issueInvoice({ tenantId: seeded.tenant.id, type: 'subscription', description: '2026 年 12 月账单', lines: LINES }, seeded.ownerActor);
  return { seeded, record };
}

/** pdfjs puts a space between runs on one line ("小计 CNY 1.00") where the layout has a gap: compare without whitespace. */
const printed = async (pdf: Uint8Array) => (await pdfText(pdf)).replace(/\s+/g, '');
const squeeze = (value: string) => value.replace(/\s+/g, '');

const cachedRow = (tenantId: string, billingRecordId: string) =>
  prisma.invoicePdf.findUniqueOrThrow({ where: { tenantId_billingRecordId: { tenantId, billingRecordId } }, select: { version: true, createdAt: true } });

describe('invoice PDF', () => {
  it('prints the Chinese descriptions, the buyer’s tax id and the totals, with a glyph in the embedded font for every character', async () => {
    const { seeded, record } = await tenantWithInvoice('zh-CN');
    const { pdf, invoiceNumber } = await getInvoicePdf({ tenantId: seeded.tenant.id, recordId: record.id });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const text = await printed(pdf);
    for (const line of LINES) expect(text).toContain(squeeze(line.description));
    expect(text).toContain(`纳税人识别号:${BUYER.taxId}`);
    expect(text).toContain(BUYER.companyName);
    expect(text).toContain(invoiceNumber);
    // 999 + 15.18 (1234.5 × 0.0123 = 15.18435) + 100 = 1,114.18; tax per line half up: 59.94 + 0.91 + 6.00 = 66.85.
    expect(text).toContain('小计CNY1,114.18');
    expect(text).toContain('税额合计CNY66.85');
    expect(text).toContain('价税合计CNY1,181.03');
    expect(text).toContain('已付金额CNY0.00');
    expect(text).toContain('应付金额CNY1,181.03');
    expect(text).toContain('状态:待付款');

    // Every character printed from the Chinese strings has a real glyph (not .notdef, id 0) in the font embedded…
    const font = openFont(invoiceFontPath());
    const chinese = [...LINES.map((line) => line.description), BUYER.companyName, BUYER.address, '2026 年 12 月账单', '纳税人识别号价税合计应付金额已付金额待付款'].join('');
    expect(charactersWithoutGlyph(font, chinese)).toEqual([]);
    expect(charactersWithoutGlyph(font, '😀'), 'the check can fail').toEqual(['😀']);
    // …and that font is the only one the document uses (no fallback to a standard font without CJK).
    const fonts = new Set(pdf.toString('latin1').match(/\/BaseFont \/[A-Z]{6}\+[A-Za-z-]+/g));
    expect([...fonts].map((name) => name.replace(/^\/BaseFont \/[A-Z]{6}\+/, ''))).toEqual(['NotoSansSC-Regular']);
  });

  it('prints in English when the invoice language is en', async () => {
    const { seeded, record } = await tenantWithInvoice('en');
    const text = await printed((await getInvoicePdf({ tenantId: seeded.tenant.id, invoiceNumber: record.invoiceNumber! })).pdf);
    expect(text).toContain(`TaxID:${BUYER.taxId}`);
    expect(text).toContain('TotalCNY1,181.03');
    expect(text).toContain('Status:Open');
    expect(text).toContain('专业版订阅（月付）'); // line descriptions print as written
  });

  it('is cached per invoice version: served from the cache until the invoice changes, then rendered again', async () => {
    const { seeded, record } = await tenantWithInvoice('zh-CN');
    const tenantId = seeded.tenant.id;
    const first = await getInvoicePdf({ tenantId, recordId: record.id });
    const stored = await cachedRow(tenantId, record.id);
    const again = await getInvoicePdf({ tenantId, invoiceNumber: record.invoiceNumber! });
    expect(again.version).toBe(first.version);
    expect(again.pdf.equals(first.pdf)).toBe(true);
    expect(await cachedRow(tenantId, record.id)).toEqual(stored); // not rendered again

    // A profile edit after issue changes nothing: the invoice prints its snapshot.
    await updateBillingProfile({ tenantId, ...BUYER, companyName: '改名后的公司', invoiceLanguage: 'en' }, seeded.ownerActor);
    expect((await getInvoicePdf({ tenantId, recordId: record.id })).version).toBe(first.version);

    await prisma.billingRecord.update({ where: { tenantId_id: { tenantId, id: record.id } }, data: { status: 'paid', paidAt: new Date('2026-12-03T02:00:00Z') } });
    const paid = await getInvoicePdf({ tenantId, recordId: record.id });
    expect(paid.version).not.toBe(first.version);
    expect((await cachedRow(tenantId, record.id)).version).toBe(paid.version);
    const text = await printed(paid.pdf);
    expect(text).toContain('状态:已付款');
    expect(text).toContain('已付金额CNY1,181.03');
    expect(text).toContain('应付金额CNY0.00');
    expect(text).toContain(BUYER.companyName);
  });

  it('another tenant’s invoice, an unknown number and a draft are NOT_FOUND alike', async () => {
    const { seeded, record } = await tenantWithInvoice('zh-CN');
    const other = await seedTestTenant('CNY');
    const notFound = async (lookup: Parameters<typeof getInvoicePdf>[0]) => {
      const error = await getInvoicePdf(lookup).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('NOT_FOUND');
      return (error as AppError).message;
    };
    const foreign = await notFound({ tenantId: other.tenant.id, recordId: record.id });
    expect(await notFound({ tenantId: other.tenant.id, invoiceNumber: record.invoiceNumber! })).toBe(foreign);
    expect(await notFound({ tenantId: seeded.tenant.id, invoiceNumber: 'INV-1999-999' })).toBe(foreign);
    await prisma.billingRecord.create({
      data: { tenantId: seeded.tenant.id, id: `rec_draft${record.id.slice(-6)}`, type: 'usage', status: 'draft', description: 'draft', currency: 'CNY' },
    });
    expect(await notFound({ tenantId: seeded.tenant.id, recordId: `rec_draft${record.id.slice(-6)}` })).toBe(foreign);
    expect(await prisma.invoicePdf.count({ where: { tenantId: other.tenant.id } })).toBe(0);
  });
});
