/**
 * The face engine: detection, 5-point alignment, embedding, calibrated comparison, quality
 * gates and passive liveness, behind one small interface. A pack (name or manifest path)
 * selects the models; inference runs in a worker pool, so callers only await.
 *
 * @example
 *   const engine = await createFaceEngine('standard');
 *   const selfie = await engine.analyze(selfieJpeg, { liveness: true, role: 'selfie' });
 *   const card = await engine.analyze(cardPortrait, { role: 'portrait' });
 *   if (selfie.outcome === 'ok' && card.outcome === 'ok') {
 *     const { cosine, far } = engine.compare(selfie, card);
 *   }
 *   await engine.close();
 */
import type { DecodeLimits } from '../image/index.ts';
import { type CalibrationTable, createCalibrator, loadCalibration } from './calibration.ts';
import { startFacePool } from './face-pool.ts';
import { resolvePack } from './pack.ts';
import type { AnalyzedFace, AnalyzeOptions, Comparison, FaceAnalysis } from './types.ts';

export * from './calibration.ts';
export { DEFAULT_PACK, PACKS_DIR, type ResolvedPack, resolvePack } from './pack.ts';
export * from './types.ts';
export { calibrateDirectory, type CalibrateDirectoryOptions } from './measure.ts';

export interface FaceEngineOptions {
  /** Worker threads (default: cores, at most 4). */
  workers?: number;
  decodeLimits?: Partial<DecodeLimits>;
  /** Overrides the pack's calibration table (a path or a parsed table). */
  calibration?: string | CalibrationTable;
}

type Embeddable = Float32Array | AnalyzedFace | FaceAnalysis;

export interface FaceEngine {
  /** The resolved pack name. */
  readonly pack: string;
  /** Decodes, gates, embeds and (selfies only) scores liveness. Never rejects for bad input. */
  analyze(image: Uint8Array, options?: AnalyzeOptions): Promise<FaceAnalysis>;
  /** Cosine of two embeddings and its calibrated FAR. Throws if either side has no face. */
  compare(a: Embeddable, b: Embeddable): Comparison;
  /** Calibrated FAR of a cosine, for the population the pack's table was made for. */
  calibrate(cosine: number): { far: number };
  readonly calibration: CalibrationTable;
  close(): Promise<void>;
}

const embeddingOf = (x: Embeddable): Float32Array => {
  if (x instanceof Float32Array) return x;
  const face = 'embedding' in x ? x : x.face;
  if (!face) throw new Error('compare: no face to compare');
  return face.embedding;
};

export const cosine = (a: Float32Array, b: Float32Array): number => {
  if (a.length !== b.length) throw new Error('compare: embeddings from different packs');
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
};

/** Loads a pack (default `standard`) into a worker pool; resolves once models are loaded. */
export const createFaceEngine = async (
  packRef = 'standard',
  options: FaceEngineOptions = {},
): Promise<FaceEngine> => {
  const pack = resolvePack(packRef);
  const table =
    typeof options.calibration === 'object'
      ? options.calibration
      : loadCalibration(options.calibration ?? pack.calibration);
  const calibrator = createCalibrator(table);
  const pool = await startFacePool(
    { pack: pack.manifestPath, decodeLimits: options.decodeLimits ?? {} },
    options.workers,
  );
  return {
    pack: pack.name,
    calibration: table,
    analyze: (image, opts = {}) => pool.run({ image, options: opts }),
    compare: (a, b) => {
      const c = cosine(embeddingOf(a), embeddingOf(b));
      return { cosine: c, far: calibrator.calibrate(c).far };
    },
    calibrate: calibrator.calibrate,
    close: () => pool.close(),
  };
};
