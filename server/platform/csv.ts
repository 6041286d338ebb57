/**
 * CSV downloads of the portal (the audit log, invoices): RFC 4180 cells safe to open in a
 * spreadsheet, streamed with back-pressure. Each export supplies its own columns and rows.
 */

/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet: text starting with `=`, `+`, `-`, `@`
 * (or a tab / carriage return, which some spreadsheets skip before a formula) gets a leading `'`.
 */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Pulls the next chunk only when the client has read the last one (back-pressure), so a long export never piles up. */
export function csvStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

export function csvHeaders(filename: string): Record<string, string> {
  return {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
}

/** The query string as the export's filters: blank parameters are absent ones. */
export function queryFilters(url: URL): Record<string, string> {
  return Object.fromEntries([...url.searchParams.entries()].filter(([, value]) => value.trim() !== ''));
}
