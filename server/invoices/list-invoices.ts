import { prisma } from '../db';
import { now } from '../clock';
import type { Prisma } from '../generated/prisma/client';
import { badRequest } from '../errors';
import { toDecimalString } from '../money';
import { startOfLocalDate } from '../time/zoned';
import type { InvoiceFilter, InvoiceListInput, InvoicePage, InvoiceRow } from './schema';
import { settlementOf } from './settlement';

/** Whose invoices, and the timezone that reads the filter's dates (the tenant's billing timezone). */
export type InvoiceScope = { tenantId: string; timeZone: string };

type Position = { at: Date; id: string };

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): Position {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (!id || !/^[A-Za-z0-9_-]{1,64}$/.test(id) || Number.isNaN(at.getTime())) throw badRequest('the cursor is not one this list gave out', 'INVALID_CURSOR');
  return { at, id };
}

/** The filters as a where clause; the tenant is always ANDed in, whatever the filters say. */
export function invoiceWhere(filter: InvoiceFilter, scope: InvoiceScope): Prisma.BillingRecordWhereInput {
  const and: Prisma.BillingRecordWhereInput[] = [{ tenantId: scope.tenantId }];
  if (filter.status) and.push({ status: filter.status });
  if (filter.type) and.push({ type: filter.type });
  if (filter.appId) and.push({ appId: filter.appId });
  if (filter.from) and.push({ createdAt: { gte: startOfLocalDate(filter.from, scope.timeZone) } });
  if (filter.to) and.push({ createdAt: { lt: startOfLocalDate(filter.to, scope.timeZone, 1) } });
  return { AND: and };
}

const ROW_SELECT = {
  id: true, invoiceNumber: true, type: true, status: true, description: true, appId: true, currency: true,
  amount: true, creditAppliedAmount: true, createdAt: true, dueAt: true,
} as const;

type RawRow = Prisma.BillingRecordGetPayload<{ select: typeof ROW_SELECT }>;

function present(row: RawRow, at: Date): InvoiceRow {
  const { amountDue, overdue } = settlementOf(row, at);
  const { creditAppliedAmount, amount, ...rest } = row;
  return { ...rest, amount: toDecimalString(amount), amountDue: toDecimalString(amountDue), overdue };
}

/**
 * Newest first on (created_at, id), the order seed 001 uses, paged by keyset in either direction:
 * `older` continues after the cursor, `newer` goes back before it (read ascending, then reversed).
 */
async function readPage(where: Prisma.BillingRecordWhereInput, cursor: Position | null, direction: 'older' | 'newer', take: number) {
  const keyset: Prisma.BillingRecordWhereInput = !cursor ? {} : direction === 'older'
    ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] }
    : { OR: [{ createdAt: { gt: cursor.at } }, { createdAt: cursor.at, id: { gt: cursor.id } }] };
  const order = direction === 'older' ? 'desc' : 'asc';
  const rows = await prisma.billingRecord.findMany({ where: { AND: [where, keyset] }, orderBy: [{ createdAt: order }, { id: order }], take, select: ROW_SELECT });
  return direction === 'older' ? rows : rows.reverse();
}

/** One page of the tenant's invoices matching the filters, with the count of all that match. */
export async function listInvoices(input: InvoiceListInput, scope: InvoiceScope): Promise<InvoicePage> {
  const where = invoiceWhere(input, scope);
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  const [rows, total] = await Promise.all([readPage(where, cursor, input.direction, input.limit + 1), prisma.billingRecord.count({ where })]);
  const more = rows.length > input.limit;
  // Back at the newest invoices: answer the first page itself, full length, rather than a short one.
  if (input.direction === 'newer' && !more) return listInvoices({ ...input, cursor: null, direction: 'older' }, scope);
  // The extra row read tells whether the page reached the end in the direction of travel.
  const page = input.direction === 'older' ? rows.slice(0, input.limit) : rows.slice(1);
  const first = page[0];
  const last = page[page.length - 1];
  const hasOlder = input.direction === 'older' ? more : cursor !== null;
  const hasNewer = input.direction === 'older' ? cursor !== null : true;
  const at = now();
  return {
    items: page.map((row) => present(row, at)),
    total,
    olderCursor: hasOlder && last ? encodeCursor(last) : null,
    newerCursor: hasNewer && first ? encodeCursor(first) : null,
  };
}

/** Every invoice matching the filters, newest first, in batches along the same keyset (the streamed CSV). */
export async function* invoicesInBatches(filter: InvoiceFilter, scope: InvoiceScope, batchSize = 500): AsyncGenerator<InvoiceRow[]> {
  const where = invoiceWhere(filter, scope);
  let after: Position | null = null;
  for (;;) {
    const rows = await readPage(where, after, 'older', batchSize);
    if (rows.length === 0) return;
    const at = now();
    yield rows.map((row) => present(row, at));
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    after = { at: last.createdAt, id: last.id };
  }
}
