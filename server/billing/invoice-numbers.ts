import type { Prisma } from '../db';
import { toLocal } from '../time/zoned';

/** Invoice numbers are platform-wide per calendar year in the platform's zone (DOMAIN.md). */
export const PLATFORM_TIMEZONE = 'Asia/Shanghai';

/**
 * The next gapless number, INV-2026-001: the upsert locks the year's row until the finalizing
 * transaction ends, and a rollback gives the number back.
 */
export async function nextInvoiceNumber(tx: Prisma.TransactionClient, at: Date): Promise<string> {
  const year = toLocal(at, PLATFORM_TIMEZONE).year;
  const rows = await tx.$queryRaw<{ last_number: number }[]>`
    INSERT INTO invoice_number_sequences (year, last_number, updated_at) VALUES (${year}, 1, now())
    ON CONFLICT (year) DO UPDATE SET last_number = invoice_number_sequences.last_number + 1, updated_at = now()
    RETURNING last_number`;
  const number = rows[0]?.last_number;
  if (number === undefined) throw new Error('invoice number sequence did not answer');
  return `INV-${year}-${String(number).padStart(3, '0')}`;
}
