/**
 * Public types of the face engine. Everything here is plain data that crosses the worker
 * boundary by structured clone.
 */
import type { DecodeFailure } from '../image/index.ts';
import type { Point } from './geometry.ts';

export type { Point };

/** Why a photo cannot be used for comparison, in the order the gates run. */
export const FACE_QUALITY_OUTCOMES = [
  'no_face',
  'several_faces',
  'face_too_small',
  'too_rotated',
  'too_dark',
  'too_bright',
  'too_blurred',
] as const;
export type FaceQualityOutcome = (typeof FACE_QUALITY_OUTCOMES)[number];

/** `ok`, a quality gate, or a decoding failure. */
export type FaceOutcome = 'ok' | FaceQualityOutcome | DecodeFailure;

/** A detection in the pixel space of the EXIF-oriented original image. */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
}

/** Measurements behind the gates (see `quality.ts` for the definitions and limits). */
export interface FaceQuality {
  /** Detector box height in decoded pixels (after pre-resizing). */
  faceHeightPx: number;
  /** Variance of the Laplacian of the aligned grey face; low = blurred. */
  sharpness: number;
  /** Mean grey level 0..255 of the aligned face's centre. */
  brightness: number;
  /** Head yaw proxy: nose offset from the eye midline / inter-ocular distance. */
  yaw: number;
  /** In-plane rotation of the eye line, degrees. */
  rollDeg: number;
}

export type LivenessResult =
  | {
      status: 'scored';
      /** P(live) from the model, 0..1. */
      score: number;
      /** The pack's threshold: scores below it are a high spoof risk. */
      threshold: number;
      risk: 'low' | 'high';
    }
  | { status: 'not_run'; reason: 'not_requested' | 'portrait' | 'no_model' | 'no_face' };

export interface AnalyzedFace {
  box: FaceBox;
  /** Eye centres (image left, image right), nose tip, mouth corners; original pixels. */
  landmarks: Point[];
  quality: FaceQuality;
  /** L2-normalised embedding of the pack's embedder. */
  embedding: Float32Array;
}

export interface FaceAnalysis {
  outcome: FaceOutcome;
  /** Every detection above the detector's threshold, largest first. */
  faces: FaceBox[];
  /** The largest face, embedded even when a gate fails (callers must check `outcome`). */
  face?: AnalyzedFace;
  liveness: LivenessResult;
  pack: string;
  timingsMs: Record<string, number>;
}

export interface AnalyzeOptions {
  /** Run passive liveness (only for role 'selfie'). */
  liveness?: boolean;
  /** 'portrait' = an ID-card / registry photo: never scored for liveness. */
  role?: 'selfie' | 'portrait';
}

export interface Comparison {
  cosine: number;
  /** Calibrated false-accept rate at this similarity, for the served population. */
  far: number;
}
