/** The REST guard's rate limit is the transport-neutral one (server/platform/rate-limit.ts), shared with tRPC. */
export { TokenBuckets, enforceRateLimit } from '../platform/rate-limit';
