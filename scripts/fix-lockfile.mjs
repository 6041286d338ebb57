// The registry mirror these machines reach has no darwin/win32 builds of @next/swc, so `npm install`
// leaves them out of package-lock.json and `npm ci` then refuses the lock. Record them as the
// optional, platform-bound entries npm itself would write: npm ci skips them off their platform.
// Run after any `npm install` that rewrites the lock: `node scripts/fix-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const next = lock.packages['node_modules/next'];
const platforms = {
  'darwin-arm64': ['darwin', 'arm64'], 'darwin-x64': ['darwin', 'x64'],
  'win32-arm64-msvc': ['win32', 'arm64'], 'win32-x64-msvc': ['win32', 'x64'],
};
let added = 0;
for (const [suffix, [os, cpu]] of Object.entries(platforms)) {
  const name = `@next/swc-${suffix}`;
  const key = `node_modules/${name}`;
  const version = next.optionalDependencies?.[name];
  if (!version || lock.packages[key]) continue;
  lock.packages[key] = { version, cpu: [cpu], license: 'MIT', optional: true, os: [os], engines: { node: '>= 10' } };
  added += 1;
}
const [root, ...rest] = Object.entries(lock.packages);
lock.packages = Object.fromEntries([root, ...rest.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform entries added`);
