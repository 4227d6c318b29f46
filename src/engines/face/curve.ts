/**
 * From binned genuine/impostor cosines to ROC figures and to the served calibration curve.
 *
 * The served curve is the measured impostor tail (FAR as a function of cosine), extended
 * below the smallest FAR the pair count supports by continuing the last measured decade's
 * slope in log-FAR, and — when a harder population is known — made conservative for it:
 * the measured curve is shifted up by a cosine margin δ fitted at one FAR, and never falls
 * below that population's own measured points (see docs/accuracy.md, "Margin").
 */
import {
  type CalibrationTable,
  type CurvePoint,
  createCalibrator,
  FAR_FLOOR,
} from './calibration.ts';
import { BIN, BINS, type Measurement } from './measure.ts';

export interface PopulationMargin {
  /** Who the anchors were measured on, and how. */
  population: string;
  source: string;
  /** Measured (cosine, FAR) points of that population for the same embedder. */
  anchors: CurvePoint[];
  /** The FAR at which δ = anchor cosine − measured cosine is fitted. */
  fitAtFar: number;
}

/** Minimum expected false accepts for a FAR to count as measured, not extrapolated. */
export const MIN_EVENTS = 10;

const total = (h: Float64Array) => h.reduce((a, b) => a + b, 0);

/** ge[i] = number of scores in bins ≥ i. */
const tail = (h: Float64Array): Float64Array => {
  const ge = new Float64Array(BINS + 1);
  for (let i = BINS - 1; i >= 0; i--) ge[i] = ge[i + 1]! + h[i]!;
  return ge;
};

const edge = (bin: number) => Math.round((-1 + bin * BIN) * 1e6) / 1e6;

/** The lowest threshold (a bin edge) whose FAR on `impostor` is at most `far`. */
export const thresholdAt = (impostor: Float64Array, far: number): number => {
  const ge = tail(impostor);
  const n = ge[0]!;
  for (let i = 0; i <= BINS; i++) if (ge[i]! / n <= far) return edge(i);
  return edge(BINS);
};

/** Share of `scores` at or above `cosine`. */
export const rateAt = (scores: Float64Array, cosine: number): number => {
  const ge = tail(scores);
  const bin = Math.min(BINS, Math.max(0, Math.round((cosine + 1) / BIN)));
  return ge[bin]! / (ge[0]! || 1);
};

export const FAR_TARGETS = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6];

export const rocTable = (m: Measurement) => {
  const nImp = total(m.impostor);
  return FAR_TARGETS.map((far) => {
    const cosine = thresholdAt(m.impostor, far);
    return {
      far,
      cosine,
      tar: rateAt(m.genuine, cosine),
      tarCapped: rateAt(m.genuineCapped, cosine),
      supported: nImp * far >= MIN_EVENTS,
    };
  });
};

/** Thresholds chosen on identity half A, checked on the disjoint half B. */
export const splitTable = (m: Measurement) =>
  FAR_TARGETS.filter((far) => total(m.split.impostorA) * far >= MIN_EVENTS).map((far) => {
    const cosine = thresholdAt(m.split.impostorA, far);
    return {
      targetFar: far,
      cosine,
      farOnB: rateAt(m.split.impostorB, cosine),
      tarOnB: rateAt(m.split.genuineB, cosine),
    };
  });

/** Measured impostor tail, 4 points per decade down to the supported FAR, then extrapolated. */
export const measuredCurve = (impostor: Float64Array) => {
  const minFar = MIN_EVENTS / total(impostor);
  const points: CurvePoint[] = [];
  for (let e = 0; e <= 28; e++) {
    const far = 10 ** (-e / 4);
    if (far < minFar) break;
    const cosine = thresholdAt(impostor, far);
    const actual = rateAt(impostor, cosine);
    const last = points[points.length - 1];
    if (!last || (cosine > last.cosine && actual < last.far)) points.push({ cosine, far: actual });
  }
  const measuredDownTo = points[points.length - 1]!.far;
  const [a, b] = points.slice(-5).filter((_, i, arr) => i === 0 || i === arr.length - 1);
  if (a && b && b.far > FAR_FLOOR) {
    const slope = (Math.log10(b.far) - Math.log10(a.far)) / (b.cosine - a.cosine);
    const cosine = b.cosine + (Math.log10(FAR_FLOOR) - Math.log10(b.far)) / slope;
    points.push({ cosine: Math.min(1, Math.round(cosine * 1e4) / 1e4), far: FAR_FLOOR });
  }
  return { points, measuredDownTo };
};

const interp = (pts: CurvePoint[], c: number): number => {
  if (c <= pts[0]!.cosine) return pts[0]!.far;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]!;
    const b = pts[i]!;
    if (c <= b.cosine) {
      const t = (c - a.cosine) / (b.cosine - a.cosine);
      return 10 ** (Math.log10(a.far) + t * (Math.log10(b.far) - Math.log10(a.far)));
    }
  }
  return 0;
};

/** max(measured shifted by δ, the harder population's own points), kept monotone. */
export const applyMargin = (measured: CurvePoint[], margin: PopulationMargin) => {
  const at = margin.anchors;
  const cMeasured = createCalibrator({ points: measured } as CalibrationTable).cosineAt(
    margin.fitAtFar,
  );
  const cAnchor = createCalibrator({ points: margin.anchors } as CalibrationTable).cosineAt(
    margin.fitAtFar,
  );
  const delta = Math.max(0, Math.round((cAnchor - cMeasured) * 1e4) / 1e4);
  const shifted = measured.map((p) => ({ cosine: Math.min(1, p.cosine + delta), far: p.far }));
  const xs = [...new Set([...shifted, ...at].map((p) => p.cosine))].sort((a, b) => a - b);
  const points: CurvePoint[] = [];
  for (const c of xs) {
    const far = Math.max(interp(shifted, c), c <= at[at.length - 1]!.cosine ? interp(at, c) : 0);
    const last = points[points.length - 1];
    if (far > 0 && (!last || far < last.far)) points.push({ cosine: c, far });
  }
  return { points, delta };
};

export const buildTable = (
  m: Measurement,
  opts: { population: string; margin?: PopulationMargin; createdAt?: string },
): CalibrationTable => {
  const measured = measuredCurve(m.impostor);
  const margined = opts.margin ? applyMargin(measured.points, opts.margin) : undefined;
  const points = margined?.points ?? measured.points;
  const calibrator = createCalibrator({ points } as CalibrationTable);
  // null: no cosine reaches this FAR (the margin pushed it past 1, as for dlib's compressed range).
  const reachable = (f: number) => calibrator.calibrate(1).far <= f;
  const thresholds = Object.fromEntries(
    [1e-2, 1e-3, 1e-4, 1e-5, 1e-6].map((f) => [
      f.toExponential(0).replace('+', ''),
      reachable(f) ? round(calibrator.cosineAt(f)) : null,
    ]),
  );
  return {
    schema: 1,
    pack: m.pack,
    createdAt: opts.createdAt ?? new Date().toISOString(),
    population: opts.population,
    points: points.map((p) => ({ cosine: round(p.cosine), far: Number(p.far.toPrecision(4)) })),
    measuredDownTo: Number(measured.measuredDownTo.toPrecision(3)),
    thresholds,
    derivation: {
      measured: {
        dataset: m.dataset,
        images: m.images,
        detected: m.detected,
        identities: m.identities,
        genuinePairs: total(m.genuine),
        impostorPairs: total(m.impostor),
        roc: rocTable(m),
        split: splitTable(m),
        curve: measured.points,
      },
      margin: opts.margin ? { ...opts.margin, delta: margined!.delta } : null,
      extrapolation: `below FAR ${measured.measuredDownTo.toExponential(1)} (fewer than ${MIN_EVENTS} expected impostor pairs) the curve continues the slope of the last measured decade in log10(FAR) down to ${FAR_FLOOR}`,
    },
  };
};

const round = (x: number) => Math.round(x * 1e4) / 1e4;
