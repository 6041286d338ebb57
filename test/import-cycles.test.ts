import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

/**
 * The import rules of .dependency-cruiser.cjs over the application code: no cycles, server/ does
 * not import the UI, domain folders do not import the transports. One line per violation, with
 * the whole cycle, so the failure says what to untangle.
 */
const ROOTS = ['server', 'app', 'components'];

/** Cruises ROOTS under `baseDir` (the repository by default) with the repository's rules. */
async function cruiseApp(baseDir?: string): Promise<ICruiseResult> {
  const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
  const tsConfig = extractTSConfig(join(baseDir ?? '.', 'tsconfig.json'));
  if (baseDir) Object.assign(options, { baseDir, tsConfig: { fileName: join(baseDir, 'tsconfig.json') } });
  const result = await cruise(ROOTS, options, {}, { tsConfig });
  return result.output as ICruiseResult;
}

function describeViolation(violation: IViolation): string {
  const cycle = violation.cycle?.map((step) => (typeof step === 'string' ? step : step.name));
  if (cycle?.length) return `${violation.rule.name}: ${[violation.from, ...cycle].join(' → ')}`;
  return `${violation.rule.name}: ${violation.from} → ${violation.to}`;
}

describe('imports of server/, app/ and components/', () => {
  it('resolve through tsconfig paths, and have no cycle, no server → UI and no domain → transport import', async () => {
    const result = await cruiseApp();
    const modules = new Map(result.modules.map((m) => [m.source, m]));
    // The cruise really read the tree and resolved `@/…`: a broken resolution would hide every rule.
    expect(modules.size).toBeGreaterThan(80);
    const aliased = result.modules.flatMap((m) => m.dependencies.filter((d) => d.module.startsWith('@/') && !d.couldNotResolve && modules.has(d.resolved)));
    expect(aliased.length).toBeGreaterThan(50);
    const unresolved = result.modules.flatMap((m) => m.dependencies.filter((d) => d.couldNotResolve && /^(@\/|\.)/.test(d.module)).map((d) => `${m.source}: ${d.module}`));
    expect(unresolved, unresolved.join('\n')).toEqual([]);

    const violations = [...new Set(result.summary.violations.map(describeViolation))].sort();
    expect(violations, `\n${violations.join('\n')}\n`).toEqual([]);
  });

  it('reports a cycle with its whole path, a server → UI import and a domain → transport import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-rules-'));
    const files: Record<string, string> = {
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', jsx: 'react-jsx', paths: { '@/*': ['./*'] } } }),
      // The cycle this test was written against: a type-only import counts.
      'server/audit/actor.ts': "import type { RequestMeta } from '../trpc/context';\nexport type Actor = { meta: RequestMeta };\n",
      'server/trpc/context.ts': "import { sessionOf } from '@/server/auth/sessions';\nexport type RequestMeta = { ip: string };\nexport const context = sessionOf;\n",
      'server/auth/sessions.ts': "import type { Actor } from '../audit/actor';\nexport const sessionOf = (actor: Actor) => actor;\n",
      // Allowed: a domain router and a domain test use the transport.
      'server/trpc/procedures.ts': "export const procedure = 1;\n",
      'server/tenants/router.ts': "import { procedure } from '../trpc/procedures';\nexport const tenantsRouter = procedure;\n",
      'server/tenants/tenants.test.ts': "import { procedure } from '@/server/trpc/procedures';\nexport const used = procedure;\n",
      // Not allowed: a domain function imports a transport and the UI.
      'server/billing/invoices.ts': "import { procedure } from '@/server/trpc/procedures';\nimport { Button } from '@/components/ui/Button';\nexport const x = [procedure, Button];\n",
      'components/ui/Button.tsx': "export const Button = () => null;\n",
      'app/page.tsx': "import { Button } from '@/components/ui/Button';\nexport default Button;\n",
    };
    try {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(dir, dirname(path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const result = await cruiseApp(dir);
      const violations = [...new Set(result.summary.violations.map(describeViolation))].sort();
      // A cycle is reported once, from its first module; the router and the test may import trpc/.
      expect(violations).toEqual([
        'domain-not-transport: server/audit/actor.ts → server/trpc/context.ts',
        'domain-not-transport: server/billing/invoices.ts → server/trpc/procedures.ts',
        'no-circular: server/audit/actor.ts → server/trpc/context.ts → server/auth/sessions.ts → server/audit/actor.ts',
        'server-not-ui: server/billing/invoices.ts → components/ui/Button.tsx',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
