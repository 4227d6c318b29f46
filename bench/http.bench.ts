/**
 * `npm run bench`: the full verification path against a bare hello-world route, each in its own
 * server process, loaded from this process at concurrency 64. Prints req/s, p50/p99 latency and
 * the server's RSS, and the ratio to hello-world.
 *   BENCH_SECONDS (default 10) sets each run's duration.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoadResult, runLoad } from './load.ts';
import { rssMb, startProcess } from './server-process.ts';
import { legacyRequests, tc3Requests } from './signers.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = 64;
const PERSON = { IdCard: '110105199003070017', Name: '张三' };

const row = (name: string, r: LoadResult, rss: number) =>
  `| ${name} | ${Math.round(r.rps)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${rss.toFixed(0)} | ${r.errors} |`;

const main = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shiming-bench-'));
  const hello = await startProcess(['bench/hello-server.ts', '18181'], 18181);
  const helloResult = await runLoad(18181, () => ({ method: 'GET', path: '/', headers: {} }), {
    concurrency: CONCURRENCY,
    seconds: SECONDS,
  });
  const helloRss = rssMb(hello.pid!);
  hello.kill('SIGKILL');
  const server = await startProcess(
    [
      'src/cli/bin.ts',
      'serve',
      '--demo',
      '--port',
      '18182',
      '--data-dir',
      dataDir,
      '--default-qps',
      '1000000',
      '--log-level',
      'warn',
      '--face-pack',
      'none',
      '--ocr',
      'off',
    ],
    18182,
  );
  const ok = (status: number, outcome: string) => status === 200 && outcome === 'match';
  const tc3 = await runLoad(18182, tc3Requests('IdCardVerification', JSON.stringify(PERSON)), {
    concurrency: CONCURRENCY,
    seconds: SECONDS,
    ok,
  });
  const tc3Rss = rssMb(server.pid!);
  const legacyCall = { idcard_number: PERSON.IdCard, idcard_name: PERSON.Name };
  const legacy = await runLoad(18182, legacyRequests('/auth/idcard', legacyCall), {
    concurrency: CONCURRENCY,
    seconds: SECONDS,
    ok,
  });
  const legacyRss = rssMb(server.pid!);
  server.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`concurrency ${CONCURRENCY}, ${SECONDS} s per run, node ${process.version}\n`);
  console.log(
    '| route | req/s | p50 ms | p99 ms | server RSS MB | errors |\n|---|---|---|---|---|---|',
  );
  console.log(row('hello-world (node:http)', helloResult, helloRss));
  console.log(row('IdCardVerification (TC3)', tc3, tc3Rss));
  console.log(row('/auth/idcard (legacy)', legacy, legacyRss));
  console.log(
    `\nratio to hello-world: TC3 ${(tc3.rps / helloResult.rps).toFixed(2)}, legacy ${(legacy.rps / helloResult.rps).toFixed(2)}`,
  );
};

await main();
