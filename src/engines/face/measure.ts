/**
 * Measures genuine and impostor cosine distributions on a labelled photo folder through the
 * production pipeline, and turns them into a calibration table (curve.ts). Used by
 * `npm run calibrate` (LFW) and by `shiming calibrate DIR` (an operator's own photos).
 *
 * A folder is labelled either by a `labels.csv` with `file` and `identity` columns (paths
 * relative to the folder) or by one sub-folder per identity.
 *
 * @example
 *   const table = await calibrateDirectory('/data/our-staff-photos', 'standard');
 *   writeFileSync('calibration/ours.json', JSON.stringify(table, null, 2));
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { CalibrationTable } from './calibration.ts';
import { buildTable, type PopulationMargin } from './curve.ts';
import { resolvePack } from './pack.ts';
import { startFacePool } from './face-pool.ts';

export interface LabelledImage {
  file: string;
  identity: string;
}

/** Cosine histograms: bin i counts scores in [−1 + i·BIN, −1 + (i+1)·BIN). */
export const BIN = 0.001;
export const BINS = Math.round(2 / BIN) + 1;

export interface Measurement {
  dataset: string;
  pack: string;
  images: number;
  detected: number;
  failures: string[];
  identities: number;
  genuine: Float64Array;
  /** Genuine pairs with at most `cap` images per identity (so one person does not dominate). */
  genuineCapped: Float64Array;
  cap: number;
  impostor: Float64Array;
  /** Identity-disjoint halves (by a hash of the identity): impostor pairs within A, within B; genuine in B. */
  split: { impostorA: Float64Array; impostorB: Float64Array; genuineB: Float64Array };
  msPerImage: number;
  /** How many images ended in each analysis outcome (gates are not applied to calibration). */
  outcomes: Record<string, number>;
}

export const listLabelled = (dir: string): LabelledImage[] => {
  const csv = join(dir, 'labels.csv');
  if (existsSync(csv)) return parseLabels(readFileSync(csv, 'utf8'), dir);
  const out: LabelledImage[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const f of readdirSync(join(dir, entry.name))) {
      if (/\.(jpe?g|png|webp|gif|tiff?)$/i.test(f)) {
        out.push({ file: join(dir, entry.name, f), identity: entry.name });
      }
    }
  }
  return out;
};

const parseLabels = (text: string, dir: string): LabelledImage[] => {
  const [header, ...rows] = text.split(/\r?\n/).filter((l) => l.trim());
  const cols = header!.split(',');
  const fi = cols.indexOf('file');
  const ii = cols.indexOf('identity');
  if (fi < 0 || ii < 0) throw new Error('labels.csv needs "file" and "identity" columns');
  // Only the first two referenced columns matter; later columns may hold quoted commas.
  return rows.map((row) => {
    const cells = row.split(',');
    return { file: join(dir, cells[fi]!), identity: cells[ii]! };
  });
};

/** Embeds every image with `packRef` in a worker pool; images without a face are listed. */
export const embedAll = async (
  images: LabelledImage[],
  packRef: string,
  opts: { workers?: number; onProgress?: (done: number, total: number) => void } = {},
) => {
  const pack = resolvePack(packRef);
  const pool = await startFacePool({ pack: pack.manifestPath, decodeLimits: {} }, opts.workers);
  const embeddings: (Float32Array | undefined)[] = new Array(images.length);
  const outcomes: Record<string, number> = {};
  let next = 0;
  let done = 0;
  const t0 = performance.now();
  const lane = async () => {
    while (next < images.length) {
      const i = next++;
      const result = await pool.run({ image: await readFile(images[i]!.file), options: {} });
      embeddings[i] = result.face?.embedding;
      outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
      if (++done % 200 === 0) opts.onProgress?.(done, images.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: pool.size * 2 }, lane));
  } finally {
    await pool.close();
  }
  const msPerImage = (performance.now() - t0) / Math.max(1, images.length);
  return { pack, embeddings, outcomes, msPerImage };
};

const hashHalf = (s: string) => {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) % 2;
};

const binOf = (c: number) => Math.min(BINS - 1, Math.max(0, Math.floor((c + 1) / BIN)));

/** All pairs of detected images, binned; O(n²·d), about a minute for all of LFW. */
export const scorePairs = (
  images: LabelledImage[],
  embeddings: (Float32Array | undefined)[],
  cap = 10,
) => {
  const idx = images.map((_, i) => i).filter((i) => embeddings[i]);
  const ids = new Map<string, number>();
  const id = idx.map(
    (i) =>
      ids.get(images[i]!.identity) ??
      ids.set(images[i]!.identity, ids.size).get(images[i]!.identity)!,
  );
  const half = [...ids.keys()].map(hashHalf);
  const rank = new Map<number, number>();
  const perIdRank = idx.map((_, k) => {
    const r = rank.get(id[k]!) ?? 0;
    rank.set(id[k]!, r + 1);
    return r;
  });
  const dim = embeddings[idx[0]!]?.length ?? 0;
  const mat = new Float32Array(idx.length * dim);
  for (const [k, i] of idx.entries()) mat.set(embeddings[i]!, k * dim);
  const h = () => new Float64Array(BINS);
  const m = {
    genuine: h(),
    genuineCapped: h(),
    impostor: h(),
    impostorA: h(),
    impostorB: h(),
    genuineB: h(),
  };
  for (let a = 0; a < idx.length; a++) {
    const oa = a * dim;
    const ia = id[a]!;
    const ha = half[ia]!;
    for (let b = a + 1; b < idx.length; b++) {
      const ob = b * dim;
      let dot = 0;
      for (let k = 0; k < dim; k++) dot += mat[oa + k]! * mat[ob + k]!;
      const bin = binOf(dot);
      const ib = id[b]!;
      if (ia === ib) {
        m.genuine[bin]!++;
        if (perIdRank[a]! < cap && perIdRank[b]! < cap) m.genuineCapped[bin]!++;
        if (ha === 1) m.genuineB[bin]!++;
      } else {
        m.impostor[bin]!++;
        if (ha === half[ib]) (ha === 0 ? m.impostorA : m.impostorB)[bin]!++;
      }
    }
  }
  return { ...m, identities: ids.size, detected: idx.length };
};

export const measureDirectory = async (
  dir: string,
  packRef: string,
  opts: { workers?: number; cap?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<Measurement> => {
  const images = listLabelled(dir);
  if (images.length < 2) throw new Error(`no labelled images in ${dir}`);
  const { pack, embeddings, msPerImage, outcomes } = await embedAll(images, packRef, opts);
  const cap = opts.cap ?? 10;
  const s = scorePairs(images, embeddings, cap);
  const failures = images.filter((_, i) => !embeddings[i]).map((im) => im.file);
  return {
    dataset: basename(dir),
    pack: pack.name,
    images: images.length,
    detected: s.detected,
    failures,
    identities: s.identities,
    genuine: s.genuine,
    genuineCapped: s.genuineCapped,
    cap,
    impostor: s.impostor,
    split: { impostorA: s.impostorA, impostorB: s.impostorB, genuineB: s.genuineB },
    msPerImage,
    outcomes,
  };
};

export interface CalibrateDirectoryOptions {
  workers?: number;
  /** Whose faces the folder shows; stated in the table and the report. */
  population?: string;
  /** A known harder population to stay conservative for (see curve.ts). */
  margin?: PopulationMargin;
}

/** Measures `dir` with `packRef` and returns the calibration table the server loads. */
export const calibrateDirectory = async (
  dir: string,
  packRef = 'standard',
  opts: CalibrateDirectoryOptions = {},
): Promise<CalibrationTable> => {
  const m = await measureDirectory(dir, packRef, opts);
  const population = opts.population ?? `the labelled photos in ${m.dataset} (operator-supplied)`;
  return buildTable(m, { population, margin: opts.margin });
};
