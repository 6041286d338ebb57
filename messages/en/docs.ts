import type { Messages } from '../zh-CN';

export const docs: Messages['docs'] = {
  link: 'API reference',
  title: 'Counterfoil REST API reference',
  intro: 'The REST endpoints for tenants\' systems and internal services: how to authenticate, Idempotency-Key, rate limits and each API\'s error form, with request and response examples for every operation. This page is public and holds no tenant data.',
  openApiJson: 'OpenAPI document (JSON)',
  backToPortal: 'Back to the portal',
};
