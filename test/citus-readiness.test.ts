import { describe, expect, inject, it } from 'vitest';
import pg from 'pg';

/**
 * Can the migrated schema be distributed by tenant (Citus) without a redesign? Every table is in
 * exactly one of three lists; the catalog checks below hold each list to Citus' rules. README
 * "Scale (Citus readiness)" explains the choice for each table.
 */
export const TABLE_CLASSES = {
  /** Hash-distributed and co-located by the named column (the tenant id). */
  distributed: {
    memberships: 'tenant_id',
    apps: 'tenant_id',
    namespaces: 'tenant_id',
    subscriptions: 'tenant_id',
    subscription_add_ons: 'tenant_id',
    plan_transitions: 'tenant_id',
    payment_methods: 'tenant_id',
    billing_records: 'tenant_id',
    billing_line_items: 'tenant_id',
    credit_transactions: 'tenant_id',
    credit_allocations: 'tenant_id',
    quotas: 'tenant_id',
    quota_resource_limits: 'tenant_id',
    usage_events: 'tenant_id',
    usage_hourly: 'tenant_id',
    usage_pricing_queue: 'tenant_id',
    usage_daily: 'tenant_id',
    usage_monthly: 'tenant_id',
    metered_billing_items: 'tenant_id',
    usage_alerts: 'tenant_id',
    usage_alert_triggers: 'tenant_id',
    notifications: 'tenant_id',
    payment_attempts: 'tenant_id',
    billing_accounts: 'tenant_id',
    management_groups: 'tenant_id',
    resource_groups: 'tenant_id',
    resources: 'tenant_id',
    bills: 'tenant_id',
    charge_lines: 'tenant_id',
    impersonation_sessions: 'tenant_id',
    idempotency_keys: 'tenant_id',
    billing_profiles: 'tenant_id',
    invoice_pdfs: 'tenant_id',
    coupon_redemptions: 'tenant_id',
    vouchers: 'tenant_id',
    voucher_redemptions: 'tenant_id',
  } as Record<string, string>,
  /** Copied to every node: small, read everywhere, rarely written. */
  reference: [
    'tenants', 'users', 'api_keys',
    'plans', 'plan_prices', 'plan_versions', 'plan_entitlements', 'add_ons', 'add_on_prices', 'plan_add_ons',
    'product_categories', 'spus', 'skus', 'sku_prices', 'coupons',
  ],
  /** Stay on the coordinator (or a database of their own). */
  local: ['_prisma_migrations', 'auth_sessions', 'login_attempts', 'service_credentials', 'invoice_number_sequences', 'audit_logs'],
};

/**
 * Tables with a tenant_id column that are deliberately not distributed by it. Each must also be in
 * `reference` or `local` above.
 */
export const TENANT_COLUMN_EXCEPTIONS: Record<string, string> = {
  api_keys: 'authenticated by its prefix before the tenant is known, so the prefix is unique platform-wide: a reference table (few rows, last_used_at written at most once a minute)',
  audit_logs: 'tenant_id is NULL for platform-wide staff actions: a local table on the coordinator (append-only)',
};

export type TableClasses = typeof TABLE_CLASSES;

interface ConstraintRow { table: string; name: string; type: 'p' | 'u' | 'f' | 'x'; columns: string[]; ref_table: string | null; ref_columns: string[] | null; def: string }
interface IndexRow { table: string; name: string; columns: (string | null)[]; def: string; constraint: string | null }

async function rows<T extends pg.QueryResultRow>(client: pg.ClientBase, sql: string, schema: string): Promise<T[]> {
  return (await client.query<T>(sql, [schema])).rows;
}

/** Removes comments and string literals, so only the statements of a function body remain. */
function codeOnly(source: string): string {
  return source
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''");
}

/** Statements a trigger function may not run: writes to (or dynamic SQL on) any table. */
const WRITES = /\b(INSERT\s+INTO|UPDATE\s+(ONLY\s+)?[\w".]+\s+SET|DELETE\s+FROM|TRUNCATE|MERGE\s+INTO|COPY|EXECUTE\s+(?!FUNCTION\b|PROCEDURE\b))/i;

/**
 * Every reason the tables of `schema` could not be distributed by tenant as classified in
 * `classes`, one line each; [] when Citus would accept them.
 */
export async function citusViolations(client: pg.ClientBase, schema: string, classes: TableClasses = TABLE_CLASSES, exceptions = TENANT_COLUMN_EXCEPTIONS): Promise<string[]> {
  const violations: string[] = [];
  const tables = (await rows<{ table: string }>(client, `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY 1`, schema)).map((r) => r.table);
  const columns = await rows<{ table: string; column: string; type: string; not_null: boolean }>(client, `
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`, schema);
  const column = (table: string, name: string) => columns.find((c) => c.table === table && c.column === name);

  // 1. Classification: every table in exactly one list; no list names a table that is gone.
  const distributed = new Map(Object.entries(classes.distributed));
  const reference = new Set(classes.reference);
  const local = new Set(classes.local);
  const classOf = (table: string) => (distributed.has(table) ? 'distributed' : reference.has(table) ? 'reference' : local.has(table) ? 'local' : null);
  for (const table of tables) {
    const lists = [distributed.has(table), reference.has(table), local.has(table)].filter(Boolean).length;
    if (lists === 0) violations.push(`${table}: not classified (add it to distributed, reference or local)`);
    if (lists > 1) violations.push(`${table}: classified ${lists} times`);
  }
  for (const table of [...distributed.keys(), ...reference, ...local]) {
    if (!tables.includes(table)) violations.push(`${table}: classified but no such table in ${schema}`);
  }

  // 2. A table with tenant_id is distributed by it, unless it is a documented exception.
  const distColumn = new Map<string, string>();
  for (const table of tables) {
    const tenantOwned = Boolean(column(table, 'tenant_id'));
    if (distributed.has(table)) distColumn.set(table, distributed.get(table)!);
    else if (tenantOwned && !(table in exceptions)) {
      distColumn.set(table, 'tenant_id'); // checked as the tenant table it is
      if (classOf(table)) violations.push(`${table}: has tenant_id but is ${classOf(table)} and not a documented exception`);
    }
    if (distributed.has(table) && distributed.get(table) !== 'tenant_id' && tenantOwned) violations.push(`${table}: has tenant_id but is distributed by ${distributed.get(table)}`);
  }
  for (const table of Object.keys(exceptions)) {
    if (tables.includes(table) && (distributed.has(table) || !classOf(table))) violations.push(`${table}: a tenant_id exception must be a reference or local table`);
  }

  // 3. The distribution column exists, is NOT NULL, and has one type everywhere (co-location).
  const distTypes = new Set<string>();
  for (const [table, name] of distColumn) {
    const col = column(table, name);
    if (!col) { violations.push(`${table}: distribution column ${name} does not exist`); continue; }
    if (!col.not_null) violations.push(`${table}.${name}: distribution column is nullable`);
    distTypes.add(col.type);
  }
  if (distTypes.size > 1) violations.push(`distribution columns differ in type (${[...distTypes].join(', ')}): tables would not be co-located`);

  // 4. Primary key, unique and exclusion constraints, and unique indexes (partial too) include it.
  const constraints = await rows<ConstraintRow>(client, `
    SELECT c.conrelid::regclass::text AS qualified, rel.relname AS table, c.conname AS name, c.contype AS type,
           ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
           ref.relname AS ref_table,
           CASE WHEN c.confrelid <> 0 THEN ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) END AS ref_columns,
           pg_get_constraintdef(c.oid) AS def
    FROM pg_constraint c JOIN pg_class rel ON rel.oid = c.conrelid JOIN pg_namespace n ON n.oid = rel.relnamespace
    LEFT JOIN pg_class ref ON ref.oid = c.confrelid
    WHERE n.nspname = $1 AND c.contype IN ('p', 'u', 'f', 'x') ORDER BY 2, 3`, schema);
  const indexes = await rows<IndexRow>(client, `
    SELECT t.relname AS table, i.relname AS name, pg_get_indexdef(x.indexrelid) AS def,
           ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) k(n) LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n) AS columns,
           (SELECT con.conname FROM pg_constraint con WHERE con.conindid = x.indexrelid AND con.conrelid = x.indrelid LIMIT 1) AS constraint
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = $1 AND x.indisunique ORDER BY 1, 2`, schema);
  for (const [table, name] of distColumn) {
    if (!constraints.some((c) => c.table === table && c.type === 'p')) violations.push(`${table}: no primary key`);
    for (const c of constraints.filter((c) => c.table === table && (c.type === 'p' || c.type === 'u' || c.type === 'x'))) {
      const kind = c.type === 'p' ? 'primary key' : c.type === 'u' ? 'unique constraint' : 'exclusion constraint';
      if (!c.columns.includes(name)) violations.push(`${table}: ${kind} ${c.name} lacks ${name}: ${c.def}`);
    }
    for (const index of indexes.filter((i) => i.table === table && !i.constraint)) {
      if (!index.columns.includes(name)) violations.push(`${table}: unique index ${index.name} lacks ${name}: ${index.def}`);
    }
  }

  // 5. Foreign keys: between tenant tables they carry the tenant on both sides, at the same place;
  //    reference and local tables point into no tenant table; nothing shared points into a local table.
  for (const fk of constraints.filter((c) => c.type === 'f')) {
    const from = fk.table;
    const to = fk.ref_table!;
    const fromDist = distColumn.get(from);
    const toDist = distColumn.get(to);
    if (fromDist && toDist) {
      const at = fk.columns.indexOf(fromDist);
      if (at < 0 || fk.ref_columns![at] !== toDist) violations.push(`${from}: foreign key ${fk.name} to tenant table ${to} does not pair ${fromDist} with ${to}.${toDist}: ${fk.def}`);
      if (at >= 0 && /ON (DELETE|UPDATE) SET (NULL|DEFAULT)\b/.test(fk.def) && !/SET (NULL|DEFAULT) \(/.test(fk.def)) violations.push(`${from}: foreign key ${fk.name} would set the distribution column: ${fk.def}`);
    } else if (!fromDist && toDist) {
      violations.push(`${from}: ${classOf(from) ?? 'unclassified'} table has a foreign key ${fk.name} into tenant table ${to}: ${fk.def}`);
    } else if (local.has(to) && !local.has(from)) {
      violations.push(`${from}: ${fromDist ? 'tenant' : classOf(from)} table has a foreign key ${fk.name} into local table ${to}: ${fk.def}`);
    }
  }

  // 6. Sequences (serial, identity or standalone) are bigint: shards never run out or collide on a small range.
  const sequences = await rows<{ name: string; type: string; owner: string | null }>(client, `
    SELECT s.relname AS name, format_type(q.seqtypid, NULL) AS type,
           (SELECT t.relname || '.' || a.attname FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
            WHERE d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') LIMIT 1) AS owner
    FROM pg_sequence q JOIN pg_class s ON s.oid = q.seqrelid JOIN pg_namespace n ON n.oid = s.relnamespace
    WHERE n.nspname = $1 ORDER BY 1`, schema);
  for (const sequence of sequences) {
    if (sequence.type !== 'bigint') violations.push(`sequence ${sequence.name}${sequence.owner ? ` (${sequence.owner})` : ''} is ${sequence.type}, not bigint`);
  }
  const identities = await rows<{ table: string; column: string; type: string }>(client, `
    SELECT table_name AS table, column_name AS column, data_type AS type FROM information_schema.columns
    WHERE table_schema = $1 AND (is_identity = 'YES' OR column_default LIKE 'nextval(%') ORDER BY 1, 2`, schema);
  for (const identity of identities) {
    if (identity.type !== 'bigint') violations.push(`${identity.table}.${identity.column}: generated from a sequence but ${identity.type}, not bigint`);
  }

  // 7. Triggers touch only their own row: their functions write to no table.
  const triggers = await rows<{ table: string; trigger: string; fn: string; language: string; source: string }>(client, `
    SELECT c.relname AS table, t.tgname AS trigger, p.proname AS fn, l.lanname AS language, p.prosrc AS source
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_language l ON l.oid = p.prolang
    WHERE n.nspname = $1 AND NOT t.tgisinternal ORDER BY 1, 2`, schema);
  for (const trigger of triggers) {
    if (!['plpgsql', 'sql'].includes(trigger.language)) {
      violations.push(`${trigger.table}: trigger ${trigger.trigger} runs ${trigger.fn} in ${trigger.language}, which cannot be inspected`);
      continue;
    }
    const write = codeOnly(trigger.source).match(WRITES);
    if (write) violations.push(`${trigger.table}: trigger ${trigger.trigger} (${trigger.fn}) writes beyond its own row: ${write[0].replace(/\s+/g, ' ')}`);
  }

  return violations;
}

async function connect() {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  return client;
}

/** Runs `body` on a scratch schema inside a transaction that is rolled back: nothing is left behind. */
async function inScratchSchema<T>(setup: string, body: (client: pg.Client, schema: string) => Promise<T>): Promise<T> {
  const client = await connect();
  const schema = `citus_scratch_${process.pid}`;
  try {
    await client.query('BEGIN');
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`SET LOCAL search_path TO ${schema}`);
    await client.query(setup);
    return await body(client, schema);
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}

describe('Citus readiness (distribution by tenant_id)', () => {
  it('the migrated schema has no violations', async () => {
    const client = await connect();
    try {
      const tables = await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
      expect(tables.rows[0].n).toBeGreaterThan(40);
      const violations = await citusViolations(client, 'public');
      expect(violations, violations.join('\n')).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('reports a new tenant table whose key lacks tenant_id, and one nobody classified', async () => {
    const violations = await inScratchSchema(
      `CREATE TABLE bad_tenant_table (id text PRIMARY KEY, tenant_id text NOT NULL, name text NOT NULL);
       CREATE UNIQUE INDEX bad_tenant_table_name ON bad_tenant_table (name) WHERE name <> '';`,
      (client, schema) => citusViolations(client, schema),
    );
    expect(violations).toEqual(expect.arrayContaining([
      'bad_tenant_table: not classified (add it to distributed, reference or local)',
      expect.stringMatching(/^bad_tenant_table: primary key bad_tenant_table_pkey lacks tenant_id/),
      expect.stringMatching(/^bad_tenant_table: unique index bad_tenant_table_name lacks tenant_id: .* WHERE /),
    ]));
  });

  it('reports each rule broken in a scratch schema, and nothing for the same tables done right', async () => {
    const classes: TableClasses = {
      distributed: { tenants_x: 'tenant_id', orders: 'tenant_id', lines: 'tenant_id', good: 'tenant_id' },
      reference: ['catalog_x'],
      local: ['counters', 'history'],
    };
    const violations = await inScratchSchema(`
      CREATE TABLE tenants_x (tenant_id text NOT NULL, id text NOT NULL, PRIMARY KEY (tenant_id, id));
      CREATE TABLE orders (tenant_id text NOT NULL, id text NOT NULL, code text, PRIMARY KEY (tenant_id, id), CONSTRAINT orders_code_key UNIQUE (code));
      CREATE TABLE lines (tenant_id text NOT NULL, id text NOT NULL, order_id text NOT NULL, other_tenant text, PRIMARY KEY (tenant_id, id),
        CONSTRAINT lines_order_fkey FOREIGN KEY (other_tenant, order_id) REFERENCES orders (tenant_id, id));
      CREATE TABLE catalog_x (id text PRIMARY KEY, order_tenant text, order_id text,
        CONSTRAINT catalog_x_order_fkey FOREIGN KEY (order_tenant, order_id) REFERENCES orders (tenant_id, id));
      CREATE TABLE counters (n serial PRIMARY KEY, m int GENERATED ALWAYS AS IDENTITY);
      CREATE TABLE history (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text);
      CREATE FUNCTION copy_to_history() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        -- DELETE FROM in a comment is fine; 'UPDATE x SET' in a string too
        INSERT INTO history (note) VALUES (NEW.id);
        RETURN NEW;
      END $fn$;
      CREATE TRIGGER orders_copy AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION copy_to_history();
      CREATE FUNCTION keep_row() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        -- INSERT INTO other; DELETE FROM other
        RAISE EXCEPTION 'UPDATE other SET refused';
      END $fn$;
      CREATE TRIGGER tenants_x_keep BEFORE DELETE ON tenants_x FOR EACH ROW EXECUTE FUNCTION keep_row();
      CREATE TABLE good (tenant_id text NOT NULL, id text NOT NULL, order_id text NOT NULL, PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, order_id), FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id));
      CREATE UNIQUE INDEX good_one_per_tenant ON good (tenant_id) WHERE order_id = '';
      CREATE TABLE stray (tenant_id text, id text PRIMARY KEY);
    `, (client, schema) => citusViolations(client, schema, classes, {}));
    const expected = [
      /^orders: unique constraint orders_code_key lacks tenant_id/,
      /^lines: foreign key lines_order_fkey to tenant table orders does not pair tenant_id with orders\.tenant_id/,
      /^catalog_x: reference table has a foreign key catalog_x_order_fkey into tenant table orders/,
      /^sequence counters_n_seq \(counters\.n\) is integer, not bigint/,
      /^sequence counters_m_seq \(counters\.m\) is integer, not bigint/,
      /^counters\.n: generated from a sequence but integer, not bigint/,
      /^counters\.m: generated from a sequence but integer, not bigint/,
      /^orders: trigger orders_copy \(copy_to_history\) writes beyond its own row: INSERT INTO/,
      /^stray: not classified/,
      /^stray\.tenant_id: distribution column is nullable/,
      /^stray: primary key stray_pkey lacks tenant_id/,
    ];
    for (const pattern of expected) expect(violations.filter((v) => pattern.test(v)), `${pattern}\n${violations.join('\n')}`).toHaveLength(1);
    // Nothing else: the well-formed table, the raising trigger and the bigint identity are accepted.
    expect(violations).toHaveLength(expected.length);
  });
});
