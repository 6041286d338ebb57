import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['server/**/*.test.ts', 'app/**/*.test.ts', 'prisma/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // next-auth imports `next/server` without an extension; inlining lets Vite resolve it.
    server: { deps: { inline: ['next-auth'] } },
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-env.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
