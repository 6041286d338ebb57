'use client';

import { Badge } from '@/components/ui';
import { useI18n } from '@/components/providers/i18n';
import { formatPercent, formatQuantity } from './format';

export type QuotaBarData = {
  quotaId: string; quotaName: string; namespace: string; appId: string | null; appName: string | null;
  enforcement: 'hard' | 'soft'; disabled: boolean;
  resource: { resourceType: string; name: string; nameZh: string; unit: string };
  maximum: string; used: string; percentUsed: number; projected: string; projectedPercent: number;
};

const tone = (percent: number) => (percent >= 100 ? 'var(--cf-danger)' : percent >= 80 ? '#b54708' : 'var(--cf-accent)');

/**
 * One quota limit as a bar: the filled part is the period's usage (capped at the end of the bar,
 * the percent says how far past it), a tick marks the projection at the period end. The bar is a
 * `progressbar` with its name and percent, so a screen reader hears the same as the eye sees.
 */
export function QuotaBar({ bar }: { bar: QuotaBarData }) {
  const { messages, locale } = useI18n();
  const t = messages.usage;
  const resource = locale === 'zh-CN' ? bar.resource.nameZh : bar.resource.name;
  const scope = `${bar.namespace === 'system' ? t.allNamespaces : bar.namespace}${bar.appName ? ` · ${bar.appName}` : ''}`;
  const name = `${resource} — ${bar.quotaName} (${scope})`;
  const percent = formatPercent(bar.percentUsed, locale);
  return (
    <div className="cf-stack-sm" data-testid="quota-bar">
      <div className="cf-row cf-row-between">
        <span><strong>{resource}</strong> <span className="cf-muted cf-small">{bar.quotaName} · {scope}</span></span>
        <span className="cf-row">
          {bar.disabled ? <Badge tone="neutral">{t.disabled}</Badge> : null}
          <Badge tone={bar.enforcement === 'hard' ? 'info' : 'neutral'}>{t.enforcement[bar.enforcement]}</Badge>
        </span>
      </div>
      <div role="progressbar" aria-label={t.barLabel(name, percent)} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.min(100, bar.percentUsed)}
        aria-valuetext={percent}
        style={{ position: 'relative', height: 12, borderRadius: 999, background: 'var(--cf-neutral-bg)', border: '1px solid var(--cf-border-strong)', overflow: 'hidden' }}>
        <div style={{ width: `${Math.min(100, bar.percentUsed)}%`, height: '100%', background: tone(bar.percentUsed) }} />
        <div aria-hidden style={{ position: 'absolute', top: 0, bottom: 0, left: `calc(${Math.min(100, bar.projectedPercent)}% - 1px)`, width: 2, background: 'var(--cf-text)' }} />
      </div>
      <div className="cf-row cf-row-between cf-small">
        <span><span className="cf-num">{formatQuantity(bar.used, locale)}</span> / <span className="cf-num">{formatQuantity(bar.maximum, locale)}</span> {bar.resource.unit} · <strong data-testid="quota-percent">{percent}</strong></span>
        <span className="cf-muted">{t.projectedPercent}: {formatQuantity(bar.projected, locale)} ({formatPercent(bar.projectedPercent, locale)})</span>
      </div>
    </div>
  );
}
