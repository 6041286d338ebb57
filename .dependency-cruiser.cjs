/**
 * Import rules for the application code (test/import-cycles.test.ts runs them; so does
 * `npx depcruise server app components --config .dependency-cruiser.cjs`).
 *
 * - no cycles anywhere in server/, app/ and components/ (type-only imports count: a type cycle
 *   is still two modules that cannot be understood apart);
 * - server/ never imports the UI (app/, components/), except its tests (which drive route handlers);
 * - domain code (everything in server/ but the transports) never imports a transport
 *   (server/trpc/, server/rest/, and server/edge/, the HTTP front that shapes REST errors);
 *   router files (`<domain>/router.ts`, `app-router.ts`) are tRPC wiring and tests drive
 *   transports, so both may.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle: split the shared part into a module both sides import.',
      from: { path: '^(server|app|components)/' },
      to: { circular: true },
    },
    {
      name: 'server-not-ui',
      severity: 'error',
      comment: 'server/ is imported by the UI, never the other way round.',
      from: { path: '^server/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(app|components)/' },
    },
    {
      name: 'domain-not-transport',
      severity: 'error',
      comment: 'Domain functions are called by transports; they do not know tRPC or REST. Move the shared piece out of the transport.',
      from: { path: '^server/', pathNot: ['^server/(trpc|rest|edge)/', 'router\\.ts$', '\\.test\\.ts$'] },
      to: { path: '^server/(trpc|rest|edge)/' },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['^server/generated/', '^\\.next/', '^node_modules/'] },
    includeOnly: { path: ['^(server|app|components|messages|prisma/seed)/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'],
    },
    skipAnalysisNotInRules: true,
  },
};
