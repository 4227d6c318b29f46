/**
 * Pixel geometry in plain TypeScript: similarity fits, affine warps with bilinear sampling,
 * and box-filter downsampling so that warps never alias when they shrink a large face.
 */
import type { RgbImage } from '../image/index.ts';

export interface Point {
  x: number;
  y: number;
}

/** Row-major 2×3 affine matrix [a, b, tx, c, d, ty]: x' = a·x + b·y + tx, y' = c·x + d·y + ty. */
export type Affine = [number, number, number, number, number, number];

/**
 * Least-squares similarity (rotation, uniform scale, translation) mapping `src` onto `dst`
 * (Umeyama 1991, the same estimator as skimage's SimilarityTransform used by InsightFace).
 */
export const fitSimilarity = (src: readonly Point[], dst: readonly Point[]): Affine => {
  const n = src.length;
  const mean = (ps: readonly Point[]) => ({
    x: ps.reduce((s, p) => s + p.x, 0) / n,
    y: ps.reduce((s, p) => s + p.y, 0) / n,
  });
  const ms = mean(src);
  const md = mean(dst);
  let sxx = 0;
  let sxy = 0;
  let varSrc = 0;
  for (let i = 0; i < n; i++) {
    const sx = src[i]!.x - ms.x;
    const sy = src[i]!.y - ms.y;
    const dx = dst[i]!.x - md.x;
    const dy = dst[i]!.y - md.y;
    sxx += sx * dx + sy * dy;
    sxy += sx * dy - sy * dx;
    varSrc += sx * sx + sy * sy;
  }
  const a = sxx / varSrc;
  const b = sxy / varSrc;
  return [a, -b, md.x - a * ms.x + b * ms.y, b, a, md.y - b * ms.x - a * ms.y];
};

export const invertAffine = (m: Affine): Affine => {
  const [a, b, tx, c, d, ty] = m;
  const det = a * d - b * c;
  const ia = d / det;
  const ib = -b / det;
  const ic = -c / det;
  const id = a / det;
  return [ia, ib, -(ia * tx + ib * ty), ic, id, -(ic * tx + id * ty)];
};

export const applyAffine = (m: Affine, p: Point): Point => ({
  x: m[0] * p.x + m[1] * p.y + m[2],
  y: m[3] * p.x + m[4] * p.y + m[5],
});

/** Scale factor of a similarity/affine (source pixels per output pixel for an inverse map). */
export const affineScale = (m: Affine): number => Math.sqrt(Math.abs(m[0] * m[4] - m[1] * m[3]));

/**
 * Renders a `width`×`height` RGB image where output pixel (x, y) samples `src` at
 * `toSrc(x, y)` bilinearly; outside the source the border colour is replicated.
 */
export const warp = (src: RgbImage, toSrc: Affine, width: number, height: number): RgbImage => {
  const out = new Uint8Array(width * height * 3);
  const [a, b, tx, c, d, ty] = toSrc;
  const { data, width: sw, height: sh } = src;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const fx = Math.min(Math.max(a * x + b * y + tx, 0), sw - 1);
      const fy = Math.min(Math.max(c * x + d * y + ty, 0), sh - 1);
      const x0 = Math.floor(fx);
      const y0 = Math.floor(fy);
      const x1 = Math.min(x0 + 1, sw - 1);
      const y1 = Math.min(y0 + 1, sh - 1);
      const wx = fx - x0;
      const wy = fy - y0;
      const o = (y * width + x) * 3;
      for (let ch = 0; ch < 3; ch++) {
        const p00 = data[(y0 * sw + x0) * 3 + ch]!;
        const p01 = data[(y0 * sw + x1) * 3 + ch]!;
        const p10 = data[(y1 * sw + x0) * 3 + ch]!;
        const p11 = data[(y1 * sw + x1) * 3 + ch]!;
        const top = p00 + (p01 - p00) * wx;
        const bottom = p10 + (p11 - p10) * wx;
        out[o + ch] = Math.round(top + (bottom - top) * wy);
      }
    }
  }
  return { data: out, width, height };
};

/**
 * Integer box-filter downsample by `k` of the region whose top-left level pixel is
 * (`lx`, `ly`) and size `lw`×`lh` in level pixels. Level pixel (i, j) averages source pixels
 * [i·k, (i+1)·k) × [j·k, (j+1)·k), so a region is pixel-identical to the whole level.
 */
const downsampleRegion = (
  src: RgbImage,
  k: number,
  lx: number,
  ly: number,
  lw: number,
  lh: number,
): RgbImage => {
  const out = new Uint8Array(lw * lh * 3);
  const sums = new Uint32Array(lw * 3);
  const area = k * k;
  const data = src.data;
  for (let y = 0; y < lh; y++) {
    sums.fill(0);
    for (let dy = 0; dy < k; dy++) {
      let idx = ((ly + y) * k + dy) * src.width * 3 + lx * k * 3;
      for (let ox = 0; ox < lw; ox++) {
        const o = ox * 3;
        for (let dx = 0; dx < k; dx++, idx += 3) {
          sums[o]! += data[idx]!;
          sums[o + 1]! += data[idx + 1]!;
          sums[o + 2]! += data[idx + 2]!;
        }
      }
    }
    for (let i = 0; i < sums.length; i++) out[y * lw * 3 + i] = Math.round(sums[i]! / area);
  }
  return { data: out, width: lw, height: lh };
};

/** Integer box-filter downsample by `k` (k ≥ 2) of the whole image. */
export const downsample = (src: RgbImage, k: number): RgbImage =>
  downsampleRegion(
    src,
    k,
    0,
    0,
    Math.max(1, Math.floor(src.width / k)),
    Math.max(1, Math.floor(src.height / k)),
  );

/**
 * Box-downsampled views of an image so that a warp that shrinks by `s` samples a level whose
 * resolution is within 2× of its output (no aliasing, no general resampler). Only the
 * region a warp reads is downsampled, and the result is identical to downsampling it all.
 */
export class Pyramid {
  constructor(readonly base: RgbImage) {}

  /** Warps with `toSrc` (output → base coordinates), sampling a suitably reduced level. */
  warp(toSrc: Affine, width: number, height: number): RgbImage {
    const k = Math.max(1, Math.floor(affineScale(toSrc)));
    if (k === 1) return warp(this.base, toSrc, width, height);
    const levelW = Math.max(1, Math.floor(this.base.width / k));
    const levelH = Math.max(1, Math.floor(this.base.height / k));
    // Bounding box of the output in level pixels, one pixel of margin for bilinear sampling.
    const corners = [
      [0, 0],
      [width, 0],
      [0, height],
      [width, height],
    ].map(([x, y]) => applyAffine(toSrc, { x: x!, y: y! }));
    const clampX = (v: number) => Math.min(Math.max(v, 0), levelW);
    const clampY = (v: number) => Math.min(Math.max(v, 0), levelH);
    const x0 = clampX(Math.floor(Math.min(...corners.map((c) => c.x)) / k) - 1);
    const y0 = clampY(Math.floor(Math.min(...corners.map((c) => c.y)) / k) - 1);
    const x1 = clampX(Math.ceil(Math.max(...corners.map((c) => c.x)) / k) + 2);
    const y1 = clampY(Math.ceil(Math.max(...corners.map((c) => c.y)) / k) + 2);
    if (x1 - x0 < 1 || y1 - y0 < 1) return warp(this.base, toSrc, width, height);
    const region = downsampleRegion(this.base, k, x0, y0, x1 - x0, y1 - y0);
    // base → level: x / k − 0.5 + 0.5 / k (pixel centres), then shift by the region origin.
    const f = this.base.width / levelW;
    const m: Affine = [
      toSrc[0] / f,
      toSrc[1] / f,
      toSrc[2] / f - 0.5 + 0.5 / f - x0,
      toSrc[3] / f,
      toSrc[4] / f,
      toSrc[5] / f - 0.5 + 0.5 / f - y0,
    ];
    // Samples stay inside the region, so clamping to it equals clamping to the whole level.
    return warp(region, m, width, height);
  }
}

/** Affine mapping output pixels of a `w`×`h` crop onto the source rectangle. */
export const cropAffine = (
  rect: { x: number; y: number; width: number; height: number },
  w: number,
  h: number,
): Affine => {
  const sx = rect.width / w;
  const sy = rect.height / h;
  return [sx, 0, rect.x + 0.5 * sx - 0.5, 0, sy, rect.y + 0.5 * sy - 0.5];
};

/** BT.601 luma of an RGB image. */
export const toGray = (img: RgbImage): Float32Array => {
  const out = new Float32Array(img.width * img.height);
  for (let i = 0, j = 0; i < out.length; i++, j += 3) {
    out[i] = 0.299 * img.data[j]! + 0.587 * img.data[j + 1]! + 0.114 * img.data[j + 2]!;
  }
  return out;
};
