export type MeterKind = 'counter' | 'gauge';
export type Meter = { resourceType: string; kind: MeterKind; /** priced by a SKU (charge lines); false for sign-in statistics. */ billable: boolean };

/** SKUs for fees, not for metering: their charge lines come from subscriptions and add-ons. */
const FEE_RESOURCE_TYPES = new Set(['subscription', 'addon']);

/**
 * Seed 000's daily stats count sign-ins (login_attempts, failed_logins) from the same metering
 * events as everything else; they are not sold, so they have no SKU and are never priced.
 */
export const STATISTIC_METERS: readonly Meter[] = [
  { resourceType: 'login_attempts', kind: 'counter', billable: false },
  { resourceType: 'failed_logins', kind: 'counter', billable: false },
];

/** Every resource type an event may name: the active metered SKUs (given) and the sign-in statistics. */
export function metersFrom(skus: readonly { resourceType: string; meterKind: MeterKind }[]): Map<string, Meter> {
  const meters = new Map<string, Meter>();
  for (const sku of skus) {
    if (!FEE_RESOURCE_TYPES.has(sku.resourceType)) meters.set(sku.resourceType, { resourceType: sku.resourceType, kind: sku.meterKind, billable: true });
  }
  for (const meter of STATISTIC_METERS) meters.set(meter.resourceType, meter);
  return meters;
}
