import type { AlertThresholdKind } from '../generated/prisma/enums';
import { Decimal, minorUnits, roundToMinor } from '../money';
import type { LocalizedText } from '../notifications/notify';

type Input = {
  alert: { name: string; resourceType: string; thresholdPercent: number | null; thresholdAmount: { toFixed(): string } | null; thresholdSpend: { toFixed(): string } | null };
  kind: AlertThresholdKind;
  /** Usage, or spend for the `spend` kind. */
  observed: Decimal;
  base: Decimal | null;
  sku: { name: string; nameZh: string; unitName: string } | null;
  currency: string;
};

/** Money as a person reads it: the currency code and the amount at its minor unit, grouped (exact). */
function money(value: Decimal, currency: string): string {
  const [whole, fraction] = roundToMinor(value, currency).toFixed(minorUnits(currency)).split('.');
  return `${currency} ${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/** Quantities as a person reads them: grouped digits, at most 4 decimals, exact (no float). */
function quantity(value: Decimal): string {
  const [whole, fraction] = value.toDecimalPlaces(4).toFixed().split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** The alert's notification in both languages (title and one sentence). */
export function alertText({ alert, kind, observed: usage, base, sku, currency }: Input): LocalizedText {
  const unit = sku?.unitName ?? '';
  const enName = sku?.name ?? alert.resourceType;
  const zhName = sku?.nameZh ?? alert.resourceType;
  // The catalog's unit names are written for Chinese readers (次, 用户, GB): English text keeps only a Latin one.
  const used = (locale: 'en' | 'zh-CN') => `${quantity(usage)}${unit && (locale === 'zh-CN' || /^[\x20-\x7e]+$/.test(unit)) ? ` ${unit}` : ''}`;
  if (kind === 'percent' && base) {
    const percent = usage.times(100).dividedBy(base).toDecimalPlaces(1).toFixed();
    return {
      en: { title: `Usage alert: ${alert.name}`, body: `${enName} usage this period is ${used('en')}, ${percent}% of ${quantity(base)} (alert at ${alert.thresholdPercent}%).` },
      'zh-CN': { title: `用量告警：${alert.name}`, body: `本周期${zhName}用量已达 ${used('zh-CN')}，为 ${quantity(base)} 的 ${percent}%（告警阈值 ${alert.thresholdPercent}%）。` },
    };
  }
  if (kind === 'spend') {
    const limit = new Decimal(alert.thresholdSpend?.toFixed() ?? '0');
    return {
      en: { title: `Usage alert: ${alert.name}`, body: `${enName} charges this period are ${money(usage, currency)}, past the alert's ${money(limit, currency)}.` },
      'zh-CN': { title: `用量告警：${alert.name}`, body: `本周期${zhName}费用已达 ${money(usage, currency)}，超过告警值 ${money(limit, currency)}。` },
    };
  }
  const limit = new Decimal(alert.thresholdAmount?.toFixed() ?? '0');
  return {
    en: { title: `Usage alert: ${alert.name}`, body: `${enName} usage this period is ${used('en')}, past the alert's ${quantity(limit)}.` },
    'zh-CN': { title: `用量告警：${alert.name}`, body: `本周期${zhName}用量已达 ${used('zh-CN')}，超过告警值 ${quantity(limit)}。` },
  };
}
