import { defineConfig } from 'prisma/config';

// The runtime client reads DATABASE_URL itself (server/db.ts); the CLI here only generates.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
