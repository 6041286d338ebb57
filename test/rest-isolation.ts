import type { callRoute, RestCall } from './harness';
import type { Fixture } from './isolation';

export type RouteResponse = Awaited<ReturnType<typeof callRoute>>;

/**
 * How one REST operation is tenant-scoped, for `server/rest/isolation.test.ts` (the REST isolation
 * table: it fails when a tenant operation of app/api/operations.ts has no case).
 * - `addressed`: the call names one of A's objects (an id, a name, A's tenant id). A's key gets it;
 *   B's key gets 404, an answer without any of A's data, and A is left unchanged.
 * - `scoped`: the call acts inside the credential's own tenant (a list, a create in its own
 *   namespace). A's key sees A's data; B's key succeeds on B and its answer holds none of A's data.
 * `call` builds the request without credentials (the runner adds A's or B's key, or none for 401).
 */
export type RestIsolationCase = {
  kind: 'addressed' | 'scoped';
  call: (fx: Fixture, as: 'A' | 'B') => RestCall | Promise<RestCall>;
  ownsA: (response: RouteResponse, fx: Fixture) => unknown;
};

/** `METHOD /path/template` (as the operation declares it) → its case. */
export type RestIsolationCases = Record<string, RestIsolationCase>;
