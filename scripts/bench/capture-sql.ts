/**
 * `npm exec -- tsx scripts/bench/capture-sql.ts <data dir>`: prints the SQL Prisma runs for one
 * `GET usage_plans/current` on an API key, by calling the same functions the route calls
 * (authenticateApiKey → findNamespace → getCurrentUsagePlan) with a query-logging client in place
 * of the shared one. floor-server.ts runs these statements with `pg`; re-run this after a change
 * to those functions and compare.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../server/generated/prisma/client';

const dataDir = process.argv[2] ?? join('data', 'bench');
process.env.DATABASE_URL ??= readFileSync(join(dataDir, 'database-url'), 'utf8').trim();
const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL, max: 2 }), log: [{ emit: 'event', level: 'query' }] });
client.$on('query', (event) => console.log(`-- ${event.duration} ms\n${event.query}\n-- params ${event.params}\n`));
(globalThis as unknown as { counterfoilPrisma?: PrismaClient }).counterfoilPrisma = client;

const { authenticateApiKey } = await import('../../server/rest/credentials');
const { findNamespace } = await import('../../server/tenants/namespaces');
const { getCurrentUsagePlan } = await import('../../server/catalog/usage-plans');
const { writeJson } = await import('../../server/json');
const { apiKeys } = JSON.parse(readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8')) as { apiKeys: Record<string, string> };

const key = await authenticateApiKey(apiKeys.tnt_demo!, '127.0.0.1');
await findNamespace(key.tenantId, 'system');
const body = await getCurrentUsagePlan(key.scope);
console.log(writeJson(body));
await client.$disconnect();
