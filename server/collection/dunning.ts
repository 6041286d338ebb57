/**
 * The dunning schedule: charge when the invoice is finalized (step 0), then retry 1, 3 and 5 days
 * later, each retry only if it falls inside the grace period (the subscription's grace_period_days,
 * or DEFAULT_GRACE_DAYS for an invoice without a subscription). When the last step fails the
 * invoice becomes `failed` (F5 OVERDUE); it is still owed and can be settled or paid from credit.
 */
export const DUNNING_DAYS: readonly number[] = [0, 1, 3, 5];
export const DEFAULT_GRACE_DAYS = 7;
const DAY_MS = 86_400_000;

/** The step offsets (days after finalization) that fit in a grace period of `graceDays`. */
export function dunningSteps(graceDays: number): number[] {
  const inside = DUNNING_DAYS.filter((day) => day === 0 || day < graceDays);
  return inside.length > 0 ? inside : [0];
}

/** When step `step` falls due for an invoice finalized at `finalizedAt`. */
export function stepDueAt(finalizedAt: Date, step: number, graceDays: number): Date | null {
  const days = dunningSteps(graceDays)[step];
  return days === undefined ? null : new Date(finalizedAt.getTime() + days * DAY_MS);
}

/** The latest step due by `at`, or null before the first. */
export function dueStep(finalizedAt: Date, graceDays: number, at: Date): number | null {
  const steps = dunningSteps(graceDays);
  let due: number | null = null;
  steps.forEach((days, index) => {
    if (finalizedAt.getTime() + days * DAY_MS <= at.getTime()) due = index;
  });
  return due;
}

export function isLastStep(step: number, graceDays: number): boolean {
  return step >= dunningSteps(graceDays).length - 1;
}
