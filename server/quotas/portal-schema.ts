/** tRPC `quotas.*`: the portal's view of the same F5 quota objects (camelCase, decimals as strings). */
import { z } from 'zod';
import { decimalString } from '../money-schema';
import { dnsLabel } from './schema';

/** A quota maximum: a non-negative quantity a double holds exactly (F5 types it `double`): ≤ 15 significant digits. */
const maximum = z.string().regex(/^\d{1,15}(\.\d{1,6})?$/, 'a non-negative number')
  .refine((value) => value.replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length <= 15, 'at most 15 significant digits');
const resourceType = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/);
const labels = z.record(z.string().min(1).max(64).regex(/^[A-Za-z0-9]([A-Za-z0-9._/-]{0,62}[A-Za-z0-9])?$/), z.string().min(1).max(1024))
  .refine((map) => Object.keys(map).length <= 64, 'at most 64 labels');

export const quotaAddress = z.strictObject({ namespace: dnsLabel, name: dnsLabel });

export const quotaForm = z.strictObject({
  namespace: dnsLabel,
  name: dnsLabel,
  description: z.string().max(400).default(''),
  labels: labels.default({}),
  enforcement: z.enum(['hard', 'soft']).default('hard'),
  appId: z.string().regex(/^app_[a-z0-9]{1,60}$/).nullable().default(null),
  disabled: z.boolean().default(false),
  resourceLimits: z.array(z.strictObject({ resourceType, maximum })).max(32)
    .refine((list) => new Set(list.map((l) => l.resourceType)).size === list.length, 'each resource type once'),
  objectLimits: z.array(z.strictObject({ kind: z.enum(['api_keys', 'apps', 'namespaces']), maximum: z.number().int().min(0).max(2_147_483_647) })).max(3)
    .refine((list) => new Set(list.map((l) => l.kind)).size === list.length, 'each object kind once').default([]),
});
export type QuotaForm = z.output<typeof quotaForm>;

export const quotaListInput = z.strictObject({ namespace: dnsLabel.optional() });

export const quotaSummary = z.object({
  uid: z.string(),
  namespace: z.string(),
  name: z.string(),
  description: z.string(),
  labels: z.record(z.string(), z.string()),
  enforcement: z.enum(['hard', 'soft']),
  appId: z.string().nullable(),
  disabled: z.boolean(),
  resourceLimits: z.array(z.object({ resourceType: z.string(), maximum: decimalString })),
  objectLimits: z.array(z.object({ kind: z.string(), maximum: z.number().int() })),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type QuotaSummary = z.infer<typeof quotaSummary>;

export const quotaListResult = z.object({
  quotas: z.array(quotaSummary),
  namespaces: z.array(z.object({ name: z.string() })),
  resourceTypes: z.array(z.object({ resourceType: z.string(), name: z.string(), nameZh: z.string(), unitName: z.string() })),
  apps: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type QuotaListResult = z.infer<typeof quotaListResult>;
