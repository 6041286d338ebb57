import { AppError } from '../errors';
import { requestMetaFrom } from '../platform/request-meta';
import { envelopeForPath, newEnvelopeMeta } from './envelopes';
import { errorResponse } from './respond';

/**
 * What an API prefix answers for a path no route serves: a JSON 404 in the nearest seed's error
 * form, never the portal's HTML not-found page. Mounted as a catch-all under each API prefix
 * (`app/<prefix>/[...unknown]/route.ts`); more specific routes win over it.
 */
export async function unknownApiPath(request: Request): Promise<Response> {
  const meta = newEnvelopeMeta(requestMetaFrom(request.headers));
  const { pathname } = new URL(request.url);
  return errorResponse(new AppError('NOT_FOUND', 'UNKNOWN_PATH', `no endpoint at ${request.method} ${pathname.slice(0, 200)}`), envelopeForPath(pathname), meta);
}
