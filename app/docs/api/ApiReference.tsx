'use client';

import { ApiReferenceReact } from '@scalar/api-reference-react';
import '@scalar/api-reference-react/style.css';

/**
 * Scalar's reference, rendered in the browser from our own /api/openapi.json. Configured to work
 * under the portal's CSP (connect-src, font-src and script-src 'self' only): no web fonts from its
 * CDN (the system font stacks instead), no telemetry, no request proxy, no AI agent or MCP
 * buttons, no developer toolbar. Its scripts are our bundle's chunks (loaded under the nonce with
 * 'strict-dynamic'); its styles are a stylesheet and inline styles ('unsafe-inline' for styles).
 */
const CONFIGURATION = {
  url: '/api/openapi.json',
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: 'never',
  hideClientButton: false,
  persistAuth: false,
  defaultOpenAllTags: true,
  operationTitleSource: 'summary',
  theme: 'default',
  // One colour scheme, checked for contrast by the accessibility test (docs.css darkens its palette).
  forceDarkModeState: 'light',
  hideDarkModeToggle: true,
  layout: 'modern',
} as const;

export function ApiReference() {
  return <ApiReferenceReact configuration={CONFIGURATION} />;
}
