// Prisma 6's wasm schema engine computes migration SQL offline, where Prisma 7's CLI needs a
// native engine it cannot download. Used only for file-to-file diffs (migration authoring and
// the drift test); it wants a reachable database even for those.
import { defineConfig } from 'prisma6/config';
import { PrismaPg } from '@prisma/adapter-pg';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: process.env.PRISMA6_SCHEMA ?? 'prisma/schema.prisma',
  adapter: async () => new PrismaPg({ connectionString: process.env.PRISMA6_DATABASE_URL ?? '', idleTimeoutMillis: 50 }) as never,
});
