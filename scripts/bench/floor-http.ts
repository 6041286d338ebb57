import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';

/**
 * What every bench floor (a bare `node:http` + `pg` server in its own process) shares: its pool of
 * the portal's size, and the server around its answer — JSON headers, a 500 for a thrown error,
 * keep-alive, 127.0.0.1 on `--port N`, and a clean stop on SIGTERM/SIGINT.
 */
export function floorPool(): pg.Pool {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // The bench stops the embedded cluster while idle connections are open: not a reason to crash.
  pool.on('error', () => {});
  return pool;
}

function send(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

/** `answer` gives the status and the JSON body text. */
export function serveFloor(pool: pg.Pool, answer: (req: IncomingMessage) => Promise<[number, string]>): void {
  const port = Number(process.argv[process.argv.indexOf('--port') + 1]);
  const server = createServer((req, res) => {
    answer(req).then(
      ([status, body]) => send(res, status, body),
      (error: unknown) => {
        console.error(`[floor] ${(error as Error)?.message ?? error}`);
        send(res, 500, '"internal error"');
      },
    );
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, '127.0.0.1', () => console.log(`[floor] listening on http://127.0.0.1:${port}`));
  const stop = () => server.close(() => void pool.end().finally(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
