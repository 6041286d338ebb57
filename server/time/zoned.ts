/**
 * Calendar arithmetic in a tenant's billing timezone with the platform's Intl data only.
 * Instants are UTC `Date`s; a "local date" is what a person in that zone reads on the wall.
 */
export type LocalDateTime = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, cached);
  }
  return cached;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year), month: Number(parts.month), day: Number(parts.day),
    hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second),
  };
}

/** The instant a wall-clock time happens in the zone (the earlier one in a DST overlap). */
export function fromLocal(local: Partial<LocalDateTime> & { year: number; month: number; day: number }, timeZone: string): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0, local.second ?? 0);
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const seen = toLocal(new Date(guess), timeZone);
    const seenWall = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second);
    const drift = seenWall - wall;
    if (drift === 0) break;
    guess -= drift;
  }
  return new Date(guess);
}

export function startOfLocalDay(instant: Date, timeZone: string): Date {
  const local = toLocal(instant, timeZone);
  return fromLocal({ year: local.year, month: local.month, day: local.day }, timeZone);
}

/** The instant a local calendar date `YYYY-MM-DD` (plus `plusDays`) begins in the zone: date filters read in the tenant's timezone. */
export function startOfLocalDate(date: string, timeZone: string, plusDays = 0): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1, day + plusDays));
  return fromLocal({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() }, timeZone);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Same local day-of-month n months later, clamped to the month's end (Jan 31 + 1 month = Feb 28/29). */
export function addLocalMonths(instant: Date, timeZone: string, months: number, anchorDay?: number): Date {
  const local = toLocal(instant, timeZone);
  const index = local.year * 12 + (local.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(anchorDay ?? local.day, daysInMonth(year, month));
  return fromLocal({ year, month, day, hour: local.hour, minute: local.minute, second: local.second }, timeZone);
}

export function addLocalDays(instant: Date, timeZone: string, days: number): Date {
  const local = toLocal(instant, timeZone);
  const shifted = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return fromLocal({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(), hour: local.hour, minute: local.minute, second: local.second }, timeZone);
}

/** Calendar days between two local midnights: what a person counts on a calendar. */
export function localDaysBetween(from: Date, to: Date, timeZone: string): number {
  const a = toLocal(from, timeZone);
  const b = toLocal(to, timeZone);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** YYYY-MM-DD as read in the zone. */
export function localDateString(instant: Date, timeZone: string): string {
  const local = toLocal(instant, timeZone);
  return `${local.year}-${pad(local.month)}-${pad(local.day)}`;
}
