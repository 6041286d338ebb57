/**
 * The one check for every callbackUrl we follow (the sign-in form, the signed-in redirect of the
 * sign-in page, Auth.js's own redirect callback): only a path on the portal's own origin, else `/`.
 *
 * A browser resolves `Location: /\evil.example` to `http://evil.example/` (a backslash counts as a
 * slash), drops tabs and newlines from URLs, and treats `//host` as another origin; some servers and
 * proxies decode `%5C` and `%2F` once more. So besides requiring that the value, parsed against the
 * origin, stays on that origin, we refuse backslashes, control characters and whitespace, and any
 * value whose percent-decoded form does any of that, and we re-check the normalized result.
 */

/** Stands in for our origin when the caller does not know it: an absolute URL never matches it. */
const PLACEHOLDER_ORIGIN = 'http://portal.invalid';

/** Longer than any portal path; a huge value only ever comes from someone probing. */
export const CALLBACK_MAX_LENGTH = 2048;

const FALLBACK = '/';

/** Never in a value as sent: backslash, control characters, any whitespace (browsers strip or fold them). */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\\\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff]/;
/** Never in a value once percent-decoded: backslash and control characters (an encoded space is fine). */
// eslint-disable-next-line no-control-regex
const UNSAFE_DECODED = /[\\\u0000-\u001f\u007f-\u009f]/;

function looksUnsafe(value: string, characters = UNSAFE_CHARACTERS): boolean {
  return characters.test(value) || !value.startsWith('/') || value.startsWith('//');
}

/** A path that is safe as written and stays safe however often it is percent-decoded. */
function survivesDecoding(path: string): boolean {
  if (looksUnsafe(path)) return false;
  const decoded = fullyDecoded(path);
  return decoded !== null && !looksUnsafe(decoded, UNSAFE_DECODED);
}

/** Decodes percent-escapes until nothing changes (a few rounds at most); null if malformed. */
function fullyDecoded(value: string): string | null {
  let current = value;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null; // still changing after four rounds: nobody legitimate nests encodings that deep
}

/**
 * `value` as a same-origin path (pathname, search and hash), or `/`.
 * `origin` is the portal's origin when known (Auth.js's baseUrl): an absolute URL on exactly that
 * origin is accepted and reduced to its path; without it, only paths are accepted.
 */
export function safeCallbackPath(value: unknown, origin: string = PLACEHOLDER_ORIGIN): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > CALLBACK_MAX_LENGTH) return FALLBACK;
  let base: URL;
  try {
    base = new URL(origin);
  } catch {
    return FALLBACK;
  }
  let candidate = value;
  if (!value.startsWith('/')) {
    // Only an absolute URL on our own origin (what Auth.js passes around) may be reduced to a path.
    if (UNSAFE_CHARACTERS.test(value) || !/^https?:\/\//i.test(value)) return FALLBACK;
    let absolute: URL;
    try {
      absolute = new URL(value);
    } catch {
      return FALLBACK;
    }
    if (absolute.origin !== base.origin || absolute.username || absolute.password) return FALLBACK;
    candidate = `${absolute.pathname}${absolute.search}${absolute.hash}`;
  }
  if (!survivesDecoding(candidate)) return FALLBACK;
  let parsed: URL;
  try {
    parsed = new URL(candidate, base);
  } catch {
    return FALLBACK;
  }
  if (parsed.origin !== base.origin) return FALLBACK;
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  // Normalization can turn `/.//evil` into `//evil`, `/./%2F/evil` into `/%2F/evil`: check what we would send.
  if (!survivesDecoding(path) || path.length > CALLBACK_MAX_LENGTH) return FALLBACK;
  return path;
}
