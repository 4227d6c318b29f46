/**
 * A closed-loop HTTP load generator: `concurrency` workers on keep-alive sockets, each sending
 * its next request as soon as the previous answer arrives, for a fixed duration.
 */
import { Agent, request } from 'node:http';

export interface LoadRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
}

/** Resolves with the status and the `x-shiming-outcome` header. */
const send = (agent: Agent, port: number, req: LoadRequest): Promise<[number, string]> =>
  new Promise((resolve, reject) => {
    const r = request(
      { host: '127.0.0.1', port, agent, method: req.method, path: req.path, headers: req.headers },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve([res.statusCode ?? 0, String(res.headers['x-shiming-outcome'] ?? '')]),
        );
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** `next()` builds each request (so signatures can be refreshed); `ok` judges each answer. */
export const runLoad = async (
  port: number,
  next: () => LoadRequest,
  options: {
    concurrency: number;
    seconds: number;
    ok?: (status: number, outcome: string) => boolean;
  },
): Promise<LoadResult> => {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const at = performance.now();
      const [status, outcome] = await send(agent, port, next()).catch((): [number, string] => [
        0,
        '',
      ]);
      latencies.push(performance.now() - at);
      if (!(options.ok ?? ((s) => s === 200))(status, outcome)) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
};
