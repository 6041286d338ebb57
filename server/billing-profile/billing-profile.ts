import type { Actor } from '../audit/actor';
import { recordAudit } from '../audit/record-audit';
import { prisma, type Tx } from '../db';
import { inTransaction } from '../transaction';
import { buyerProfile, invoiceLanguage, type BillingProfileInput, type BillingProfileView, type BuyerProfile } from './schema';

type Reader = Pick<Tx, 'tenant' | 'billingProfile'>;

const FIELDS = { companyName: true, taxId: true, address: true, invoiceEmail: true, invoiceLanguage: true, updatedAt: true } as const;

/** The tenant's profile, or defaults from the tenant (its name, its locale) when none was saved. */
async function readProfile(db: Reader, tenantId: string): Promise<BillingProfileView> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true, locale: true, billingProfile: { select: FIELDS } } });
  const saved = tenant.billingProfile;
  if (saved) return { tenantId, ...toBuyer(saved), saved: true, updatedAt: saved.updatedAt };
  const language = invoiceLanguage.safeParse(tenant.locale);
  return {
    tenantId, companyName: tenant.name, taxId: null, address: null, invoiceEmail: null,
    invoiceLanguage: language.success ? language.data : 'zh-CN', saved: false, updatedAt: null,
  };
}

function toBuyer(row: { companyName: string; taxId: string | null; address: string | null; invoiceEmail: string | null; invoiceLanguage: string }): BuyerProfile {
  return buyerProfile.parse({ companyName: row.companyName, taxId: row.taxId, address: row.address, invoiceEmail: row.invoiceEmail, invoiceLanguage: row.invoiceLanguage });
}

export function getBillingProfile(tenantId: string, tx?: Tx): Promise<BillingProfileView> {
  return readProfile(tx ?? prisma, tenantId);
}

/**
 * The buyer to print on an invoice finalized now: call it inside the finalizing transaction and
 * store the result in billing_records.buyer_profile, so the invoice keeps it after later edits.
 */
export async function billingProfileSnapshot(tx: Tx, tenantId: string): Promise<BuyerProfile> {
  const { companyName, taxId, address, invoiceEmail, invoiceLanguage: language } = await readProfile(tx, tenantId);
  return { companyName, taxId, address, invoiceEmail, invoiceLanguage: language };
}

/** Reads a stored snapshot (jsonb); null when the record has none (a draft). */
export function parseBuyerProfile(value: unknown): BuyerProfile | null {
  const parsed = buyerProfile.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Saves the profile (created on the first save), audited with before and after in the same
 * transaction; saving the same values again changes and audits nothing. Issued invoices keep
 * their snapshot: only invoices finalized after this print the new profile.
 */
export function updateBillingProfile(input: BillingProfileInput & { tenantId: string }, actor: Actor, tx?: Tx): Promise<BillingProfileView> {
  return inTransaction(tx, async (db) => {
    // Serializes concurrent saves of one tenant's profile, so each audit row's `before` is what it replaced.
    await db.$queryRaw`SELECT id FROM tenants WHERE id = ${input.tenantId} FOR UPDATE`;
    const before = await readProfile(db, input.tenantId);
    const { tenantId, ...fields } = input;
    const unchanged = before.saved && (Object.keys(fields) as (keyof typeof fields)[]).every((key) => before[key] === fields[key]);
    if (unchanged) return before;
    await db.billingProfile.upsert({ where: { tenantId }, create: { tenantId, ...fields }, update: fields });
    const after = await readProfile(db, tenantId);
    await recordAudit(db, actor, {
      tenantId, action: 'billing_profile.update', targetType: 'billing_profile', targetId: tenantId,
      before: before.saved ? toBuyer(before) : null, after: toBuyer(after),
    });
    return after;
  });
}
