/**
 * Quality gates with named outcomes. Measurements are taken on the 112×112 ArcFace-aligned
 * face so that they do not depend on the photo's resolution or on the pack's embedder.
 * Limits live in the pack manifest (`quality`); the defaults are explained in docs/models.md.
 */
import type { RgbImage } from '../image/index.ts';
import { type Point, toGray } from './geometry.ts';
import type { Detection } from './models/detector.ts';
import type { QualityLimits } from './pack.ts';
import type { FaceQuality, FaceQualityOutcome } from './types.ts';

/** Standard 5-point ArcFace template for a 112×112 crop (InsightFace `arcface_dst`). */
export const ARCFACE_TEMPLATE_112: readonly Point[] = [
  { x: 38.2946, y: 51.6963 },
  { x: 73.5318, y: 51.5014 },
  { x: 56.0252, y: 71.7366 },
  { x: 41.5493, y: 92.3655 },
  { x: 70.7299, y: 92.2041 },
];

// Eyes-to-mouth region of the aligned crop, where blur and exposure matter for matching.
const REGION = { x0: 28, x1: 84, y0: 36, y1: 100 };

export const measureQuality = (
  aligned112: RgbImage,
  five: Point[],
  det: Detection,
): FaceQuality => {
  const gray = toGray(aligned112);
  const w = aligned112.width;
  let sum = 0;
  let lapSum = 0;
  let lapSq = 0;
  let n = 0;
  for (let y = REGION.y0; y < REGION.y1; y++) {
    for (let x = REGION.x0; x < REGION.x1; x++) {
      const i = y * w + x;
      const lap = gray[i - 1]! + gray[i + 1]! + gray[i - w]! + gray[i + w]! - 4 * gray[i]!;
      sum += gray[i]!;
      lapSum += lap;
      lapSq += lap * lap;
      n++;
    }
  }
  const lapMean = lapSum / n;
  return {
    faceHeightPx: det.y2 - det.y1,
    sharpness: lapSq / n - lapMean * lapMean,
    brightness: sum / n,
    ...pose(five),
  };
};

/** Roll from the eye line; yaw proxy = nose offset along the eye line / inter-ocular distance. */
const pose = (five: Point[]): { yaw: number; rollDeg: number } => {
  const [le, re, nose] = five as [Point, Point, Point];
  const ex = re.x - le.x;
  const ey = re.y - le.y;
  const iod = Math.hypot(ex, ey) || 1;
  const mid = { x: (le.x + re.x) / 2, y: (le.y + re.y) / 2 };
  const yaw = ((nose.x - mid.x) * ex + (nose.y - mid.y) * ey) / (iod * iod);
  return { yaw, rollDeg: (Math.atan2(ey, ex) * 180) / Math.PI };
};

/** The first failing gate, in the order of FACE_QUALITY_OUTCOMES, or undefined. */
export const gate = (
  dets: Detection[],
  q: FaceQuality,
  lim: QualityLimits,
): FaceQualityOutcome | undefined => {
  if (dets.length === 0) return 'no_face';
  const height = (d: Detection) => d.y2 - d.y1;
  const largest = height(dets[0]!);
  const others = dets.slice(1).filter((d) => height(d) >= lim.secondFaceRatio * largest);
  if (others.length > 0) return 'several_faces';
  if (q.faceHeightPx < lim.minFacePx) return 'face_too_small';
  if (Math.abs(q.yaw) > lim.maxYaw || Math.abs(q.rollDeg) > lim.maxRollDeg) return 'too_rotated';
  // Exposure before blur: a dark face also has little Laplacian energy.
  if (q.brightness < lim.minBrightness) return 'too_dark';
  if (q.brightness > lim.maxBrightness) return 'too_bright';
  if (q.sharpness < lim.minSharpness) return 'too_blurred';
  return undefined;
};
