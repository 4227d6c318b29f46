/**
 * Model packs are configuration: a JSON manifest names the model files (relative to the
 * manifest), the kind of each stage, the liveness threshold, the quality limits and the
 * calibration table. `resolvePack('standard')` reads `models/face/standard/pack.json`; any
 * argument containing a path separator or ending in `.json` is read as a manifest path.
 *
 * @example
 *   const pack = resolvePack(process.env.FACE_PACK ?? 'standard');
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const PACKS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models/face');
export const DEFAULT_PACK = 'standard';

const file = z.string().min(1);
const tfjsWeights = z.object({ weights: file, manifest: file });

const qualitySchema = z.object({
  minFacePx: z.number().positive().default(64),
  minSharpness: z.number().nonnegative().default(25),
  minBrightness: z.number().default(40),
  maxBrightness: z.number().default(215),
  maxYaw: z.number().positive().default(0.5),
  maxRollDeg: z.number().positive().default(40),
  /** A second face counts (several_faces) when its height is at least this × the largest. */
  secondFaceRatio: z.number().positive().default(0.5),
});

const manifestSchema = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  detector: z.object({
    kind: z.literal('ultraface-rfb-320'),
    file,
    scoreThreshold: z.number().default(0.7),
    iouThreshold: z.number().default(0.3),
  }),
  landmarks: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('faceplugin-68'), file }),
    z.object({ kind: z.literal('faceapi-68'), ...tfjsWeights.shape }),
  ]),
  embedder: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('mobilefacenet-512'), file }),
    z.object({ kind: z.literal('dlib-resnet-128'), ...tfjsWeights.shape }),
  ]),
  liveness: z
    .object({ kind: z.literal('minifasnet-128'), file, threshold: z.number().min(0).max(1) })
    .optional(),
  calibration: file,
  quality: qualitySchema.default(qualitySchema.parse({})),
});

export type PackManifest = z.output<typeof manifestSchema>;
export type QualityLimits = PackManifest['quality'];

/** A parsed manifest whose file fields are absolute paths. */
export interface ResolvedPack extends PackManifest {
  manifestPath: string;
}

const isPath = (ref: string) => ref.includes('/') || ref.includes('\\') || ref.endsWith('.json');

/** Finds and parses a pack by name or manifest path; throws with every problem listed. */
export const resolvePack = (ref: string = DEFAULT_PACK): ResolvedPack => {
  const manifestPath = isPath(ref) ? resolve(ref) : resolve(PACKS_DIR, ref, 'pack.json');
  if (!existsSync(manifestPath)) throw new Error(`face pack not found: ${ref} (${manifestPath})`);
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(manifestPath, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid face pack ${manifestPath}:\n  ${problems.join('\n  ')}`);
  }
  return absolutise(parsed.data, manifestPath);
};

const absolutise = (m: PackManifest, manifestPath: string): ResolvedPack => {
  const base = dirname(manifestPath);
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
  const files = <T extends object>(stage: T): T =>
    Object.fromEntries(
      Object.entries(stage).map(([k, v]) => [
        k,
        ['file', 'weights', 'manifest'].includes(k) ? abs(v as string) : v,
      ]),
    ) as T;
  return {
    ...m,
    manifestPath,
    detector: files(m.detector),
    landmarks: files(m.landmarks),
    embedder: files(m.embedder),
    liveness: m.liveness && files(m.liveness),
    calibration: abs(m.calibration),
  };
};
