import { readFileSync } from 'node:fs';
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
