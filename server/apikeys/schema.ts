import { z } from 'zod';

export const API_KEY_SCOPES = ['read', 'write', 'ingest'] as const;
export const apiKeyScope = z.enum(API_KEY_SCOPES);
export type ApiKeyScope = z.infer<typeof apiKeyScope>;

export const createApiKeyInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(apiKeyScope).min(1).max(3).transform((scopes) => [...new Set(scopes)]),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(null),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

export const revokeApiKeyInput = z.strictObject({ id: z.string().min(1).max(64) });

export const apiKeySummary = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(apiKeyScope),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdBy: z.string().nullable(),
});
export type ApiKeySummary = z.infer<typeof apiKeySummary>;

/** The only time the whole key is ever returned. */
export const createdApiKey = z.object({ key: z.string(), apiKey: apiKeySummary });
export type RevokeApiKeyInput = z.infer<typeof revokeApiKeyInput>;
export type CreatedApiKey = z.infer<typeof createdApiKey>;
