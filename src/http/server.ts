/**
 * The HTTP edge: reads each request body (bounded), picks the dialect that claims it, runs the
 * pipeline, writes the answer. Health endpoints live here too. Plain node:http, on purpose:
 * the dialects need the raw body bytes for their signatures and nothing else from a framework.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { outcome } from '../core/outcomes.ts';
import type { Logger } from '../log.ts';
import type { Dialect } from './dialect.ts';
import { type PipelineDeps, runPipeline } from './pipeline.ts';
import { jsonResponse, type WireRequest, type WireResponse } from './wire.ts';

export interface HttpDeps {
  dialects: readonly Dialect[];
  pipeline: PipelineDeps;
  maxBodyBytes: number;
  ready(): Promise<boolean>;
  log: Logger;
}

type Body = { bytes: Buffer } | { tooLarge: true };

const readBody = (req: IncomingMessage, limit: number): Promise<Body> =>
  new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) return resolve({ tooLarge: true });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        resolve({ tooLarge: true });
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve({ bytes: Buffer.concat(chunks) }));
    req.on('error', reject);
  });

const headersOf = (req: IncomingMessage): Record<string, string> => {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
};

const toWire = (req: IncomingMessage, body: Buffer): WireRequest => {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return {
    method: req.method ?? 'GET',
    path: q < 0 ? url : url.slice(0, q),
    rawQuery: q < 0 ? '' : url.slice(q + 1),
    headers: headersOf(req),
    body,
    receivedAt: Date.now(),
  };
};

const health = async (path: string, deps: HttpDeps): Promise<WireResponse | undefined> => {
  if (path === '/healthz') return jsonResponse(200, { status: 'ok' });
  if (path !== '/readyz') return undefined;
  const ready = await deps.ready().catch(() => false);
  return jsonResponse(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
};

const answer = async (req: IncomingMessage, deps: HttpDeps): Promise<WireResponse> => {
  const body = await readBody(req, deps.maxBodyBytes);
  const request = toWire(req, 'bytes' in body ? body.bytes : Buffer.alloc(0));
  const healthAnswer = await health(request.path, deps);
  if (healthAnswer) return healthAnswer;
  const dialect = deps.dialects.find((d) => d.claims(request));
  if (!dialect) return jsonResponse(404, { message: 'No API is served at this path.' });
  const refused = 'tooLarge' in body ? outcome('payload_too_large') : undefined;
  return runPipeline(dialect, request, deps.pipeline, refused);
};

const write = (res: ServerResponse, response: WireResponse, closeAfter: boolean) => {
  const body = typeof response.body === 'string' ? Buffer.from(response.body) : response.body;
  res.writeHead(response.status, {
    ...response.headers,
    'content-length': body.length,
    ...(closeAfter ? { connection: 'close' } : {}),
  });
  res.end(body);
};

export const createHttpServer = (deps: HttpDeps): Server =>
  createServer(
    { requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 },
    (req, res) => {
      answer(req, deps)
        .then((response) => write(res, response, !req.complete))
        .catch((error: unknown) => {
          deps.log.error('unhandled request failure', { error: String(error) });
          write(res, jsonResponse(500, { message: 'Internal error.' }), true);
        });
    },
  );

export const listen = (server: Server, port: number, host: string): Promise<AddressInfo> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
