/**
 * Face engine latency through the worker pool:
 *   node --import tsx bench/face.bench.ts [--pack standard] [--n 60] [--workers 2]
 * Per-photo latency (decode → detect → landmarks → align → embed → liveness) for a 640×480
 * and a 1920×1080 JPEG at concurrency 1 and 4, p50/p99; event-loop delay on the main thread
 * while it runs; RSS with all models loaded. The HTTP end-to-end part lives in http.bench.ts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { createFaceEngine } from '../src/engines/face/index.ts';

const { values } = parseArgs({
  options: {
    pack: { type: 'string', default: 'standard' },
    n: { type: 'string', default: '60' },
    workers: { type: 'string', default: '2' },
  },
});
const N = Number(values.n);
const SOURCE = join(import.meta.dirname, '../../shared/data/faces-dev/deepface/img1.jpg');

const photo = async (width: number, height: number) => {
  const base = existsSync(SOURCE)
    ? sharp(SOURCE).resize(width, height, { fit: 'cover' })
    : sharp({ create: { width, height, channels: 3, background: '#888' } });
  return base.jpeg({ quality: 90 }).toBuffer();
};

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const engine = await createFaceEngine(values.pack, { workers: Number(values.workers) });
const loadMs = performance.now() - t0;
const images = { '640x480': await photo(640, 480), '1920x1080': await photo(1920, 1080) };
for (const img of Object.values(images))
  await engine.analyze(img, { liveness: true, role: 'selfie' });

console.log(`pack ${engine.pack}, ${values.workers} workers, model load ${loadMs.toFixed(0)} ms`);
console.log('| photo | concurrency | p50 ms | p99 ms | photos/s | event-loop delay p99 ms |');
console.log('|---|---|---|---|---|---|');
for (const [name, img] of Object.entries(images)) {
  for (const concurrency of [1, 4]) {
    const latencies: number[] = [];
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const start = performance.now();
    let next = 0;
    const lane = async () => {
      while (next++ < N) {
        const t = performance.now();
        const r = await engine.analyze(img, { liveness: true, role: 'selfie' });
        if (!r.face && existsSync(SOURCE)) throw new Error(`no face in ${name}: ${r.outcome}`);
        latencies.push(performance.now() - t);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    const seconds = (performance.now() - start) / 1000;
    loop.disable();
    const lag = loop.percentile(99) / 1e6;
    console.log(
      `| ${name} | ${concurrency} | ${quantile(latencies, 0.5).toFixed(0)} | ${quantile(latencies, 0.99).toFixed(0)} | ${(N / seconds).toFixed(1)} | ${lag.toFixed(1)} |`,
    );
  }
}
const rss = process.memoryUsage().rss;
console.log(
  `RSS with models loaded: ${(rss / 2 ** 20).toFixed(0)} MiB (process start ${(rss0 / 2 ** 20).toFixed(0)} MiB)`,
);
await engine.close();
