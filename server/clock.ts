/**
 * The one clock every domain function and job reads. Production uses the system time;
 * tests and the seed move a simulated clock so months of history replay through the same code.
 */
type Clock = () => Date;

const systemClock: Clock = () => new Date();
let current: Clock = systemClock;

export function now(): Date {
  return current();
}

/** Freeze time at `instant` (tests, seed replay). */
export function setClock(instant: Date): void {
  const frozen = instant.getTime();
  current = () => new Date(frozen);
}

/** Move a frozen clock forward; a no-op on the system clock is refused to catch misuse. */
export function advanceClock(milliseconds: number): Date {
  if (current === systemClock) throw new Error('advanceClock needs a frozen clock (setClock first)');
  const next = new Date(current().getTime() + milliseconds);
  setClock(next);
  return next;
}

export function useSystemClock(): void {
  current = systemClock;
}
