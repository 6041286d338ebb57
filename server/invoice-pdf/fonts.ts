import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Font } from '@react-pdf/renderer';

/** The CJK font shipped by @expo-google-fonts/noto-sans-sc (OFL-1.1): a plain .ttf that react-pdf can read and subset. */
export const INVOICE_FONT_FAMILY = 'NotoSansSC';
const FONT_FILE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

/**
 * Resolved from the project root at run time (the directory `next start`, the worker and vitest
 * run in) rather than from this module's own location, which the Next bundle moves: the bundler
 * sees no static specifier to rewrite, and node's resolution finds the package as it does for any require.
 */
export function invoiceFontPath(): string {
  return createRequire(join(process.cwd(), 'package.json')).resolve(FONT_FILE);
}

let registered = false;

/** Registers the font once per process (react-pdf keeps a global font store). */
export function registerInvoiceFont(): void {
  if (registered) return;
  Font.register({ family: INVOICE_FONT_FAMILY, src: invoiceFontPath() });
  // Chinese has no spaces: without this, react-pdf hyphenates CJK runs as if they were words.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
