/** The header the portal's client sends with the tenant the person is looking at (from the URL). */
export const TENANT_HEADER = 'x-counterfoil-tenant';
