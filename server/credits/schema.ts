import { z } from 'zod';

export const grantCreditInput = z.strictObject({
  amount: z.string().regex(/^\d{1,21}(\.\d{1,9})?$/).describe('a positive decimal string in the tenant\'s currency, up to 9 places'),
  source: z.enum(['promotion', 'adjustment', 'refund', 'manual']),
  remark: z.string().trim().min(1).max(500),
});
export type GrantCreditInput = z.output<typeof grantCreditInput>;
