/**
 * The bench's load generator: `connections` keep-alive sockets (node:http Agent), each sending
 * its next GET as soon as the last answer is read, until `requests` were sent or `deadlineMs`
 * passed. Bounded both ways, so a stuck server ends the run rather than hanging it.
 */
import { Agent, request } from 'node:http';

export type Sample = { latencies: number[]; failures: number; seconds: number };
export type LoadResult = { requests: number; failures: number; rps: number; p50: number; p95: number; p99: number };

const REQUEST_TIMEOUT_MS = 10_000;

function once(agent: Agent, url: URL, headers: Record<string, string>): Promise<{ ok: boolean; ms: number }> {
  const t0 = performance.now();
  return new Promise((done) => {
    const req = request(url, { agent, headers, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      res.resume(); // read the whole body: the answer counts once it has arrived
      res.on('end', () => done({ ok: res.statusCode === 200, ms: performance.now() - t0 }));
      res.on('error', () => done({ ok: false, ms: performance.now() - t0 }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => done({ ok: false, ms: performance.now() - t0 }));
    req.end();
  });
}

export async function load(url: string, headers: Record<string, string>, connections: number, requests: number, deadlineMs = 60_000): Promise<Sample> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  const latencies: number[] = [];
  let sent = 0;
  let failures = 0;
  const started = performance.now();
  const until = Date.now() + deadlineMs;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (sent < requests && Date.now() < until) {
        sent += 1;
        const { ok, ms } = await once(agent, target, headers);
        if (ok) latencies.push(ms);
        else failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { latencies, failures: failures + (requests - sent), seconds };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Several samples of one target (the rounds of an interleaved phase) as one result. */
export function summarize(samples: Sample[]): LoadResult {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const failures = samples.reduce((n, s) => n + s.failures, 0);
  const seconds = samples.reduce((n, s) => n + s.seconds, 0);
  return { requests: latencies.length + failures, failures, rps: latencies.length / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) };
}
