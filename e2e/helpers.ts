import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'counterfoil-demo';

/** What the seed wrote for the e2e server (data/e2e/demo-credentials.json). */
export function demoCredentials(): { apiKeys: Record<string, string>; serviceCredentials: Record<string, string> } {
  return JSON.parse(readFileSync(join(process.env.E2E_DATA_DIR ?? 'data/e2e', 'demo-credentials.json'), 'utf8'));
}

/** Signs in through the real page; with the right password, waits until the portal has opened. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('form button[type="submit"]').click();
  if (password === DEMO_PASSWORD) await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** The e2e server's database: DATABASE_URL on an external server, else the URL `npm start` wrote for its embedded cluster. */
export function e2eDatabaseUrl(): string {
  return process.env.DATABASE_URL ?? readFileSync(join(process.env.E2E_DATA_DIR ?? 'data/e2e', 'database-url'), 'utf8').trim();
}

/** Everything the e2e server has written to stdout and stderr so far (playwright.config.ts sets COUNTERFOIL_SERVER_LOG). */
export function e2eServerLog(): string {
  return readFileSync(join(process.env.E2E_DATA_DIR ?? 'data/e2e', 'server.log'), 'utf8');
}

export type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/**
 * One HTTP request from a chosen loopback source address (Linux lets a socket bind any 127.x
 * address), so tests that depend on the client address each have one of their own.
 */
export function requestFrom(
  localAddress: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  const port = Number(process.env.E2E_PORT ?? 3100);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, localAddress, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
