/**
 * ID-card reader latency and memory:
 *   npm run bench:ocr -- [--n 40] [--configs 2x1,1x2] [--no-face] [--out docs/accuracy-ocr.md]
 * Generates `n` card photos of the realistic variants once (seeded, in a child process so the
 * canvas and fonts do not count), then for each `workers x threads` configuration starts a fresh
 * process that loads the reader (and the face engine, as the server runs both) and reads the
 * photos one at a time (latency per card side, p50/p99, after 4 warm-up reads) and two in
 * flight (throughput), sampling RSS throughout. With --out, the Markdown table replaces the
 * benchmark section of that file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createFaceEngine, type FaceEngine } from '../src/engines/face/index.ts';
import { createIdCardReader } from '../src/engines/idcard/index.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '40' },
    configs: { type: 'string', default: '2x1,1x2' },
    'no-face': { type: 'boolean', default: false },
    out: { type: 'string' },
    // Internal: run one configuration on an existing folder of cards and print JSON.
    single: { type: 'string' },
    cards: { type: 'string' },
  },
});

interface Measured {
  config: string;
  sides: number;
  all: number[];
  front: number[];
  back: number[];
  throughput: number;
  loadMs: number;
  rss: number;
  peakRss: number;
  face: boolean;
  load: [number, number];
}

const q = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;

if (values.single) {
  console.log(JSON.stringify(await measure(values.single, values.cards!)));
} else {
  await main();
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'shiming-ocr-bench-'));
  const generator = new URL('../scripts/ocr/generate.ts', import.meta.url).pathname;
  const self = new URL(import.meta.url).pathname;
  execFileSync(
    process.execPath,
    ['--import', 'tsx', generator, '--out', dir, '--n', values.n!, '--seed', '77000'],
    { stdio: 'inherit' },
  );
  const rows: Measured[] = [];
  for (const config of values.configs!.split(',')) {
    const args = [
      '--import',
      'tsx',
      self,
      '--single',
      config,
      '--cards',
      dir,
      ...(values['no-face'] ? ['--no-face'] : []),
    ];
    const out = execFileSync(process.execPath, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    rows.push(JSON.parse(out.trim().split('\n').at(-1)!) as Measured);
  }
  rmSync(dir, { recursive: true, force: true });
  const table = render(rows);
  console.log(table);
  if (values.out) writeSection(values.out, table, Number(values.n));
}

async function measure(config: string, dir: string): Promise<Measured> {
  const [workers, threads] = config.split('x').map(Number) as [number, number];
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Record<
    string,
    { side: 'front' | 'back' }
  >;
  const cards = Object.entries(truth).map(([file, t]) => ({
    side: t.side,
    image: readFileSync(join(dir, file)),
  }));
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 25);
  const t0 = performance.now();
  const reader = await createIdCardReader({ workers, threads });
  const loadMs = performance.now() - t0;
  let face: FaceEngine | null = null;
  if (!values['no-face']) face = await createFaceEngine('standard', { workers }).catch(() => null);
  const read = (c: (typeof cards)[number]) =>
    c.side === 'front' ? reader.readFront(c.image) : reader.readBack(c.image);
  for (const c of cards.slice(0, 4)) await read(c);
  const load0 = loadavg()[0]!;
  const times = { all: [] as number[], front: [] as number[], back: [] as number[] };
  for (const c of cards) {
    const s = performance.now();
    await read(c);
    const ms = performance.now() - s;
    times.all.push(ms);
    times[c.side].push(ms);
  }
  const s2 = performance.now();
  let next = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (next < cards.length) await read(cards[next++]!);
    }),
  );
  const throughput = cards.length / ((performance.now() - s2) / 1000);
  const rss = process.memoryUsage().rss;
  clearInterval(sampler);
  await reader.close();
  await face?.close();
  return {
    config,
    sides: cards.length,
    ...times,
    throughput,
    loadMs,
    rss,
    peakRss,
    face: face !== null,
    load: [load0, loadavg()[0]!],
  };
}

function render(rows: Measured[]): string {
  const ms = (xs: number[], p: number) => `${q(xs, p).toFixed(0)} ms`;
  const mb = (b: number) => `${Math.round(b / 2 ** 20)} MB`;
  return [
    '| workers × threads | sides | p50 / side | p99 / side | p50 front / back | 2 in flight | model load | RSS after runs | peak RSS | face engine loaded | load average (1 min) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.config.replace('x', ' × ')} | ${r.sides} | ${ms(r.all, 0.5)} | ${ms(r.all, 0.99)} | ${ms(r.front, 0.5)} / ${ms(r.back, 0.5)} | ` +
        `${r.throughput.toFixed(2)} sides/s | ${r.loadMs.toFixed(0)} ms | ${mb(r.rss)} | ${mb(r.peakRss)} | ${r.face ? 'yes' : 'no'} | ` +
        `${r.load[0].toFixed(1)} → ${r.load[1].toFixed(1)} |`,
    ),
  ].join('\n');
}

function writeSection(file: string, table: string, n: number) {
  const MARK = '<!-- bench:ocr -->';
  const doc = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const head = doc.includes(MARK) ? doc.slice(0, doc.indexOf(MARK)) : `${doc.trimEnd()}\n\n`;
  const body = [
    MARK,
    '## Benchmark (`npm run bench:ocr`)',
    '',
    `${n} generated card sides (realistic variants, half fronts, photos 1280 × 960) read one at a time after 4 warm-up reads, then two in flight; ` +
      'each configuration in a fresh process with the face engine (standard pack, same worker count) loaded alongside; RSS is the whole process ' +
      '(workers are threads). The machine is shared by several engineers: the load average column says how busy it was.',
    '',
    table,
    '',
  ].join('\n');
  writeFileSync(file, head + body);
}
