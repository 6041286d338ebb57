import { prisma } from '../db';
import { invoiceFilter, type InvoiceFilter } from './schema';

/** The tenant's apps, for the invoices page's app filter (names as the tenant gave them). */
export function invoiceAppOptions(tenantId: string): Promise<{ id: string; name: string }[]> {
  return prisma.app.findMany({ where: { tenantId }, select: { id: true, name: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
}

/** What the invoices page's URL says: filters, and the keyset position of the page shown. */
export type InvoiceUrlState = { filters: InvoiceFilter; cursor: string | null; direction: 'older' | 'newer'; invalid: boolean };

const FILTER_NAMES = ['status', 'type', 'appId', 'from', 'to'] as const;

/**
 * Reads the page's query string: blank parameters are absent ones; filters that do not parse are
 * dropped as a whole (the page says so) rather than half applied.
 */
export function invoiceUrlState(params: Record<string, string | string[] | undefined>): InvoiceUrlState {
  const one = (name: string) => {
    const value = params[name];
    const text = Array.isArray(value) ? value[0] : value;
    return text && text.trim() !== '' ? text.trim() : undefined;
  };
  const raw = Object.fromEntries(FILTER_NAMES.map((name) => [name, one(name)]).filter(([, value]) => value !== undefined));
  const parsed = invoiceFilter.safeParse(raw);
  const cursor = one('cursor') ?? null;
  return {
    filters: parsed.success ? parsed.data : {},
    cursor: parsed.success && cursor && cursor.length <= 200 ? cursor : null,
    direction: one('dir') === 'newer' ? 'newer' : 'older',
    invalid: !parsed.success,
  };
}
