import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A child Node process that loads the embedded-PostgreSQL module (and with it async-exit-hook), then ends naturally. */
function exitStatusAfterLoading(body: string): number | null {
  const script = `await import('./server/platform/embedded-postgres.ts'); ${body}`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }).status;
}

describe('a failing run stays failing', () => {
  it('keeps the exit code a process set (as vitest does for failed tests) through the exit hook embedded-postgres registers', () => {
    expect(exitStatusAfterLoading('process.exitCode = 3;')).toBe(3);
    expect(exitStatusAfterLoading('')).toBe(0);
  });
});
