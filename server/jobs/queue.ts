/**
 * The queue client: pg-boss on the application's PostgreSQL, in its own `pgboss` schema (pg-boss
 * creates and migrates it on start; our migrations never touch it).
 */
import { PgBoss } from 'pg-boss';
import type { JobDefinition } from './registry';

export const JOB_SCHEMA = 'pgboss';

/** `sendOnly`: a client that only sends jobs (no supervision, no schedules: the workers do that). */
export function createQueueClient(options: { connectionString?: string; max?: number; instanceName?: string; sendOnly?: boolean } = {}): PgBoss {
  const connectionString = options.connectionString ?? process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set');
  const boss = new PgBoss({
    connectionString, schema: JOB_SCHEMA, max: options.max ?? 4, application_name: 'counterfoil-jobs',
    instanceName: options.instanceName ?? 'counterfoil', openTelemetry: { enabled: false },
    ...(options.sendOnly ? { supervise: false, schedule: false } : {}),
  });
  // pg-boss reports connection trouble as events; an unhandled 'error' event would end the process.
  boss.on('error', (error) => console.error(`[jobs] ${error.message}`));
  return boss;
}

/**
 * Creates (or updates) each job's queue with its retry policy. `exclusive` (the default): one job per
 * singleton key may be queued or running at a time, so a sweep that finds the same subject twice
 * enqueues it once; `stately`: one queued and one running (JobDefinition.policy).
 */
export async function ensureQueues(boss: PgBoss, jobs: readonly JobDefinition<unknown>[]): Promise<void> {
  for (const job of jobs) {
    const options = {
      retryLimit: job.retry.limit, retryDelay: job.retry.delaySeconds, retryBackoff: job.retry.backoff,
      expireInSeconds: job.expireInSeconds,
    };
    if (await boss.getQueue(job.name)) await boss.updateQueue(job.name, options);
    else await boss.createQueue(job.name, { ...options, policy: job.policy ?? 'exclusive' });
  }
}

/** Sends one job with its idempotency key; null when a job with that key is already queued or running. */
export async function enqueueJob<T>(boss: PgBoss, job: JobDefinition<T>, data: T): Promise<string | null> {
  const parsed = job.payload.parse(data);
  return boss.send(job.name, parsed as object, { singletonKey: job.key(parsed) });
}
