/**
 * Job definitions: one `defineJob` per job, listed once in `jobs.ts`. The pg-boss worker
 * (`worker.ts`) and the synchronous runner of the seed and tests (`run-due.ts`) read the same list
 * and call the same handlers.
 */
import type { z } from 'zod';

export type RetryPolicy = { limit: number; delaySeconds: number; backoff: boolean };

export interface JobContext {
  /** When the job runs: the clock's now for the worker, the simulated time for runDueJobs. */
  at: Date;
  /** Enqueue a per-subject job; its definition's `key` makes a duplicate a no-op while one is queued or running. */
  enqueue(name: string, data: unknown): Promise<void>;
  /** Sweeps only: limit the search to these tenants (tests and the seed); the worker searches all. */
  tenantIds?: readonly string[];
}

export interface JobDefinition<T = unknown> {
  /** The pg-boss queue name. */
  name: string;
  /** Parses the payload at the queue boundary (zod, as every transport does). */
  payload: z.ZodType<T>;
  /** Idempotency key per (job, subject, period): pg-boss's singletonKey, e.g. `renewal:<sub>:<period end ISO>`. */
  key(data: T): string;
  handler(data: T, context: JobContext): Promise<unknown>;
  /** Recurring jobs (sweeps): a cron expression evaluated in a time zone. */
  schedule?: { cron: string; tz: string };
  retry: RetryPolicy;
  /** How long one run may take before pg-boss retries it elsewhere. */
  expireInSeconds: number;
  /**
   * pg-boss queue policy per singleton key. Default `exclusive` (one queued or running). `stately`
   * (one queued and one running) suits a drain job: work that arrives while it runs gets one more run.
   */
  policy?: 'exclusive' | 'stately';
}

export function defineJob<T>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}

/** Default retry policy: five tries with exponential backoff from 30 s, at most 10 min apart. */
export const DEFAULT_RETRY: RetryPolicy = { limit: 5, delaySeconds: 30, backoff: true };
