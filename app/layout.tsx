import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import { I18nProvider } from '@/components/providers/i18n';
import { currentLocale } from '@/components/portal/locale';

export const metadata: Metadata = { title: 'Counterfoil', description: 'Tenant billing portal' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await currentLocale();
  return (
    <html lang={locale}>
      <body>
        <I18nProvider locale={locale}>{children}</I18nProvider>
      </body>
    </html>
  );
}
