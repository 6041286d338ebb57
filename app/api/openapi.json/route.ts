import { writeJson } from '@/server/json';
import { openApiDocument } from '@/server/rest/openapi';
import { OPERATIONS } from '../operations';

/** The OpenAPI document, public: it describes the API, not anyone's data. Examples go through the wire's JSON writer (exact decimals). */
export function GET() {
  return new Response(writeJson(openApiDocument(OPERATIONS)), { headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' } });
}
