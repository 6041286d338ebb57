import pg from 'pg';

/**
 * A normalised description of everything a migration can create in `public`: enum types and
 * their labels, columns (type, nullability, default), indexes and constraints. Two databases
 * with equal catalogs have equal schemas.
 */
const CATALOG_QUERIES = {
  enums: `SELECT t.typname || ':' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS item
          FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = 'public' GROUP BY t.typname`,
  columns: `SELECT table_name || '.' || column_name || ':' || udt_name || ':' || coalesce(character_maximum_length::text, '') || ':' ||
                   coalesce(numeric_precision::text, '') || ',' || coalesce(numeric_scale::text, '') || ':' || is_nullable || ':' || coalesce(column_default, '') AS item
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  // Partial indexes are the hand-written invariants Prisma cannot model (see HAND_WRITTEN_INDEXES).
  indexes: `SELECT indexdef AS item FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' AND indexdef NOT LIKE '% WHERE %'`,
  constraints: `SELECT c.conrelid::regclass::text || ':' || c.conname || ':' || pg_get_constraintdef(c.oid) AS item
                FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                WHERE n.nspname = 'public' AND c.conrelid::regclass::text <> '_prisma_migrations' AND c.conrelid <> 0`,
} as const;

export type SchemaCatalog = Record<keyof typeof CATALOG_QUERIES, string[]>;

export async function readSchemaCatalog(connectionString: string): Promise<SchemaCatalog> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const catalog = {} as SchemaCatalog;
    for (const [name, sql] of Object.entries(CATALOG_QUERIES) as [keyof SchemaCatalog, string][]) {
      const result = await client.query<{ item: string }>(sql);
      catalog[name] = result.rows.map((row) => row.item).sort();
    }
    return catalog;
  } finally {
    await client.end();
  }
}

/** The hand-written partial unique indexes (the invariants migration and later ones), by name. */
export const HAND_WRITTEN_INDEXES = [
  'billing_accounts_one_default_per_tenant',
  'payment_methods_one_primary_per_tenant',
  'payment_methods_one_secondary_per_tenant',
  'resource_groups_one_default_per_tenant',
  'subscription_add_ons_one_active', // 20261202024028_credit_allocations
  'subscriptions_one_live_per_tenant',
];
