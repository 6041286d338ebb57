/**
 * The portal's HTTP server: Next's request handler behind the edge (edge.ts), in one process.
 * `npm start` runs it (production), `npm run dev` with --dev. Usage:
 *   node --import tsx server/edge/serve.ts --port 3000 --host 0.0.0.0 [--dev]
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import next from 'next';
import { parseTrustedProxies } from '../platform/client-address';
import { EDGE_SEAL_ENV } from '../platform/request-meta';
import { prepareRequest } from './edge';
import { startWorker } from '../jobs/worker';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

async function main() {
  const dev = process.argv.includes('--dev');
  const port = Number(argument('port', process.env.PORT ?? '3000'));
  const host = argument('host', process.env.HOST ?? '0.0.0.0');
  // A fresh seal per process: edge headers from anywhere else (a caller, another process) never match.
  const seal = randomBytes(24).toString('base64url');
  process.env[EDGE_SEAL_ENV] = seal;
  const config = { proxies: parseTrustedProxies(process.env.TRUSTED_PROXIES), seal, dev };

  const app = next({ dev, hostname: host, port, dir: process.cwd() });
  await app.prepare();
  // The job worker in-process (COUNTERFOIL_WORKER=off for web only; `npm run worker` runs workers alone).
  const worker = process.env.COUNTERFOIL_WORKER === 'off' ? null : await startWorker({ instanceName: `web-${process.pid}` });
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    if (!prepareRequest(req, res, config)) return;
    handle(req, res).catch((error: unknown) => {
      console.error(`[http] unhandled ${(error as Error)?.name ?? typeof error}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('internal error\n');
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, host, () => {
    const proxies = config.proxies.configured ? `trusting proxies ${process.env.TRUSTED_PROXIES}` : 'no trusted proxies';
    console.log(`[serve] ${dev ? 'development' : 'production'} portal on http://${host}:${port} (${proxies})`);
  });
  const stop = () => {
    const stopped = worker?.stop() ?? Promise.resolve(); // graceful: running jobs finish first
    server.close(() => void stopped.finally(() => process.exit(0)));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(`[serve] ${(error as Error).message}`);
  process.exit(1);
});
