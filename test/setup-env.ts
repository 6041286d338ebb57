import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.AUTH_SECRET ??= 'test-secret-not-for-production-0123456789';
process.env.DATABASE_POOL_SIZE ??= '20';
// What the edge server does at start: a per-process seal that makes its request headers trusted.
process.env.COUNTERFOIL_EDGE_SEAL ??= crypto.randomUUID();
