/**
 * `npm run bench`: the full verification path against a bare hello-world route, each in its own
 * server process, loaded from this process at concurrency 64. Prints req/s, p50/p99 latency and
 * the server's RSS, and the ratio to hello-world.
 *   BENCH_SECONDS (default 10) sets each run's duration.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_APP } from '../src/security/demo.ts';
import { type LoadRequest, type LoadResult, runLoad } from './load.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = 64;
const PERSON = { IdCard: '110105199003070017', Name: '张三' };

const startProcess = (args: string[], port: number): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    const poll = setInterval(() => {
      fetch(`http://127.0.0.1:${port}/healthz`).then(
        () => (clearInterval(poll), resolve(child)),
        () => undefined,
      );
    }, 200);
    child.stdout?.resume();
  });

const rssMb = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
};

/** TC3 signatures are valid for 300 s; one per second keeps the client's CPU share small. */
const tc3Request = (() => {
  let cached: { second: number; request: LoadRequest } | undefined;
  const body = JSON.stringify(PERSON);
  return (): LoadRequest => {
    const second = Math.floor(Date.now() / 1000);
    if (cached?.second === second) return cached.request;
    const date = new Date(second * 1000).toISOString().slice(0, 10);
    const hash = (s: string) => createHash('sha256').update(s).digest('hex');
    const canonical = `POST\n/\n\ncontent-type:application/json\nhost:faceid.tencentcloudapi.com\n\ncontent-type;host\n${hash(body)}`;
    const scope = `${date}/faceid/tc3_request`;
    const toSign = `TC3-HMAC-SHA256\n${second}\n${scope}\n${hash(canonical)}`;
    const key = ['faceid', 'tc3_request'].reduce(
      (k, part) => createHmac('sha256', k).update(part).digest(),
      createHmac('sha256', `TC3${DEMO_APP.secretKey}`).update(date).digest(),
    );
    const signature = createHmac('sha256', key).update(toSign).digest('hex');
    const headers = {
      host: 'faceid.tencentcloudapi.com',
      'content-type': 'application/json',
      'x-tc-action': 'IdCardVerification',
      'x-tc-version': '2018-03-01',
      'x-tc-timestamp': String(second),
      authorization: `TC3-HMAC-SHA256 Credential=${DEMO_APP.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`,
    };
    cached = { second, request: { method: 'POST', path: '/', headers, body } };
    return cached.request;
  };
})();

/** A multi-use legacy signature stays valid until its expiry, so one is enough for the run. */
const legacyRequest = (): (() => LoadRequest) => {
  const now = Math.floor(Date.now() / 1000);
  const original = `a=${DEMO_APP.appId}&b=&k=${DEMO_APP.secretId}&e=${now + 3600}&t=${now}&r=42&u=0&f=`;
  const digest = createHmac('sha1', DEMO_APP.secretKey).update(original).digest();
  const authorization = Buffer.concat([digest, Buffer.from(original)]).toString('base64');
  const body = JSON.stringify({
    appid: DEMO_APP.appId,
    idcard_number: PERSON.IdCard,
    idcard_name: PERSON.Name,
  });
  const request = {
    method: 'POST',
    path: '/auth/idcard',
    headers: { 'content-type': 'application/json', authorization },
    body,
  };
  return () => request;
};

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
    ],
    18182,
  );
  const ok = (status: number, outcome: string) => status === 200 && outcome === 'match';
  const tc3 = await runLoad(18182, tc3Request, { concurrency: CONCURRENCY, seconds: SECONDS, ok });
  const tc3Rss = rssMb(server.pid!);
  const legacy = await runLoad(18182, legacyRequest(), {
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
