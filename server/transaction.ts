import { prisma, type Tx } from './db';

export type { Tx };

/**
 * Runs `work` inside the caller's transaction when one is given, else in a new one: a money-moving
 * domain function takes an optional `tx` last, so several compose into one transaction.
 */
export function inTransaction<T>(tx: Tx | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
  return tx ? work(tx) : prisma.$transaction(work);
}
