/**
 * The bench's floor: a bare `node:http` server that answers `GET /api/web/namespaces/system/
 * usage_plans/current` by running, with `pg` directly (no Prisma, no Next, no edge), the same SQL
 * the portal runs for it, in the same order and with the same round trips, and writes the same
 * JSON body. The statements are Prisma's own text, captured with scripts/bench/capture-sql.ts:
 *
 *   1. the API key with its tenant in one statement (scripts/bench/floor-auth.ts: the portal's own
 *      text), SHA-256 compared in constant time; last_used_at written at most once a minute;
 *   2. the namespace by (tenant, name);
 *   3. in parallel: the plan catalog (six statements, kept per currency for 10 s as the portal's
 *      listCatalogPlans does) and the live subscription with its pending-transition count.
 *
 * Usage: DATABASE_URL=… node --import tsx scripts/bench/floor-server.ts --port N  (127.0.0.1 only)
 */
import { authenticateKey, credentialOf } from './floor-auth';
import { floorPool, serveFloor } from './floor-http';

const pool = floorPool();

const SQL = {
  namespace: 'SELECT "public"."namespaces"."tenant_id", "public"."namespaces"."id", "public"."namespaces"."name" FROM "public"."namespaces" WHERE (("public"."namespaces"."tenant_id" = $1 AND "public"."namespaces"."name" = $2) AND 1=1) LIMIT $3 OFFSET $4',
  plans: 'SELECT "public"."plans"."code", "public"."plans"."name", "public"."plans"."name_zh", "public"."plans"."subtitle", "public"."plans"."subtitle_zh", "public"."plans"."description", "public"."plans"."description_zh", "public"."plans"."plan_type"::text, "public"."plans"."tenant_type"::text, "public"."plans"."rank", "public"."plans"."billing_cycle"::text, "public"."plans"."trial_days", "public"."plans"."grace_period_days", "public"."plans"."requires_manual_approval", "public"."plans"."billing_disabled", "public"."plans"."transition_method"::text, "public"."plans"."object_limits", "public"."plans"."api_limits" FROM "public"."plans" WHERE ("public"."plans"."active" = $1 AND EXISTS(SELECT "t0"."plan_code" FROM "public"."plan_prices" AS "t0" WHERE ("t0"."currency" = $2 AND ("public"."plans"."code") = ("t0"."plan_code") AND "t0"."plan_code" IS NOT NULL))) ORDER BY "public"."plans"."rank" ASC, "public"."plans"."code" ASC OFFSET $3',
  prices: (n: number) => `SELECT "public"."plan_prices"."plan_code", "public"."plan_prices"."currency", "public"."plan_prices"."price" FROM "public"."plan_prices" WHERE "public"."plan_prices"."plan_code" IN (${list(n)}) OFFSET $${n + 1}`,
  entitlements: (n: number) => `SELECT "public"."plan_entitlements"."plan_code", "public"."plan_entitlements"."resource_type", "public"."plan_entitlements"."included_units", "public"."plan_entitlements"."quota_limit" FROM "public"."plan_entitlements" WHERE "public"."plan_entitlements"."plan_code" IN (${list(n)}) OFFSET $${n + 1}`,
  planAddOns: (n: number) => `SELECT "public"."plan_add_ons"."plan_code", "public"."plan_add_ons"."add_on_code", "public"."plan_add_ons"."included" FROM "public"."plan_add_ons" WHERE "public"."plan_add_ons"."plan_code" IN (${list(n)}) ORDER BY "public"."plan_add_ons"."add_on_code" ASC OFFSET $${n + 1}`,
  skus: (n: number) => `SELECT "public"."skus"."id", "public"."skus"."name", "public"."skus"."name_zh", "public"."skus"."unit_name", "public"."skus"."resource_type" FROM "public"."skus" WHERE "public"."skus"."resource_type" IN (${list(n)}) OFFSET $${n + 1}`,
  addOns: (n: number) => `SELECT "public"."add_ons"."code", "public"."add_ons"."name", "public"."add_ons"."name_zh" FROM "public"."add_ons" WHERE "public"."add_ons"."code" IN (${list(n)}) OFFSET $${n + 1}`,
  subscription: 'SELECT "public"."subscriptions"."tenant_id", "public"."subscriptions"."id", "public"."subscriptions"."plan_code", COALESCE("aggr_selection_0_PlanTransition"."_aggr_count_transitions", 0) AS "_aggr_count_transitions" FROM "public"."subscriptions" LEFT JOIN (SELECT "public"."plan_transitions"."tenant_id", "public"."plan_transitions"."subscription_id", COUNT(*) AS "_aggr_count_transitions" FROM "public"."plan_transitions" WHERE "public"."plan_transitions"."state" IN (CAST($1::text AS "public"."plan_transition_state"),CAST($2::text AS "public"."plan_transition_state")) GROUP BY "public"."plan_transitions"."tenant_id", "public"."plan_transitions"."subscription_id") AS "aggr_selection_0_PlanTransition" ON ("public"."subscriptions"."tenant_id" = "aggr_selection_0_PlanTransition"."tenant_id" AND "public"."subscriptions"."id" = "aggr_selection_0_PlanTransition"."subscription_id") WHERE ("public"."subscriptions"."tenant_id" = $3 AND "public"."subscriptions"."ended_at" IS NULL) ORDER BY "public"."subscriptions"."started_at" DESC LIMIT $4 OFFSET $5',
};

function list(n: number): string {
  return Array.from({ length: n }, (_, i) => `$${i + 1}`).join(',');
}

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Plan = Row & { prices: Row[]; entitlements: Row[]; addOns: Row[] };

const MINOR_UNITS: Record<string, number> = { CNY: 2, USD: 2, EUR: 2, GBP: 2, HKD: 2, SGD: 2, AUD: 2, CAD: 2, CHF: 2, JPY: 0, KRW: 0 };

/** A non-negative numeric(30,9) string in minor units, half up: "499.000000000" CNY → 49900. */
function minorUnits(value: string, currency: string): number {
  const digits = MINOR_UNITS[currency];
  if (digits === undefined) throw new Error(`unsupported currency ${currency}`);
  const [whole = '0', fraction = ''] = value.split('.');
  const nanos = BigInt(whole) * 1_000_000_000n + BigInt(fraction.padEnd(9, '0').slice(0, 9));
  const step = 10n ** BigInt(9 - digits);
  return Number((nanos + step / 2n) / step);
}

async function queryCatalog(currency: string): Promise<Plan[]> {
  const plans = (await pool.query(SQL.plans, [true, currency, '0'])).rows.map((row) => ({ ...row, prices: [], entitlements: [], addOns: [] })) as Plan[];
  const codes = plans.map((plan) => plan.code as string);
  const byCode = new Map(plans.map((plan) => [plan.code as string, plan]));
  for (const row of (await pool.query(SQL.prices(codes.length), [...codes, '0'])).rows) byCode.get(row.plan_code)?.prices.push(row);
  const entitlements = (await pool.query(SQL.entitlements(codes.length), [...codes, '0'])).rows;
  for (const row of entitlements) byCode.get(row.plan_code)?.entitlements.push(row);
  const planAddOns = (await pool.query(SQL.planAddOns(codes.length), [...codes, '0'])).rows;
  // Prisma reads the entitlements' SKUs too (PLAN_SELECT asks for them), though this answer prints none.
  const resourceTypes = entitlements.map((row) => row.resource_type as string);
  await pool.query(SQL.skus(resourceTypes.length), [...resourceTypes, '0']);
  const addOnCodes = planAddOns.map((row) => row.add_on_code as string);
  const addOns = new Map((await pool.query(SQL.addOns(addOnCodes.length), [...addOnCodes, '0'])).rows.map((row) => [row.code as string, row]));
  for (const row of planAddOns) byCode.get(row.plan_code)?.addOns.push({ included: row.included, addOn: addOns.get(row.add_on_code) });
  return plans;
}

/** As the portal's listCatalogPlans: each currency's catalog is kept for 10 s. */
const catalogCache = new Map<string, { expiresAt: number; plans: Promise<Plan[]> }>();
function listCatalogPlans(currency: string): Promise<Plan[]> {
  const cached = catalogCache.get(currency);
  if (cached && cached.expiresAt > Date.now()) return cached.plans;
  const plans = queryCatalog(currency);
  catalogCache.set(currency, { expiresAt: Date.now() + 10_000, plans });
  plans.catch(() => catalogCache.delete(currency));
  return plans;
}

function planInternal(plan: Plan, zh: boolean, currency: string, current: boolean, transitionPending: boolean) {
  const price = plan.prices.find((p) => p.currency === currency);
  const flatPrice = price ? minorUnits(price.price, currency) : 0;
  const limits = plan.object_limits && typeof plan.object_limits === 'object' ? plan.object_limits : {};
  const resourceLimits = Object.fromEntries(plan.entitlements.filter((e) => e.quota_limit !== null).map((e) => [e.resource_type, { maximum: Number(e.quota_limit) }]));
  const addOn = (a: Row) => ({ name: a.addOn.code, display_name: zh ? a.addOn.name_zh : a.addOn.name });
  return {
    name: plan.code,
    title: zh ? plan.name_zh : plan.name,
    subtitle: zh ? plan.subtitle_zh : plan.subtitle,
    description: zh ? plan.description_zh : plan.description,
    usage_plan_type: String(plan.plan_type).toUpperCase(),
    tenant_type: String(plan.tenant_type).toUpperCase(),
    state: current && transitionPending ? 'STATE_TRANSITION_PENDING' : 'STATE_READY',
    current,
    billing_disabled: plan.billing_disabled,
    flat_price: flatPrice,
    renewal_period_unit: plan.billing_cycle === 'yearly' ? 'PERIOD_YEAR' : 'PERIOD_MONTH',
    trial_period_unit: 'PERIOD_DAY',
    trial_period: plan.trial_days,
    default_quota: { object_limits: limits, resource_limits: resourceLimits, api_limits: {}, apigw_limits: {} },
    transition_flow: {
      method: `TRANSITION_METHOD_${String(plan.transition_method).toUpperCase()}`,
      required_fields: flatPrice > 0 ? ['TRANSITION_REQUIRED_FIELD_PAYMENT_TOKEN'] : [],
      requires_manual_approval: plan.requires_manual_approval,
    },
    included_addon_services: plan.addOns.filter((a) => a.included).map(addOn),
    allowed_addon_services: plan.addOns.filter((a) => !a.included).map(addOn),
  };
}

async function currentPlan(token: string | undefined, namespaceName: string): Promise<[number, unknown]> {
  const caller = await authenticateKey(pool, token, 'read');
  if ('status' in caller) return [caller.status, caller.message];
  const { tenant } = caller;
  const namespace = (await pool.query(SQL.namespace, [tenant.id, namespaceName, '1', '0'])).rows[0];
  if (!namespace) return [404, `namespace "${namespaceName}" not found`];
  if (namespace.name !== 'system') return [404, 'this operation exists only in namespace "system"'];
  const [plans, subscriptions] = await Promise.all([listCatalogPlans(tenant.currency), pool.query(SQL.subscription, ['creating', 'waiting_for_approval', tenant.id, '1', '0'])]);
  const subscription = subscriptions.rows[0];
  const planCode: string | null = subscription?.plan_code ?? null;
  const transitionPending = Number(subscription?._aggr_count_transitions ?? 0) > 0;
  const zh = tenant.locale === 'zh-CN';
  const current = plans.filter((plan) => plan.code === planCode);
  return [200, { locale: zh ? 'zh-cn' : 'en-us', plans: current.map((plan) => planInternal(plan, zh, tenant.currency, true, transitionPending)) }];
}

const ROUTE = /^\/api\/web\/namespaces\/([^/?]+)\/usage_plans\/current$/;

serveFloor(pool, async (req) => {
  const match = req.method === 'GET' ? ROUTE.exec(req.url ?? '') : null;
  if (!match?.[1]) return [404, JSON.stringify('not found')];
  const [status, body] = await currentPlan(credentialOf(req.headers), decodeURIComponent(match[1]));
  return [status, JSON.stringify(body)];
});
