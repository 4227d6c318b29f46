/**
 * Score calibration: cosine → false-accept rate (FAR) for the served population. The dialects
 * turn a FAR into their documented score scales (src/dialects/face-scores.ts). Tables are produced by `npm run calibrate`
 * (scripts/face/calibrate.ts) or by `calibrateDirectory` on an operator's own photos, and
 * live in `calibration/<pack>.json`.
 *
 * @example
 *   const calibrator = createCalibrator(loadCalibration('calibration/standard.json'));
 *   const { far } = calibrator.calibrate(0.62);
 */
import { readFileSync } from 'node:fs';

/** The smallest FAR any table states; scales reach their maximum here. */
export const FAR_FLOOR = 1e-7;

export interface CurvePoint {
  cosine: number;
  far: number;
}

export interface CalibrationTable {
  schema: 1;
  pack: string;
  createdAt: string;
  /** Plain-language statement of whose faces the served curve is meant to hold for. */
  population: string;
  /** The served curve: cosine ascending, FAR non-increasing. */
  points: CurvePoint[];
  /** FAR below which `points` are extrapolated rather than measured. */
  measuredDownTo: number;
  /** Cosine thresholds of the served curve at FAR 1e-2 … 1e-6 (keys like "1e-3"); null = unreachable. */
  thresholds: Record<string, number | null>;
  /** How the served curve was derived (measured sets, margin); free-form for the report. */
  derivation: Record<string, unknown>;
}

export const loadCalibration = (path: string): CalibrationTable => {
  const table = JSON.parse(readFileSync(path, 'utf8')) as CalibrationTable;
  if (table.schema !== 1 || !Array.isArray(table.points) || table.points.length < 2) {
    throw new Error(`invalid calibration table ${path}`);
  }
  return table;
};

/** Linear interpolation of y at x between (x0, y0) and (x1, y1). */
export const lerp = (x: number, x0: number, x1: number, y0: number, y1: number) =>
  x1 === x0 ? y1 : y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);

/** Piecewise-linear interpolation in log10(FAR) between the table's points. */
export const createCalibrator = (table: CalibrationTable) => {
  const pts = table.points;
  const calibrate = (cosine: number): { far: number } => {
    if (!(cosine > pts[0]!.cosine)) return { far: Math.min(1, pts[0]!.far) };
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1]!;
      const b = pts[i]!;
      if (cosine <= b.cosine) {
        const lf = lerp(cosine, a.cosine, b.cosine, Math.log10(a.far), Math.log10(b.far));
        return { far: Math.max(FAR_FLOOR, 10 ** lf) };
      }
    }
    return { far: Math.max(FAR_FLOOR, pts[pts.length - 1]!.far) };
  };
  /** The smallest cosine whose FAR is at most `far`. */
  const cosineAt = (far: number): number => {
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1]!;
      const b = pts[i]!;
      if (b.far <= far) {
        return lerp(Math.log10(far), Math.log10(a.far), Math.log10(b.far), a.cosine, b.cosine);
      }
    }
    return pts[pts.length - 1]!.cosine;
  };
  return { calibrate, cosineAt, table };
};
export type Calibrator = ReturnType<typeof createCalibrator>;
