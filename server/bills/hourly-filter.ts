import { badRequest } from '../errors';
import type { BillState, ConsumeType, PaymentModel } from '../generated/prisma/enums';

/**
 * Seed 004 `filter` (WIRE.md): a conjunction `field = "value" AND field = "value"` over a fixed
 * set of fields. Anything else — another field, another operator, OR, a bad enum value — is 400,
 * so a caller never gets silently unfiltered rows.
 */
export type HourlyFilter = {
  resourceGroupId?: string;
  resourceOwnerId?: string;
  subscriptionId?: string;
  billingAccountId?: string;
  spuId?: string;
  skuId?: string;
  state?: BillState;
  consumeType?: ConsumeType;
  paymentModel?: PaymentModel;
};

const STATES: Record<string, BillState> = {
  BS_PENDING: 'pending', BS_DUE: 'due', BS_PAYING: 'paying', BS_PAID: 'paid', BS_FAILED: 'failed', BS_WRITEOFF: 'writeoff', BS_CANCELED: 'canceled',
};
const CONSUME_TYPES: Record<string, ConsumeType> = { CT_CONSUMPTION: 'consumption', CT_REFUND: 'refund', CT_RECONCILIATION: 'reconciliation' };
const PAYMENT_MODELS: Record<string, PaymentModel> = { PM_PREPAID: 'prepaid', PM_POSTPAID: 'postpaid' };

function fromEnum<T>(values: Record<string, T>, field: string, value: string): T {
  const mapped = values[value];
  if (mapped === undefined) throw invalidFilter(`${field} must be one of ${Object.keys(values).join(', ')}`);
  return mapped;
}

const FIELDS: Record<string, (filter: HourlyFilter, value: string) => void> = {
  resource_group_id: (f, v) => { f.resourceGroupId = v; },
  resource_owner_id: (f, v) => { f.resourceOwnerId = v; },
  subscription_id: (f, v) => { f.subscriptionId = v; },
  billing_account_id: (f, v) => { f.billingAccountId = v; },
  spu_id: (f, v) => { f.spuId = v; },
  sku_id: (f, v) => { f.skuId = v; },
  state: (f, v) => { f.state = fromEnum(STATES, 'state', v); },
  consume_type: (f, v) => { f.consumeType = fromEnum(CONSUME_TYPES, 'consume_type', v); },
  payment_model: (f, v) => { f.paymentModel = fromEnum(PAYMENT_MODELS, 'payment_model', v); },
};

export const FILTER_FIELDS = Object.keys(FIELDS);

const invalidFilter = (message: string) => badRequest(`invalid filter: ${message}`, 'INVALID_FILTER');

/** One term: `field = "value"` (value in double quotes, `\"` and `\\` escaped). */
const TERM = /^\s*([a-z_]+)\s*=\s*"((?:[^"\\]|\\.)*)"\s*/;
const AND = /^AND\b/i;

export function parseHourlyFilter(text: string | undefined): HourlyFilter {
  const filter: HourlyFilter = {};
  if (text === undefined || text.trim() === '') return filter;
  let rest = text;
  const seen = new Set<string>();
  for (;;) {
    const term = TERM.exec(rest);
    if (!term) throw invalidFilter('expected field = "value" (terms joined by AND)');
    const [matched, field, quoted] = term as unknown as [string, string, string];
    const apply = FIELDS[field];
    if (!apply) throw invalidFilter(`unknown field "${field}"; filterable fields: ${FILTER_FIELDS.join(', ')}`);
    if (seen.has(field)) throw invalidFilter(`"${field}" appears twice (a conjunction of two values of one field matches nothing)`);
    seen.add(field);
    const value = quoted.replace(/\\(.)/g, '$1');
    if (value.length === 0 || value.length > 128) throw invalidFilter(`"${field}" needs a value of 1 to 128 characters`);
    apply(filter, value);
    rest = rest.slice(matched.length);
    if (rest.trim() === '') return filter;
    const and = AND.exec(rest);
    if (!and) throw invalidFilter('terms must be joined by AND');
    rest = rest.slice(and[0].length);
  }
}
