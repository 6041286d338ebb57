/** RFC 3339 UTC without a fraction when there is none: 2026-04-01T00:00:00Z. */
export function rfc3339(instant: Date): string {
  return instant.toISOString().replace('.000Z', 'Z');
}
