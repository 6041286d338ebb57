import { z } from 'zod';
import { NAMESPACE_NAME } from '../tenants/namespaces';

export const createAppInput = z.strictObject({
  id: z.string().regex(/^app_[a-z0-9_]{2,40}$/).optional(),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
});
export type CreateAppInput = z.output<typeof createAppInput>;

export const createNamespaceInput = z.strictObject({
  name: z.string().min(1).max(63).regex(NAMESPACE_NAME, 'a DNS label: lowercase letters, digits and inner hyphens'),
  description: z.string().max(1200).default(''),
});
export type CreateNamespaceInput = z.output<typeof createNamespaceInput>;
