/**
 * The quality gate, measured on the rectified card (856 × 540) and the located quadrilateral:
 * card size in the photo, edge sharpness and specular glare. Thresholds were set with the
 * synthetic generator (docs/accuracy-ocr.md, "Quality gate"): realistic photos pass, photos
 * whose fields come out wrong are refused.
 */
import type { Quad } from '../ocr/geometry.ts';
import type { RgbImage } from '../ocr/raster.ts';
import type { Quality, RetakeReason } from './types.ts';

export interface QualityLimits {
  /** Card long side in the original photo, pixels. */
  minCardWidthPx: number;
  /** See `sharpness`: about 0.4 / (blur sigma in card pixels). */
  minSharpness: number;
  /** Fraction of always-inked windows (labels, titles, value starts) with no print left. */
  maxGlare: number;
  /** A corner further outside the photo than this fraction of the card's width. */
  maxOutside: number;
}

export const DEFAULT_QUALITY: QualityLimits = Object.freeze({
  minCardWidthPx: 450,
  minSharpness: 0.14,
  maxGlare: 0.1,
  maxOutside: 0.02,
});

export const cardWidthPx = (quad: Quad, scale: number) =>
  ((Math.hypot(quad[1].x - quad[0].x, quad[1].y - quad[0].y) +
    Math.hypot(quad[2].x - quad[3].x, quad[2].y - quad[3].y)) /
    2) *
  scale;

const luma = (d: Uint8Array, i: number) => (d[i]! * 77 + d[i + 1]! * 150 + d[i + 2]! * 29) >> 8;

/**
 * Mean of the strongest 0.5 % central-difference gradients over the 1st–99th percentile
 * contrast: a step edge blurred by σ pixels gives ≈ 0.4 / σ (0.5 when perfectly sharp).
 */
export const sharpness = (card: RgbImage): number => {
  const { width: w, height: h, data } = card;
  const hist = new Uint32Array(256);
  const grads = new Uint32Array(256);
  const x0 = Math.round(w * 0.05);
  const x1 = Math.round(w * 0.95);
  const y0 = Math.round(h * 0.06);
  const y1 = Math.round(h * 0.94);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * w + x) * 3;
      hist[luma(data, i)]!++;
      const gx = (luma(data, i + 3) - luma(data, i - 3)) / 2;
      const gy = (luma(data, i + w * 3) - luma(data, i - w * 3)) / 2;
      grads[Math.min(255, Math.round(Math.hypot(gx, gy)))]!++;
    }
  }
  const n = (x1 - x0) * (y1 - y0);
  const range = percentile(hist, n, 0.99) - percentile(hist, n, 0.01);
  if (range < 30) return 0;
  return topMean(grads, n, 0.005) / range;
};

const percentile = (hist: Uint32Array, n: number, q: number) => {
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc >= n * q) return v;
  }
  return 255;
};

const topMean = (hist: Uint32Array, n: number, frac: number) => {
  let want = Math.max(1, Math.round(n * frac));
  let sum = 0;
  let count = 0;
  for (let v = 255; v >= 0 && want > 0; v--) {
    const take = Math.min(want, hist[v]!);
    sum += take * v;
    count += take;
    want -= take;
  }
  return count ? sum / count : 0;
};

/** A rectangle of the card frame, in card pixels (856 × 540), where ink is always printed. */
export interface InkZone {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Refuse the photo if any part of this zone is washed out (the ID number's digits). */
  critical?: boolean;
}

const WINDOW = 28;
const MIN_CONTRAST = 50;

/**
 * Glare: the fraction of always-inked places (labels, titles, the start of each value) that
 * show no ink at all. A specular highlight saturates paper and print alike, whereas an evenly
 * overexposed or dim card keeps its print contrast, so it is not mistaken for glare.
 */
export const glare = (card: RgbImage, zones: readonly InkZone[]): number => {
  let windows = 0;
  let washed = 0;
  for (const z of zones) {
    let hit = 0;
    for (let x = z.x0; x + WINDOW <= z.x1 + 1; x += WINDOW) {
      windows++;
      if (contrast(card, x, z.y0, x + WINDOW, z.y1) < MIN_CONTRAST) hit++;
    }
    // Any washed-out digit of the number is enough to refuse: it is the field that matters most.
    if (hit > 0 && z.critical) return 1;
    washed += hit;
  }
  return windows ? washed / windows : 0;
};

const contrast = (card: RgbImage, x0: number, y0: number, x1: number, y1: number) => {
  let lo = 255;
  let hi = 0;
  for (let y = Math.max(0, y0); y < Math.min(card.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(card.width, x1); x++) {
      const l = luma(card.data, (y * card.width + x) * 3);
      if (l < lo) lo = l;
      if (l > hi) hi = l;
    }
  }
  return hi - lo;
};

export interface GateInput {
  cardWidthPx: number;
  sharpness: number;
  glare: number;
  outside: number;
  fullFrame: boolean;
}

/** The first failed limit, in the order a person would fix them, or null. */
export const gate = (
  q: GateInput,
  lim: QualityLimits,
): { reason: RetakeReason; detail: string } | null => {
  if (q.outside > lim.maxOutside)
    return { reason: 'card_cut_off', detail: 'a corner of the card is outside the photo' };
  if (q.cardWidthPx < lim.minCardWidthPx)
    return {
      reason: 'card_too_small',
      detail: `card is ${Math.round(q.cardWidthPx)} px wide, need ${lim.minCardWidthPx}`,
    };
  // Blur before glare: a very blurred card also loses its print contrast.
  if (q.sharpness < lim.minSharpness)
    return {
      reason: 'blurred',
      detail: `sharpness ${q.sharpness.toFixed(3)} below ${lim.minSharpness}`,
    };
  if (q.glare > lim.maxGlare)
    return {
      reason: 'glare',
      detail: `${Math.round(q.glare * 100)} % of the always-printed areas are washed out`,
    };
  return null;
};

/** Each measure mapped so that its limit is 0.5 and twice the margin is 1; the weakest wins. */
export const qualityScore = (q: GateInput, lim: QualityLimits): Quality => {
  const up = (v: number, min: number) => Math.max(0, Math.min(1, (0.5 * v) / min));
  const down = (v: number, max: number) => Math.max(0, Math.min(1, 1 - (0.5 * v) / max));
  const score = Math.min(
    up(q.cardWidthPx, lim.minCardWidthPx),
    up(q.sharpness, lim.minSharpness),
    down(q.glare, lim.maxGlare),
  );
  return {
    score,
    cardWidthPx: Math.round(q.cardWidthPx),
    sharpness: q.sharpness,
    glare: q.glare,
    fullFrame: q.fullFrame,
  };
};
