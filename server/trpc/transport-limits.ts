import { TRPCError } from '@trpc/server';

/**
 * Limits of the tRPC endpoint, checked before tRPC reads the input: the portal's client never
 * comes near them, a hostile one is refused before parsing costs anything.
 */
export const MAX_BATCH_SIZE = 20;
export const MAX_BODY_BYTES = 1_000_000;
/** superjson walks its input recursively: deeper JSON could exhaust the stack. */
export const MAX_JSON_DEPTH = 64;

const tooLarge = () => new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: 'request too large' });
const tooDeep = () => new TRPCError({ code: 'BAD_REQUEST', message: 'malformed request' });

/** True when the JSON text nests arrays/objects deeper than `max` (strings are skipped; no parsing, no recursion). */
export function jsonDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * The request tRPC should see: its body read here (at most MAX_BODY_BYTES, else 413) and its
 * JSON input (body, or `input` in the query of a GET) no deeper than MAX_JSON_DEPTH (else 400).
 * Throws a TRPCError for tRPC to answer in its own error form.
 */
export async function boundedTrpcRequest(req: Request): Promise<Request> {
  const queryInput = new URL(req.url).searchParams.get('input');
  if (queryInput !== null && jsonDeeperThan(queryInput, MAX_JSON_DEPTH)) throw tooDeep();
  if (!req.body || req.method === 'GET' || req.method === 'HEAD') return req;
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const bytes = await readAtMost(req.body, MAX_BODY_BYTES);
  const text = new TextDecoder().decode(bytes);
  if (jsonDeeperThan(text, MAX_JSON_DEPTH)) throw tooDeep();
  const headers = new Headers(req.headers);
  headers.delete('content-length');
  headers.delete('transfer-encoding');
  // The text as decoded (tRPC decodes UTF-8 the same way), so what was checked is what is parsed.
  return new Request(req.url, { method: req.method, headers, body: text, signal: req.signal });
}
