import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set (npm start provisions it)');
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // Interactive transactions: Prisma's 5 s default is too tight for a 1,000-event ingest batch on a
  // loaded two-core machine (CI, the seed's replay); a stuck transaction still ends, after 20 s.
  const timeout = Number(process.env.DATABASE_TX_TIMEOUT_MS ?? 20_000);
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout } });
}

const globalForPrisma = globalThis as unknown as { counterfoilPrisma?: PrismaClient };

/** One client per process, created on first use so that importing a module never needs a database. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    globalForPrisma.counterfoilPrisma ??= createClient();
    const value = Reflect.get(globalForPrisma.counterfoilPrisma, property);
    return typeof value === 'function' ? value.bind(globalForPrisma.counterfoilPrisma) : value;
  },
});

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
export { Prisma } from './generated/prisma/client';
