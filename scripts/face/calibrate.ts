/**
 * `npm run calibrate [-- --pack standard|clean|all] [--dir DIR] [--workers N]`
 *
 * Measures genuine/impostor cosine distributions of each pack on the largest labelled face
 * set in ../shared/data (faces-eval = all of LFW when present, else faces-dev), writes
 * calibration/<pack>.json (loaded by the server) and the report docs/accuracy.md with one
 * docs/accuracy-<pack>.svg per pack. Photos are read in place, never copied. The binned
 * scores go to calibration/<pack>.scores.json; `--report-only` re-renders from them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { calibrateDirectory } from '../../src/engines/face/index.ts';
import { buildTable, type PopulationMargin } from '../../src/engines/face/curve.ts';
import { BINS, type Measurement, measureDirectory } from '../../src/engines/face/measure.ts';
import { renderReport, renderSvg } from './report.ts';

export { calibrateDirectory };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = resolve(ROOT, '../shared/data');

const EAST_ASIAN =
  'a 15-subject East Asian webcam sample (NUAA live frames, 300 frames, 42,000 impostor pairs)';

/**
 * What the model spike measured on East Asian faces (spec/face-models.md §3.1), per pack:
 * FAR at LFW's own 1e-3 / 1e-4 thresholds and the 99.9th impostor percentile.
 */
export const MARGINS: Record<string, PopulationMargin> = {
  standard: {
    population: EAST_ASIAN,
    source:
      'spec/face-models.md §3.1, same fr_detect → fr_landmark → 5-point → fr_feature pipeline',
    anchors: [
      { cosine: 0.346, far: 0.095 },
      { cosine: 0.423, far: 0.022 },
      { cosine: 0.502, far: 1e-3 },
    ],
    fitAtFar: 1e-3,
  },
  clean: {
    population: EAST_ASIAN,
    source:
      "spec/face-models.md §3.1, measured with face-api's own SSD detector and crop (our pipeline uses fr_detect and a dlib-style 5-point chip)",
    anchors: [
      { cosine: 0.926, far: 0.364 },
      { cosine: 0.941, far: 0.116 },
      { cosine: 0.966, far: 1e-3 },
    ],
    fitAtFar: 1e-3,
  },
};

export const pickDataset = (): { dir: string; population: string } => {
  const lfw = join(DATA, 'faces-eval');
  if (existsSync(join(lfw, 'labels.csv'))) {
    return {
      dir: lfw,
      population:
        'LFW deep-funneled: 13,233 news photos of 5,749 mostly US/European adults (2002–2004), few East Asian faces',
    };
  }
  return {
    dir: join(DATA, 'faces-dev'),
    population:
      'faces-dev: 65 celebrity / TV photos of 17 mostly Western adults (too small for FAR below 1e-2)',
  };
};

const HISTOGRAMS = ['genuine', 'genuineCapped', 'impostor'] as const;
const SPLIT = ['impostorA', 'impostorB', 'genuineB'] as const;
const sparse = (h: Float64Array) => [...h.entries()].filter(([, v]) => v > 0);
const dense = (pairs: [number, number][]) => {
  const h = new Float64Array(BINS);
  for (const [i, v] of pairs) h[i] = v;
  return h;
};

/** The binned scores behind a table (no photos, no names), so the report can be re-rendered. */
const saveScores = (m: Measurement, file: string) => {
  const { failures, split, ...rest } = m;
  const out = {
    ...rest,
    failures: failures.length,
    ...Object.fromEntries(HISTOGRAMS.map((k) => [k, sparse(m[k])])),
    split: Object.fromEntries(SPLIT.map((k) => [k, sparse(split[k])])),
  };
  writeFileSync(file, `${JSON.stringify(out)}\n`);
};

const loadScores = (file: string): Measurement => {
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  return {
    ...raw,
    failures: new Array(raw.failures).fill(''),
    ...Object.fromEntries(HISTOGRAMS.map((k) => [k, dense(raw[k])])),
    split: Object.fromEntries(SPLIT.map((k) => [k, dense(raw.split[k])])),
  };
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      pack: { type: 'string', default: 'all' },
      dir: { type: 'string' },
      workers: { type: 'string', default: '2' },
      'report-only': { type: 'boolean', default: false },
    },
  });
  const packs = values.pack === 'all' ? ['standard', 'clean'] : [values.pack!];
  const dataset = values.dir
    ? { dir: resolve(values.dir), population: `photos in ${values.dir}` }
    : pickDataset();
  const results: { measurement: Measurement; table: ReturnType<typeof buildTable> }[] = [];
  for (const pack of packs) {
    const scoresFile = join(ROOT, 'calibration', `${pack}.scores.json`);
    let measurement: Measurement;
    if (values['report-only']) measurement = loadScores(scoresFile);
    else {
      console.log(`[${pack}] measuring ${dataset.dir}`);
      measurement = await measureDirectory(dataset.dir, pack, {
        workers: Number(values.workers),
        onProgress: (d, t) => process.stdout.write(`\r[${pack}] ${d}/${t}`),
      });
      mkdirSync(join(ROOT, 'calibration'), { recursive: true });
      saveScores(measurement, scoresFile);
    }
    console.log(
      `\n[${pack}] ${measurement.detected}/${measurement.images} with a face, ${measurement.msPerImage.toFixed(1)} ms/image`,
    );
    const population = `${dataset.population}; margin for ${EAST_ASIAN}`;
    const margin = values.dir ? undefined : MARGINS[pack];
    const table = buildTable(measurement, {
      population: margin ? population : dataset.population,
      margin,
    });
    writeFileSync(join(ROOT, 'calibration', `${pack}.json`), `${JSON.stringify(table, null, 2)}\n`);
    writeFileSync(join(ROOT, 'docs', `accuracy-${pack}.svg`), renderSvg(measurement, table));
    results.push({ measurement, table });
  }
  if (packs.length > 1 || !existsSync(join(ROOT, 'docs/accuracy.md'))) {
    writeFileSync(join(ROOT, 'docs/accuracy.md'), renderReport(results, dataset));
  }
  console.log('wrote calibration/*.json, docs/accuracy.md, docs/accuracy-*.svg');
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
