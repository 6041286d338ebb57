import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.AUTH_SECRET ??= 'test-secret-not-for-production-0123456789';
process.env.DATABASE_POOL_SIZE ??= '20';
