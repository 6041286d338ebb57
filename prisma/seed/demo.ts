import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { prisma } from '../../server/db';
import { now, setClock, useSystemClock } from '../../server/clock';
import { SYSTEM_ACTOR } from '../../server/audit/actor';
import { recordAudit } from '../../server/audit/record-audit';
import { fromLocal, toLocal } from '../../server/time/zoned';
import { runDueJobs } from '../../server/jobs/run-due';
import { createServiceCredential } from '../../server/staff/service-credentials';
import { dataDir } from '../../server/platform/runtime-config';
import { seedCatalog } from './catalog';
import { SCRIPTED_EVENTS, type ScriptedEvent, type ScriptedEventContext } from './scripted-events';
import { DEMO_PASSWORD, seedApiKey, seedTenant, seedUser } from './factories';

const HISTORY_MONTHS = 12;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The first day of the month HISTORY_MONTHS before today, 09:00 Shanghai time: where the replay starts. */
function historyStart(today: Date): Date {
  const local = toLocal(today, 'Asia/Shanghai');
  const index = local.year * 12 + local.month - 1 - HISTORY_MONTHS;
  return fromLocal({ year: Math.floor(index / 12), month: (index % 12) + 1, day: 1, hour: 9 }, 'Asia/Shanghai');
}

/**
 * The year, day by day on the simulated clock: each day at 09:00 Shanghai the jobs due by then run
 * (`runDueJobs`: renewals, trial ends, grace expiry — what the workers do), then that day's scripted
 * events in list order at 09:00 + their hour. Events past today are not replayed.
 */
async function replay(start: Date, until: Date, events: readonly ScriptedEvent[], context: Omit<ScriptedEventContext, 'tenant' | 'at'>) {
  const tenantIds = Object.values(context.tenants).map((t) => t.tenant.id);
  for (let day = 0; start.getTime() + day * DAY_MS <= until.getTime(); day += 1) {
    const morning = new Date(start.getTime() + day * DAY_MS);
    setClock(morning);
    await runDueJobs({ tenantIds });
    const today = events.filter((event) => event.day === day).sort((a, b) => (a.hour ?? 0) - (b.hour ?? 0));
    for (const event of today) {
      const at = new Date(morning.getTime() + (event.hour ?? 0) * HOUR_MS);
      if (at > until) continue;
      setClock(at);
      try {
        await event.run({ ...context, tenant: context.tenants[event.tenant], at });
      } catch (error) {
        throw new Error(`[seed] day ${day} ${event.tenant} "${event.label}": ${(error as Error).message}`, { cause: error });
      }
    }
  }
  setClock(until);
  await runDueJobs({ tenantIds });
}

export async function seedDemo() {
  const realNow = now();
  const start = historyStart(realNow);
  setClock(start);
  try {
    await seedCatalog();
    const staff = {
      support: await seedUser('support@counterfoil.dev', '支持 Support', { staffRole: 'support' }),
      finance: await seedUser('finance@counterfoil.dev', '财务 Finance', { staffRole: 'finance' }),
      admin: await seedUser('admin@counterfoil.dev', '管理员 Admin', { staffRole: 'admin' }),
    };
    const demo = await seedTenant({ id: 'tnt_demo', name: '演示科技有限公司', currency: 'CNY', locale: 'zh-CN', domain: 'demo.counterfoil.dev', apps: ['官网', '移动应用'], namespaces: ['web', 'mobile'] });
    const acme = await seedTenant({ id: 'tnt_acme', name: 'Acme Corp', currency: 'USD', locale: 'en', domain: 'acme.counterfoil.dev', apps: ['Storefront'], namespaces: ['prod', 'staging'] });
    const financeActor = { ...SYSTEM_ACTOR, kind: 'staff' as const, userId: staff.finance.id };
    const adminActor = { ...SYSTEM_ACTOR, kind: 'staff' as const, userId: staff.admin.id };
    const replayStarted = Date.now();
    await replay(start, realNow, SCRIPTED_EVENTS, { tenants: { tnt_demo: demo, tnt_acme: acme }, financeActor, adminActor });
    console.log(`[seed] replayed ${HISTORY_MONTHS} months (${SCRIPTED_EVENTS.length} scripted events, the jobs daily) in ${((Date.now() - replayStarted) / 1000).toFixed(1)} s`);

    useSystemClock();
    const keys = { tnt_demo: (await seedApiKey(demo)).key, tnt_acme: (await seedApiKey(acme)).key };
    const compliance = await createServiceCredential({ name: 'compliance-service', scopes: ['export:user-data'] }, { ...SYSTEM_ACTOR, kind: 'staff', userId: staff.admin.id });
    const credentialsFile = join(dataDir(), 'demo-credentials.json');
    mkdirSync(dirname(credentialsFile), { recursive: true });
    const accounts = [demo, acme].flatMap((t) => Object.entries(t.users).map(([role, user]) => ({ tenant: t.tenant.id, role, email: user.email })));
    writeFileSync(credentialsFile, JSON.stringify({
      note: 'Demo credentials only. Never use these outside a local demo.',
      password: DEMO_PASSWORD,
      accounts: [...accounts, ...Object.entries(staff).map(([role, user]) => ({ tenant: null, role: `staff:${role}`, email: user.email }))],
      apiKeys: keys,
      serviceCredentials: { 'compliance-service': compliance.token },
    }, null, 2), { mode: 0o600 });
    // The last write: a seed that stopped half-way leaves no such row, and the next start says so instead of serving half a demo.
    await recordAudit(prisma, SYSTEM_ACTOR, { tenantId: null, action: 'seed.completed', targetType: 'database', targetId: null, after: { tenants: [demo.tenant.id, acme.tenant.id] } });
    return { accounts, staff, credentialsFile };
  } finally {
    useSystemClock();
  }
}

/** empty: nothing yet; complete: a seed ran to its end; partial: a seed stopped half-way (or the database holds other data). */
export async function seedState(): Promise<'empty' | 'complete' | 'partial'> {
  if ((await prisma.auditLog.count({ where: { action: 'seed.completed' } })) > 0) return 'complete';
  return (await prisma.tenant.count()) === 0 ? 'empty' : 'partial';
}
