import { openApiDocument } from '@/server/rest/openapi';

/** The OpenAPI document, public: it describes the API, not anyone's data. */
export function GET() {
  return Response.json(openApiDocument(), { headers: { 'cache-control': 'public, max-age=300' } });
}
