/**
 * `npm run bench:face` (second half): the market face comparison end to end, through HTTP, the
 * gateway signature, the worker pool and the durable record, for 640×480 and 1920×1080 JPEG
 * selfies at concurrency 1 and 4; then IdCardVerification's p99 alone and while the face load
 * runs. The selfie is a faces-dev photo read from ../shared/data (skipped when absent).
 *   BENCH_SECONDS (default 10) sets each run's duration.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { type LoadResult, runLoad } from './load.ts';
import { rssMb, startProcess } from './server-process.ts';
import { marketRequests, tc3Requests } from './signers.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SOURCE = join(import.meta.dirname, '../../shared/data/faces-dev/deepface/img1.jpg');
const PORT = 18183;
const ZHANG = { idcard: '110105199003070017', name: '张三' };

const selfie = (width: number, height: number) =>
  sharp(SOURCE).resize(width, height, { fit: 'cover' }).jpeg({ quality: 90 }).toBuffer();

const row = (name: string, r: LoadResult) =>
  `| ${name} | ${r.rps.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} |`;

const main = async () => {
  if (!existsSync(SOURCE)) {
    console.log(`skipped: ${SOURCE} is not there (the face photos live in ../shared/data)`);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'shiming-bench-face-'));
  const args = ['src/cli/bin.ts', 'serve', '--demo', '--port', String(PORT), '--data-dir', dataDir];
  const server = await startProcess(
    [...args, '--default-qps', '1000000', '--log-level', 'warn'],
    PORT,
  );
  const matched = (status: number, outcome: string) => status === 200 && outcome === 'match';
  const rows: string[] = [];
  for (const [width, height] of [
    [640, 480],
    [1920, 1080],
  ] as const) {
    const image = (await selfie(width, height)).toString('base64');
    for (const concurrency of [1, 4]) {
      const result = await runLoad(PORT, marketRequests({ ...ZHANG, image }), {
        concurrency,
        seconds: SECONDS,
        ok: matched,
      });
      rows.push(row(`market ${width}×${height}, concurrency ${concurrency}`, result));
    }
  }
  const faceRss = rssMb(server.pid!);
  const identity = tc3Requests(
    'IdCardVerification',
    JSON.stringify({ IdCard: ZHANG.idcard, Name: ZHANG.name }),
  );
  const alone = await runLoad(PORT, identity, { concurrency: 8, seconds: SECONDS, ok: matched });
  const image = (await selfie(640, 480)).toString('base64');
  const [loaded, faces] = await Promise.all([
    runLoad(PORT, identity, { concurrency: 8, seconds: SECONDS, ok: matched }),
    runLoad(PORT, marketRequests({ ...ZHANG, image }), {
      concurrency: 4,
      seconds: SECONDS,
      ok: matched,
    }),
  ]);
  server.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`${SECONDS} s per run, node ${process.version}, face pack standard\n`);
  console.log('| run | req/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log(row('IdCardVerification alone, concurrency 8', alone));
  console.log(row('IdCardVerification under face load, concurrency 8', loaded));
  console.log(row('… the face load beside it (640×480, concurrency 4)', faces));
  console.log(`\nserver RSS with all models loaded: ${faceRss.toFixed(0)} MB`);
  console.log(`identity p99 under face load / alone: ${(loaded.p99 / alone.p99).toFixed(2)}`);
};

await main();
