import type { RequestMeta } from '../platform/request-meta';

/** Who did something, on whose behalf, from where: carried into every audit row. */
export type Actor = {
  kind: 'user' | 'staff' | 'api_key' | 'service' | 'system';
  userId: string | null;
  apiKeyId: string | null;
  impersonatorUserId: string | null;
  impersonationId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

export function userActor(userId: string, meta: RequestMeta, kind: 'user' | 'staff' = 'user'): Actor {
  return { kind, userId, apiKeyId: null, impersonatorUserId: null, impersonationId: null, ...metaFields(meta) };
}

export function apiKeyActor(apiKeyId: string, createdByUserId: string | null, meta: RequestMeta): Actor {
  return { kind: 'api_key', userId: createdByUserId, apiKeyId, impersonatorUserId: null, impersonationId: null, ...metaFields(meta) };
}

export function serviceActor(meta: RequestMeta): Actor {
  return { kind: 'service', userId: null, apiKeyId: null, impersonatorUserId: null, impersonationId: null, ...metaFields(meta) };
}

export const SYSTEM_ACTOR: Actor = {
  kind: 'system', userId: null, apiKeyId: null, impersonatorUserId: null, impersonationId: null, ip: null, userAgent: null, requestId: null,
};

function metaFields(meta: RequestMeta) {
  return { ip: meta.ip, userAgent: meta.userAgent, requestId: meta.requestId };
}
