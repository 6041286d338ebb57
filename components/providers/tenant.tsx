'use client';

import { createContext, useContext, type ReactNode } from 'react';

export type TenantView = { id: string; name: string; currency: string; locale: string; billingTimezone: string; role: 'owner' | 'admin' | 'billing' | 'viewer' };

const TenantContext = createContext<TenantView | null>(null);

export function TenantProvider({ tenant, children }: { tenant: TenantView; children: ReactNode }) {
  return <TenantContext.Provider value={tenant}>{children}</TenantContext.Provider>;
}

export function useTenant(): TenantView {
  const tenant = useContext(TenantContext);
  if (!tenant) throw new Error('useTenant outside TenantProvider');
  return tenant;
}
