import { z } from 'zod';
import type { MembershipRole } from '../generated/prisma/enums';
import { AppError, forbidden, notFound, unauthorized } from '../errors';
import { tenantRoleAtLeast } from '../auth/roles';
import { apiKeyActor, serviceActor, userActor, type Actor } from '../audit/actor';
import { resolveCallerAccess, type TenantScope } from '../tenants/tenant-access';
import { impersonationActor, recordImpersonatedRequest } from '../impersonation/access';
import { findNamespace, type NamespaceRef } from '../tenants/namespaces';
import { TENANT_HEADER } from '../tenants/tenant-header';
import type { ApiKeyScope } from '../apikeys/schema';
import { requestMetaFrom } from '../platform/request-meta';
import { assertSameOrigin, requestSite } from '../platform/same-origin';
import { writeJson } from '../json';
import { sessionUserFromCookie } from '../auth/session-cookie';
import { authenticateApiKey, authenticateService, presentedCredential } from './credentials';
import { newEnvelopeMeta, type Envelope, type EnvelopeMeta } from './envelopes';
import { assertSafeText, parseWith, queryObject, readJsonBody, validate } from './parse';
import { JSON_HEADERS, errorResponse } from './respond';
import { requestFingerprint, runIdempotent } from './idempotency';
import { enforceRateLimit } from '../platform/rate-limit';

type RouteParams = { params: Promise<Record<string, string | string[] | undefined>> };
export type RouteHandler = (request: Request, context: RouteParams) => Promise<Response>;

export type TenantCaller = { scope: TenantScope; actor: Actor; via: 'api_key' | 'session' };

/** An operation's schemas (server/rest/operations.ts): inputs parsed here; `response` parses what the handler returns. */
type Schemas<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  params?: P; query?: Q; body?: B; response?: z.ZodType;
  /**
   * The handler returns its body already in the response schema's exact shape (a typed mapper, keys
   * in wire order), so the guard writes it without parsing it again: a hot read's page is not copied
   * a second time on every request. The operation's tests require that the schema's parse of what
   * the handler returns changes nothing (same bytes through the JSON writer).
   */
  exactResponse?: boolean;
};

/** What the guard writes for a handler's result: the schema's parse of it, or the result itself when it is already exact. */
function responseBody(schemas: Schemas<z.ZodType, z.ZodType, z.ZodType>, result: unknown): unknown {
  return schemas.response && !schemas.exactResponse ? schemas.response.parse(result) : result;
}

type HandlerInput<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  request: Request;
  meta: EnvelopeMeta;
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
};

export type TenantRouteOptions<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = Schemas<P, Q, B> & {
  envelope: Envelope;
  /** API key scope this endpoint needs. */
  scope: ApiKeyScope;
  /** Minimum membership role for a signed-in person (default: viewer to read, billing to write). */
  role?: MembershipRole;
  /** Path parameter that names the tenant (seed 001): another tenant's id is 404. */
  tenantParam?: string;
  /** Path parameter that names a namespace (seed 003): unknown or foreign is 404. */
  namespaceParam?: string;
  /** A mutation: honour Idempotency-Key. */
  idempotent?: boolean;
};


async function parseInput<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  request: Request,
  context: RouteParams,
  schemas: Schemas<P, Q, B>,
) {
  const rawParams = await context.params;
  assertSafeText(rawParams, 'path parameters');
  const params = schemas.params ? validate(schemas.params, rawParams, 'path parameters') : rawParams;
  const query = schemas.query ? validate(schemas.query, queryObject(new URL(request.url)), 'query parameters') : {};
  const { raw, value } = schemas.body ? await readJsonBody(request, 'request body') : { raw: '', value: undefined };
  const body = schemas.body ? parseWith(schemas.body, value, 'request body') : undefined;
  return { params: params as z.output<P>, query: query as z.output<Q>, body: body as z.output<B>, rawBody: raw };
}

/** API key (any of the three header forms) or, failing that, the portal's session cookie. */
async function authenticateTenantCaller(request: Request, meta: EnvelopeMeta, options: TenantRouteOptions<z.ZodType, z.ZodType, z.ZodType>, pathTenantId: string | undefined): Promise<TenantCaller> {
  const credential = presentedCredential(request.headers);
  const reqMeta = meta.request;
  if (credential?.kind === 'service') throw forbidden('a service credential cannot call tenant endpoints', 'WRONG_CREDENTIAL_KIND');
  if (credential) {
    const key = await authenticateApiKey(credential.token, reqMeta.ip);
    if (!key.scopes.includes(options.scope)) throw forbidden(`this API key lacks the ${options.scope} scope`, 'SCOPE_MISSING');
    if (pathTenantId !== undefined && pathTenantId !== key.tenantId) throw notFound('tenant', 'TENANT_NOT_FOUND');
    return { scope: key.scope, actor: apiKeyActor(key.id, key.createdByUserId, reqMeta), via: 'api_key' };
  }
  const user = await sessionUserFromCookie(request);
  if (!user) throw unauthorized('an API key or a session is required', 'UNAUTHENTICATED');
  // The cookie rides along on cross-site requests too: only our own pages may change state with it.
  if (request.method !== 'GET' && request.method !== 'HEAD') assertSameOrigin(requestSite(request.headers, request.url));
  const tenantId = pathTenantId ?? request.headers.get(TENANT_HEADER) ?? undefined;
  const scope = tenantId ? await resolveCallerAccess(user, tenantId) : null;
  if (!scope?.role) throw notFound('tenant', 'TENANT_NOT_FOUND');
  const impersonation = scope.impersonation;
  const actor = impersonation ? impersonationActor(user.id, impersonation.id, reqMeta) : userActor(user.id, reqMeta);
  if (impersonation) {
    await recordImpersonatedRequest(actor, scope.tenantId, { transport: 'rest', target: `${request.method} ${new URL(request.url).pathname}`, type: request.method });
    if (impersonation.readOnly && request.method !== 'GET' && request.method !== 'HEAD') throw forbidden('a support impersonation is read-only', 'IMPERSONATION_READ_ONLY');
  }
  const minimum = options.role ?? (options.scope === 'read' ? 'viewer' : 'billing');
  if (!tenantRoleAtLeast(scope.role, minimum)) throw forbidden(`this needs the ${minimum} role or higher`, 'ROLE_TOO_LOW');
  return { scope, actor, via: 'session' };
}

async function respondIdempotently(request: Request, tenantId: string, rawBody: string, meta: EnvelopeMeta, run: () => Promise<Response>): Promise<Response> {
  const key = request.headers.get('idempotency-key');
  if (!key) return run();
  const url = new URL(request.url);
  const stored = await runIdempotent({
    tenantId,
    key,
    fingerprint: requestFingerprint(request.method, url.pathname + url.search, rawBody),
    execute: async () => {
      const response = await run();
      return { status: response.status, body: await response.text(), contentType: response.headers.get('content-type') ?? JSON_HEADERS['content-type'] };
    },
  });
  return new Response(stored.body, {
    status: stored.status,
    headers: { ...JSON_HEADERS, 'content-type': stored.contentType, 'x-trace-id': meta.traceId, ...(stored.replayed ? { 'idempotent-replayed': 'true' } : {}) },
  });
}

/** The one guard every tenant REST endpoint goes through. */
export function tenantRoute<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(
  options: TenantRouteOptions<P, Q, B>,
  handler: (input: HandlerInput<P, Q, B> & { caller: TenantCaller; namespace: NamespaceRef | null }) => Promise<unknown>,
): RouteHandler {
  return async (request, context) => {
    const meta = newEnvelopeMeta(requestMetaFrom(request.headers));
    try {
      const rawParams = await context.params;
      assertSafeText(rawParams, 'path parameters');
      const pathTenant = options.tenantParam ? String(rawParams[options.tenantParam] ?? '') : undefined;
      const caller = await authenticateTenantCaller(request, meta, options as TenantRouteOptions<z.ZodType, z.ZodType, z.ZodType>, pathTenant);
      enforceRateLimit(caller.actor.apiKeyId ?? `user:${caller.actor.userId}`);
      const input = await parseInput(request, context, options);
      const namespaceName = options.namespaceParam ? String(rawParams[options.namespaceParam] ?? '') : null;
      const namespace = namespaceName === null ? null : await findNamespace(caller.scope.tenantId, namespaceName);
      if (namespaceName !== null && !namespace) throw new AppError('NOT_FOUND', 'NAMESPACE_NOT_FOUND', `namespace "${namespaceName}" not found`);
      const run = async () => {
        try {
          const result = await handler({ ...input, request, meta, caller, namespace });
          if (result instanceof Response) return result;
          return new Response(writeJson(options.envelope.success(responseBody(options, result), meta)), { status: 200, headers: { ...JSON_HEADERS, 'x-trace-id': meta.traceId } });
        } catch (error) {
          return errorResponse(error, options.envelope, meta);
        }
      };
      return options.idempotent ? await respondIdempotently(request, caller.scope.tenantId, input.rawBody, meta, run) : await run();
    } catch (error) {
      return errorResponse(error, options.envelope, meta);
    }
  };
}

export type ServiceRouteOptions<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = Schemas<P, Q, B> & { envelope: Envelope; scope: string };

/** The guard for `/internal/…`: a service credential with the named scope, never a tenant key or a session. */
export function serviceRoute<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(
  options: ServiceRouteOptions<P, Q, B>,
  handler: (input: HandlerInput<P, Q, B> & { actor: Actor; credentialId: string }) => Promise<unknown>,
): RouteHandler {
  return async (request, context) => {
    const meta = newEnvelopeMeta(requestMetaFrom(request.headers));
    try {
      const credential = presentedCredential(request.headers);
      if (!credential && (await sessionUserFromCookie(request))) throw forbidden('this endpoint takes a service credential, not a session', 'WRONG_CREDENTIAL_KIND');
      if (!credential) throw unauthorized('a service credential is required', 'UNAUTHENTICATED');
      if (credential.kind !== 'service') throw forbidden('this endpoint takes a service credential, not a tenant API key', 'WRONG_CREDENTIAL_KIND');
      const service = await authenticateService(credential.token, options.scope, meta.request.ip);
      enforceRateLimit(service.id);
      const input = await parseInput(request, context, options);
      const result = await handler({ ...input, request, meta, actor: serviceActor(meta.request), credentialId: service.id });
      if (result instanceof Response) return result; // a streamed body (the export) writes its own envelope
      return new Response(writeJson(options.envelope.success(responseBody(options, result), meta)), { status: 200, headers: { ...JSON_HEADERS, 'x-trace-id': meta.traceId } });
    } catch (error) {
      return errorResponse(error, options.envelope, meta);
    }
  };
}
