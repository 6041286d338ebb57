import { z } from 'zod';

/**
 * Text we accept from callers: no NUL (PostgreSQL text cannot hold it, so it would surface as a
 * driver error, a 500) and no unpaired UTF-16 surrogate (not a character; it cannot be encoded
 * as UTF-8). Both transports refuse such input once, at the door, with a 400.
 */
export function isSafeText(value: string): boolean {
  // String.prototype.isWellFormed: Node 20+, not yet in TypeScript's ES2023 lib.
  return !value.includes('\0') && (value as string & { isWellFormed(): boolean }).isWellFormed();
}

type Node = { value: unknown; key: string | number | null; parent: Node | null };

function pathOf(node: Node, last?: string): (string | number)[] {
  const path: (string | number)[] = last === undefined ? [] : [last];
  for (let at: Node | null = node; at && at.key !== null; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * The path of the first unsafe string (a value or an object key) in `value`, or null. Walks
 * plain objects, arrays, Maps and Sets without recursion and in linear time (each node keeps a
 * link to its parent; the path is built only for the culprit), so no input can exhaust the stack.
 * An unsafe key is reported as `<key>` under its parent, so the message never quotes it.
 */
export function findUnsafeText(value: unknown): (string | number)[] | null {
  const stack: Node[] = [{ value, key: null, parent: null }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const node = stack.pop()!;
    const current = node.value;
    if (typeof current === 'string') {
      if (!isSafeText(current)) return pathOf(node);
      continue;
    }
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({ value: item, key: index, parent: node }));
    } else if (current instanceof Map) {
      for (const [key, item] of current) {
        if (typeof key === 'string' && !isSafeText(key)) return pathOf(node, '<key>');
        stack.push({ value: key, key: '<key>', parent: node });
        stack.push({ value: item, key: typeof key === 'string' || typeof key === 'number' ? key : '<key>', parent: node });
      }
    } else if (current instanceof Set) {
      let index = 0;
      for (const item of current) stack.push({ value: item, key: index++, parent: node });
    } else if (!(current instanceof Date)) {
      for (const key of Object.keys(current)) {
        if (!isSafeText(key)) return pathOf(node, '<key>');
        stack.push({ value: (current as Record<string, unknown>)[key], key, parent: node });
      }
    }
  }
  return null;
}

export const UNSAFE_TEXT_MESSAGE = 'text must not contain NUL characters or unpaired surrogates';

/** A zod string that refuses NUL and unpaired surrogates, for domain schemas that take free text. */
export function safeString() {
  return z.string().refine(isSafeText, { message: UNSAFE_TEXT_MESSAGE });
}
