import { z } from 'zod';
import { SERVICE_SCOPES } from './schema';

const credentialId = z.string().regex(/^svc_[0-9a-z]{1,40}$/);

/** One service credential as the staff console shows it: never the secret or its hash. */
export const serviceCredentialView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  rotatedAt: z.date().nullable(),
  /** While the replaced secret still works after a rotation; null when there is none (or it ended). */
  previousSecretExpiresAt: z.date().nullable(),
});
export type ServiceCredentialView = z.infer<typeof serviceCredentialView>;

export const serviceCredentialList = z.object({ items: z.array(serviceCredentialView), scopes: z.array(z.enum(SERVICE_SCOPES)) });

/** The only time a secret leaves the server: right after create or rotate. */
export const issuedServiceCredential = z.object({ token: z.string(), credential: serviceCredentialView });

/** Overlap: the old secret keeps working this many hours (0 = refused at once; at most a week). */
export const rotateServiceCredentialInput = z.strictObject({ id: credentialId, overlapHours: z.number().int().min(0).max(168).default(24) });
export type RotateServiceCredentialInput = z.output<typeof rotateServiceCredentialInput>;

export const revokeServiceCredentialInput = z.strictObject({ id: credentialId });
export type RevokeServiceCredentialInput = z.output<typeof revokeServiceCredentialInput>;
