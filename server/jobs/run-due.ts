/**
 * `runDueJobs(at)`: everything the workers would do at the simulated time `at`, synchronously and
 * through the same handlers: each scheduled sweep runs once, then every job it enqueued (once per
 * key), and again until nothing new is due (a subscription months behind renews period by period).
 * The seed replays its history through this; tests use it to drive the lifecycle.
 */
import { now } from '../clock';
import { JOBS, jobNamed } from './jobs';
import type { JobDefinition } from './registry';

export type RanJob = { name: string; key: string };

export type RunDueOptions = { at?: Date; tenantIds?: readonly string[]; jobs?: readonly JobDefinition<unknown>[]; maxRounds?: number };

/** `at` defaults to now() on the injectable clock; the seed and tests set that clock first. */
export async function runDueJobs(options: RunDueOptions = {}): Promise<RanJob[]> {
  const { at = now(), tenantIds, jobs = JOBS, maxRounds = 100 } = options;
  const ran: RanJob[] = [];
  const done = new Set<string>();
  for (let round = 0; round < maxRounds; round += 1) {
    const queued: { job: JobDefinition<unknown>; data: unknown; key: string }[] = [];
    const enqueue = async (name: string, data: unknown) => {
      const job = jobNamed(name, jobs);
      const parsed = job.payload.parse(data);
      const key = `${job.name}|${job.key(parsed)}`;
      if (done.has(key) || queued.some((q) => q.key === key)) return;
      queued.push({ job, data: parsed, key });
    };
    for (const sweep of jobs.filter((j) => j.schedule)) await sweep.handler(sweep.payload.parse({}), { at, enqueue, tenantIds });
    if (queued.length === 0) return ran;
    for (const { job, data, key } of queued) {
      done.add(key);
      await job.handler(data, { at, enqueue });
      ran.push({ name: job.name, key: key.slice(job.name.length + 1) });
    }
  }
  throw new Error(`runDueJobs: still finding due work after ${maxRounds} rounds`);
}
