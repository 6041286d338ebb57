import { openApiDocument } from '@/server/rest/openapi';
import { OPERATIONS } from '../operations';

/** The OpenAPI document, public: it describes the API, not anyone's data. */
export function GET() {
  return Response.json(openApiDocument(OPERATIONS), { headers: { 'cache-control': 'public, max-age=300' } });
}
