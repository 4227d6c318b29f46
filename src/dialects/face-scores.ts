/**
 * Each dialect's face score scale, as (FAR, score) anchors, and the mapping between a
 * calibrated false-accept rate and a score. The scales are the vendors' documented conventions
 * (seed 002, seed 004, spec tencent.md §1.3), so they live with the dialects; the engine only
 * knows FARs (src/engines/face/calibration.ts).
 *
 * @example
 *   toScale(1e-4, 'alibaba'); // 90
 */
import { FAR_FLOOR, lerp } from '../engines/face/index.ts';

/**
 * Dialect score scales as (FAR, score) anchors. `documented` anchors come from the vendors'
 * docs or the seeds; the others are ours: FAR 1 ⇔ the scale's minimum and FAR_FLOOR ⇔ its
 * maximum, linear in log10(FAR) in between (docs/accuracy.md, "Score scales").
 */
export const SCALES = {
  /** Tencent Cloud Market: <0.40 different, 0.40–0.44 undecided, ≥0.45 same (seed 002). */
  'cloud-market': [
    { far: 1, score: 0, documented: false },
    { far: 1e-3, score: 0.4, documented: false },
    { far: 1e-4, score: 0.45, documented: false },
    { far: FAR_FLOOR, score: 1, documented: false },
  ],
  /** Alibaba Cloud: 95/90/80/60 at FAR 0.001 % / 0.01 % / 0.1 % / 1 %. */
  alibaba: [
    { far: 1, score: 0, documented: false },
    { far: 1e-2, score: 60, documented: true },
    { far: 1e-3, score: 80, documented: true },
    { far: 1e-4, score: 90, documented: true },
    { far: 1e-5, score: 95, documented: true },
    { far: FAR_FLOOR, score: 100, documented: false },
  ],
  /** Tencent ImageRecognition v1: 70 ≈ FAR 1e-3, 80 ≈ 1e-4. */
  'tencent-v1': [
    { far: 1, score: 0, documented: false },
    { far: 1e-3, score: 70, documented: true },
    { far: 1e-4, score: 80, documented: true },
    { far: FAR_FLOOR, score: 100, documented: false },
  ],
  /** Tencent ImageRecognitionV2 and the FaceID family: 70 ≈ FAR 1e-4. */
  'tencent-v2': [
    { far: 1, score: 0, documented: false },
    { far: 1e-4, score: 70, documented: true },
    { far: FAR_FLOOR, score: 100, documented: false },
  ],
} as const;
export type ScoreScale = keyof typeof SCALES;

/** Maps a FAR to a dialect's score; monotone (lower FAR ⇒ higher score), clamped. */
export const toScale = (far: number, scale: ScoreScale): number => {
  const anchors = SCALES[scale];
  const lf = Math.log10(Math.min(1, Math.max(FAR_FLOOR, far)));
  for (let i = 1; i < anchors.length; i++) {
    const a = anchors[i - 1]!;
    const b = anchors[i]!;
    if (lf >= Math.log10(b.far)) {
      return lerp(lf, Math.log10(a.far), Math.log10(b.far), a.score, b.score);
    }
  }
  return anchors[anchors.length - 1]!.score;
};

/** Inverse of `toScale`: the FAR a dialect score stands for (for caller-chosen thresholds). */
export const fromScale = (score: number, scale: ScoreScale): number => {
  const anchors = SCALES[scale];
  for (let i = 1; i < anchors.length; i++) {
    const a = anchors[i - 1]!;
    const b = anchors[i]!;
    if (score <= b.score) {
      return 10 ** lerp(score, a.score, b.score, Math.log10(a.far), Math.log10(b.far));
    }
  }
  return FAR_FLOOR;
};
