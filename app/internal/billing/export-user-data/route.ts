import { serviceRoute } from '@/server/rest/guard';
import { JSON_HEADERS } from '@/server/rest/respond';
import { exportDocument, exportStream, planUserExport } from '@/server/export/export-user-data';
import { operation } from './operation';

/**
 * Seed 000: the user's data, streamed. The user, the tenant list and the audit row are settled
 * before the 200 is sent (a 404 or any early failure is an ordinary envelope); a database error
 * after that aborts the stream, so the client sees a broken response, not a short document.
 */
export const POST = serviceRoute(operation, async ({ body, actor, credentialId, meta }) => {
  const plan = await planUserExport(body, actor, credentialId);
  const stream = exportStream(exportDocument(plan, meta.timestamp), (error) => {
    console.error(`[rest] ${meta.traceId} export aborted mid-stream: ${error instanceof Error ? error.name : typeof error}`);
  });
  return new Response(stream, { status: 200, headers: { ...JSON_HEADERS, 'x-trace-id': meta.traceId } });
});
