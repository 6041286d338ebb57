import { inTransaction, type Tx } from '../transaction';
import { newId } from '../ids';
import { now } from '../clock';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../audit/actor';
import { badRequest, conflict, notFound } from '../errors';
import type { IssueVoucherInput } from './schema';

/**
 * Issues a voucher (prepaid money for usage, 代金券) to a tenant in its currency. It is spent when a
 * pricing period closes, on the period's lines whose hour lies in [validFrom, expiresAt)
 * (server/usage-pricing/apply-vouchers.ts); until then its whole amount remains.
 */
export async function issueVoucher(input: IssueVoucherInput, actor: Actor, tx?: Tx) {
  return inTransaction(tx, async (db) => {
    const tenant = await db.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true, currency: true } });
    if (!tenant) throw notFound('tenant', 'TENANT_NOT_FOUND');
    const at = now();
    const validFrom = input.validFrom ?? at;
    if (input.expiresAt <= validFrom || input.expiresAt <= at) throw badRequest('expiresAt must be after validFrom and in the future', 'VOUCHER_DATES');
    if (await db.voucher.findUnique({ where: { tenantId_code: { tenantId: tenant.id, code: input.code } }, select: { id: true } })) {
      throw conflict(`voucher ${input.code} already exists`, 'VOUCHER_CODE_TAKEN');
    }
    const voucher = await db.voucher.create({
      data: {
        tenantId: tenant.id, id: newId('vch'), code: input.code, amount: input.amount, currency: tenant.currency, validFrom, expiresAt: input.expiresAt,
        resourceType: input.resourceType, createdBy: actor.userId, reason: input.reason, createdAt: at,
      },
    });
    await recordAudit(db, actor, {
      tenantId: tenant.id, action: 'voucher.issue', targetType: 'voucher', targetId: voucher.id,
      after: { code: voucher.code, amount: input.amount, currency: tenant.currency, validFrom, expiresAt: input.expiresAt, resourceType: input.resourceType, reason: input.reason },
    });
    return voucher;
  });
}
