import { requestMetaFrom } from './request-meta';

/** The caller's address as the edge resolved it (see request-meta.ts); never a header as sent. */
export function clientIp(headers: Headers): string {
  return requestMetaFrom(headers).ip;
}
