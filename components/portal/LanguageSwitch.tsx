'use client';

import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { switchLocale } from './actions';
import { useI18n } from '@/components/providers/i18n';
import { LOCALES } from '@/messages';

const LABELS = { 'zh-CN': '中文', en: 'English' } as const;

export function LanguageSwitch() {
  const { locale, messages } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="cf-row cf-small">
      <span className="cf-sr-only">{messages.common.language}</span>
      <select
        className="cf-select"
        aria-label={messages.common.language}
        value={locale}
        disabled={pending}
        onChange={(event) => startTransition(async () => {
          await switchLocale(event.target.value);
          router.refresh();
        })}
      >
        {LOCALES.map((value) => <option key={value} value={value}>{LABELS[value]}</option>)}
      </select>
    </label>
  );
}
