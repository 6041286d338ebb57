/**
 * `startWorker()`: registers every job's queue and schedule, and works them until `stop()`. Any
 * number of workers (in the web process, `npm run worker`, several machines) share the queues:
 * pg-boss hands each job to one of them (SELECT … FOR UPDATE SKIP LOCKED), and a schedule fires
 * once per occurrence whichever instances are up.
 */
import type { PgBoss } from 'pg-boss';
import { now } from '../clock';
import { JOBS, jobNamed } from './jobs';
import { createQueueClient, enqueueJob, ensureQueues } from './queue';
import type { JobDefinition } from './registry';

export type Worker = { boss: PgBoss; stop(): Promise<void> };

export type WorkerOptions = {
  connectionString?: string;
  jobs?: readonly JobDefinition<unknown>[];
  /** Schedule the recurring jobs (default true). */
  schedule?: boolean;
  pollingIntervalSeconds?: number;
  localConcurrency?: number;
  instanceName?: string;
};

export async function startWorker(options: WorkerOptions = {}): Promise<Worker> {
  const jobs = options.jobs ?? JOBS;
  const boss = createQueueClient({ connectionString: options.connectionString, instanceName: options.instanceName ?? 'worker' });
  await boss.start();
  await ensureQueues(boss, jobs);
  const enqueue = async (name: string, data: unknown) => {
    await enqueueJob(boss, jobNamed(name, jobs), data);
  };
  for (const job of jobs) {
    if (job.schedule && options.schedule !== false) {
      await boss.schedule(job.name, job.schedule.cron, {}, { tz: job.schedule.tz, singletonKey: job.key(job.payload.parse({})) });
    }
    await boss.work<unknown>(job.name, {
      batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, localConcurrency: options.localConcurrency ?? 1,
    }, async ([item]) => {
      if (!item) return;
      // A payload that does not parse fails the job (and its retries) rather than running on bad data.
      const data = job.payload.parse(item.data);
      await job.handler(data, { at: now(), enqueue });
    });
  }
  let stopped = false;
  return {
    boss,
    async stop() {
      if (stopped) return;
      stopped = true;
      // Graceful: stop fetching, let running handlers finish (their transactions commit or roll back), then close.
      await boss.stop({ graceful: true, timeout: 30_000 });
    },
  };
}
