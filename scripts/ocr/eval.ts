/**
 * `npm run eval:ocr`: reads ≥ 300 generated card sides across the capture variants (seeded, so
 * the run repeats), plus the shared sample cards when present, and writes field-level
 * exact-match rates per field and per variant to docs/accuracy-ocr.md.
 *
 *   npm run eval:ocr -- [--per-variant 14] [--seed 20261124] [--workers 2] [--out docs/accuracy-ocr.md]
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { createIdCardReader, type IdCardReader } from '../../src/engines/idcard/index.ts';
import {
  generateCard,
  RETAKE_VARIANTS,
  VARIANTS,
  type Side,
} from '../../src/engines/idcard/synth/index.ts';
import { type SideScore, scoreBack, scoreFront } from './metrics.ts';
import { renderReport, type Run, type SampleRow } from './report.ts';

const { values: args } = parseArgs({
  options: {
    'per-variant': { type: 'string', default: '14' },
    'per-retake-variant': { type: 'string', default: '6' },
    seed: { type: 'string', default: '20261124' },
    workers: { type: 'string', default: String(Math.min(2, availableParallelism())) },
    out: { type: 'string', default: 'docs/accuracy-ocr.md' },
    samples: { type: 'string', default: '../shared/data/idcard-samples' },
    /** Overrides the reader's detection size (to compare settings). */
    'det-max-side': { type: 'string' },
    /** Writes every side whose fields were not all right (truth and answer) as JSON Lines. */
    dump: { type: 'string' },
  },
});

const perVariant = Number(args['per-variant']);
const seed = Number(args.seed);
// Fixed "today" so that expiry warnings do not drift between runs.
const reader = await createIdCardReader({
  workers: Number(args.workers),
  today: '2026-11-24',
  ...(args['det-max-side'] ? { detMaxSide: Number(args['det-max-side']) } : {}),
});

interface Task {
  variant: string;
  realistic: boolean;
  seed: number;
  side: Side;
}

const tasks: Task[] = [];
VARIANTS.forEach((v, vi) => {
  for (let i = 0; i < perVariant; i++) {
    for (const side of ['front', 'back'] as const)
      tasks.push({
        variant: v.name,
        realistic: v.realistic,
        seed: seed + vi * 10_007 + i * 101,
        side,
      });
  }
});
RETAKE_VARIANTS.forEach((v, vi) => {
  for (let i = 0; i < Number(args['per-retake-variant']); i++) {
    for (const side of ['front', 'back'] as const)
      tasks.push({
        variant: v.name,
        realistic: false,
        seed: seed + 500_000 + vi * 10_007 + i * 101,
        side,
      });
  }
});

const read = async (r: IdCardReader, t: Task): Promise<Run> => {
  const card = await generateCard(t.seed, t.side, t.variant);
  const start = performance.now();
  const result = t.side === 'front' ? await r.readFront(card.image) : await r.readBack(card.image);
  const ms = performance.now() - start;
  const score: SideScore =
    result.kind === 'back' || (result.kind === 'retake' && t.side === 'back')
      ? scoreBack(card.persona, result as Parameters<typeof scoreBack>[1])
      : scoreFront(card.persona, result as Parameters<typeof scoreFront>[1]);
  if (args.dump && (score.retake || Object.values(score.exact).includes(false))) {
    const { portrait: _p, corners: _c, ...answer } = result as unknown as Record<string, unknown>;
    appendFileSync(args.dump, `${JSON.stringify({ ...t, truth: card.persona, answer })}\n`);
  }
  return { ...t, score, ms };
};

const runs: Run[] = [];
const started = performance.now();
let next = 0;
const lane = async () => {
  while (next < tasks.length) {
    const t = tasks[next++]!;
    runs.push(await read(reader, t));
    if (runs.length % 25 === 0)
      console.log(
        `${runs.length}/${tasks.length} sides, ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
  }
};
await Promise.all(Array.from({ length: Number(args.workers) }, lane));

const samples = await readSamples(reader, args.samples!);
await reader.close();
const report = renderReport(runs, samples, {
  seed,
  perVariant,
  seconds: (performance.now() - started) / 1000,
});
// Keep the benchmark section that `npm run bench:ocr -- --out` maintains at the end.
const MARK = '<!-- bench:ocr -->';
const previous = existsSync(args.out!) ? readFileSync(args.out!, 'utf8') : '';
const bench = previous.includes(MARK) ? previous.slice(previous.indexOf(MARK)) : '';
writeFileSync(args.out!, bench ? `${report.trimEnd()}\n\n${bench}` : report);
console.log(report.split('\n').slice(0, 40).join('\n'));
console.log(`wrote ${args.out}`);

async function readSamples(r: IdCardReader, dir: string): Promise<SampleRow[] | null> {
  const truthFile = `${dir}/truth.json`;
  if (!existsSync(truthFile)) return null;
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<
    string,
    Record<string, string>
  >;
  const rows: SampleRow[] = [];
  for (const [who, t] of Object.entries(truth)) {
    for (const variant of ['clean', 'degraded', 'hard']) {
      for (const side of ['front', 'back'] as const) {
        const file = ['png', 'jpg']
          .map((ext) => `${dir}/${who}_${side}_${variant}.${ext}`)
          .find(existsSync);
        if (!file) continue;
        const persona = samplePersona(t);
        const image = readFileSync(file);
        const score =
          side === 'front'
            ? scoreFront(persona, await r.readFront(image))
            : scoreBack(persona, await r.readBack(image));
        rows.push({ file: file.split('/').pop()!, variant, side, score });
      }
    }
  }
  return rows;
}

function samplePersona(t: Record<string, string>) {
  const [y, m, d] = (t.birth ?? '').match(/\d+/g) ?? [];
  const [from, to] = (t.valid ?? '').split('-');
  const iso = (s = '') => (s === '长期' ? s : s.replaceAll('.', '-'));
  return {
    name: t.name ?? '',
    sex: (t.sex ?? '男') as '男' | '女',
    nation: t.nation ?? '',
    birthDate: `${y}-${m?.padStart(2, '0')}-${d?.padStart(2, '0')}`,
    address: t.addr ?? '',
    idNumber: t.id ?? '',
    authority: t.authority ?? '',
    validFrom: iso(from),
    validTo: iso(to),
  };
}
