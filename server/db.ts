import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client';

const globalForPrisma = globalThis as unknown as { counterfoilPrisma?: PrismaClient; counterfoilPool?: pg.Pool };

/** The process's one connection pool: Prisma's adapter runs on it, and so does `hotQuery`. */
function pool(): pg.Pool {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set (npm start provisions it)');
  // allowExitOnIdle: a script that is done exits without waiting for idle connections to time out.
  if (!globalForPrisma.counterfoilPool) {
    const created = new pg.Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), allowExitOnIdle: true });
    // An idle connection the server drops (a restart, a failover) is reported here; unhandled, it would end the process.
    created.on('error', (error) => console.error(`[db] idle connection lost: ${error.message}`));
    globalForPrisma.counterfoilPool = created;
  }
  return globalForPrisma.counterfoilPool;
}

function createClient(): PrismaClient {
  // The same `pg` at run time; the adapter ships a newer @types/pg than ours, hence the cast.
  const adapter = new PrismaPg(pool() as unknown as ConstructorParameters<typeof PrismaPg>[0]);
  // Interactive transactions: Prisma's 5 s default is too tight for a 1,000-event ingest batch on a
  // loaded two-core machine (CI, the seed's replay); a stuck transaction still ends, after 20 s.
  const timeout = Number(process.env.DATABASE_TX_TIMEOUT_MS ?? 20_000);
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout } });
}

/** One client per process, created on first use so that importing a module never needs a database. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    globalForPrisma.counterfoilPrisma ??= createClient();
    const value = Reflect.get(globalForPrisma.counterfoilPrisma, property);
    return typeof value === 'function' ? value.bind(globalForPrisma.counterfoilPrisma) : value;
  },
});

/**
 * One read-only statement on Prisma's own pool, without Prisma's per-call work (argument and row
 * mapping): for the few hot paths that are one hand-written statement already — the API-key
 * lookup every REST call makes, seed 001's page. Rows come as `pg` gives them (numeric, bigint as
 * text; json parsed; timestamptz as Date). Never inside a transaction: use `tx.$queryRaw` there.
 */
export async function hotQuery<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
  return (await pool().query(sql, [...params])).rows as T[];
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
export { Prisma } from './generated/prisma/client';
