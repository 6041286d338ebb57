import type { MembershipRole } from '../server/generated/prisma/enums';
import type { seedApiKey, SeededTenant } from '../prisma/seed/factories';
import type { callerFor } from './harness';

/**
 * The shape of a tenant-isolation case. Each domain lists its procedures' cases beside its router
 * (`server/<domain>/isolation-cases.ts`); `server/trpc/isolation.test.ts` gathers them and fails
 * when a procedure of the root router has none.
 */
export type Caller = Awaited<ReturnType<typeof callerFor>>;
type Created = Awaited<ReturnType<typeof seedApiKey>>;
export type Fixture = { A: SeededTenant; B: SeededTenant; keyA: Created; keyB: Created; invoiceA: string; invoiceB: string; leaks: string[] };
/** 'allowed': the call is expected to succeed (revoke gets a throwaway key); 'denied': it targets A's real data. */
export type Mode = 'allowed' | 'denied';
export type Run = (caller: Caller, fx: Fixture, mode: Mode) => Promise<unknown>;
export type IsolationCase =
  | { kind: 'tenant'; type: 'query' | 'mutation'; minRole: MembershipRole; run: Run; ownsA: (result: any, fx: Fixture) => unknown }
  | { kind: 'authed'; type: 'query' | 'mutation'; run: Run }
  | { kind: 'staff'; type: 'query' | 'mutation'; run: Run };

/** Procedure path (`router.procedure`) → its case. */
export type IsolationCases = Record<string, IsolationCase>;
