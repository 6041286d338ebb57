/**
 * `kickJob`: enqueue a job right after the transaction that made work for it committed, from a
 * request handler, without waiting for it. Best effort by design: the work itself is already
 * durable in the database (an outbox row), and the job's sweep finds anything a lost kick missed.
 * One send-only pg-boss client per process, started on first use.
 */
import type { PgBoss } from 'pg-boss';
import { createQueueClient, enqueueJob, ensureQueues } from './queue';
import type { JobDefinition } from './registry';

const holder = globalThis as unknown as { counterfoilJobSender?: Promise<PgBoss>; counterfoilKnownQueues?: Set<string> };

function sender(): Promise<PgBoss> {
  holder.counterfoilJobSender ??= (async () => {
    const boss = createQueueClient({ max: 2, instanceName: `sender-${process.pid}`, sendOnly: true });
    await boss.start();
    return boss;
  })().catch((error: unknown) => {
    holder.counterfoilJobSender = undefined; // try again on the next kick
    throw error;
  });
  return holder.counterfoilJobSender;
}

async function send<T>(job: JobDefinition<T>, data: T): Promise<void> {
  const boss = await sender();
  const known = (holder.counterfoilKnownQueues ??= new Set());
  // The workers create queues when they start; a web process may come up first.
  if (!known.has(job.name)) {
    await ensureQueues(boss, [job as JobDefinition<unknown>]);
    known.add(job.name);
  }
  await enqueueJob(boss, job, data);
}

export function kickJob<T>(job: JobDefinition<T>, data: T): void {
  send(job, data).catch((error: unknown) => console.error(`[jobs] could not enqueue ${job.name} (its sweep will): ${(error as Error).message}`));
}
