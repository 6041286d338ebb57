import { createServer, request, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { coalesceResponseWrites } from './coalesce-writes';

type Writer = (res: ServerResponse) => Promise<void>;

/** Next's way of sending a Response (next/dist/server/pipe-readable.js): headers flushed, each chunk written, then end. */
const likeNext: Writer = async (res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.flushHeaders();
  res.write('{"items":[1,2,3]}');
  await Promise.resolve();
  res.end();
};

let close: () => void = () => {};
afterEach(() => close());

/** Serves one request with `writer`, counting the socket-level writes (each one system call); returns them with the body's arrival times. */
async function serve(writer: Writer, coalesce: boolean) {
  let socketWrites = 0;
  const server = createServer((_req, res) => {
    const socket = res.socket as Socket & { _writeGeneric: (...args: unknown[]) => unknown };
    const original = socket._writeGeneric;
    socket._writeGeneric = function (...args: unknown[]) {
      socketWrites += 1;
      return original.apply(this, args);
    };
    if (coalesce) coalesceResponseWrites(res);
    void writer(res);
  });
  close = () => server.close();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  const started = performance.now();
  const chunks = await new Promise<{ at: number; text: string }[]>((done, fail) => {
    request({ port, host: '127.0.0.1', path: '/' }, (res) => {
      const seen: { at: number; text: string }[] = [];
      res.setEncoding('utf8');
      res.on('data', (text: string) => seen.push({ at: performance.now() - started, text }));
      res.on('end', () => done(seen));
    }).on('error', fail).end();
  });
  return { socketWrites, body: chunks.map((c) => c.text).join(''), chunks };
}

describe('coalesceResponseWrites', () => {
  it('sends a response written the way Next writes it in one socket write instead of three', async () => {
    const plain = await serve(likeNext, false);
    const coalesced = await serve(likeNext, true);
    expect(plain.socketWrites).toBeGreaterThanOrEqual(3);
    expect(coalesced.socketWrites).toBe(1);
    expect(coalesced.body).toBe(plain.body);
  });

  it('still streams: a chunk written before a pause arrives before the pause ends', async () => {
    const streamed = await serve(async (res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first ');
      await new Promise((done) => setTimeout(done, 300));
      res.end('second');
    }, true);
    expect(streamed.body).toBe('first second');
    expect(streamed.chunks[0]!.text).toBe('first ');
    expect(streamed.chunks.at(-1)!.at - streamed.chunks[0]!.at).toBeGreaterThan(200);
  });

  it('leaves a kept-alive socket uncorked for the next response', async () => {
    const first = await serve(likeNext, true);
    expect(first.socketWrites).toBe(1);
    const server = createServer((_req, res) => {
      coalesceResponseWrites(res);
      void likeNext(res);
    });
    close = () => server.close();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as { port: number }).port;
    const { Agent } = await import('node:http');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<string>((done, fail) => {
        request({ port, host: '127.0.0.1', path: '/', agent }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (t: string) => (text += t));
          res.on('end', () => done(text));
        }).on('error', fail).end();
      });
    const bodies = [await get(), await get(), await get()];
    agent.destroy();
    expect(bodies).toEqual(Array(3).fill('{"items":[1,2,3]}'));
  });
});
