import type { ServerResponse } from 'node:http';

/**
 * Next sends a route's Response as `flushHeaders()`, then `write()` per body chunk, then `end()`:
 * three socket writes for a small JSON body, each a system call that also wakes the client. Here
 * the socket is corked at the response's first write and uncorked on the next turn of the event
 * loop, and `end()` uncorks fully (Node's own rule), so a body produced at once leaves in one
 * write, while a streamed page still sends what it has every turn.
 */
export function coalesceResponseWrites(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket) return;
  let corked = false;
  const corkOnce = () => {
    if (corked) return;
    corked = true;
    socket.cork();
    setImmediate(() => {
      // end() may already have flushed it (corked back to 0); a kept-alive socket's next response corks for itself.
      if (socket.writableCorked > 0 && !socket.destroyed) socket.uncork();
    });
  };
  for (const method of ['writeHead', 'flushHeaders', 'write', 'end'] as const) {
    const original = res[method] as (...args: unknown[]) => unknown;
    (res as unknown as Record<string, unknown>)[method] = function (this: ServerResponse, ...args: unknown[]) {
      corkOnce();
      return original.apply(this, args);
    };
  }
}
