import { z } from 'zod';
import { MembershipRole } from '../generated/prisma/enums';

export const createUserInput = z.strictObject({
  id: z.string().regex(/^usr_[a-z0-9_]{2,40}$/).optional(),
  email: z.email().max(320).transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(10).max(200),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  staffRole: z.enum(['support', 'finance', 'admin']).nullable().default(null),
});
/** Parsed (email lower-cased, defaults applied): what createUser takes. */
export type CreateUserInput = z.output<typeof createUserInput>;

export const addMembershipInput = z.strictObject({
  tenantId: z.string().min(1).max(64),
  userId: z.string().min(1).max(64),
  role: z.enum(MembershipRole),
});
export type AddMembershipInput = z.output<typeof addMembershipInput>;
