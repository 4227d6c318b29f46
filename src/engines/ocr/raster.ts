/**
 * Small raster helpers on interleaved 8-bit RGB (the image engine's `RgbImage`): grey
 * conversion, projective warps with bilinear sampling, crops and 180° turns. Plain loops over
 * typed arrays, no OpenCV (spec/models.md §2: the own pipeline needs none).
 */
import type { RgbImage } from '../image/index.ts';
import { type Homography, applyHomography } from './geometry.ts';

export type { RgbImage };

/** 8-bit luminance plane. */
export interface GrayImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export const toGray = (img: RgbImage): GrayImage => {
  const n = img.width * img.height;
  const out = new Uint8Array(n);
  const d = img.data;
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    out[i] = (d[j]! * 77 + d[j + 1]! * 150 + d[j + 2]! * 29) >> 8;
  }
  return { data: out, width: img.width, height: img.height };
};

/**
 * Warps `src` into a `width`×`height` image: `toSource` maps each destination pixel centre to
 * source coordinates. Outside pixels take `fill`.
 */
export const warp = (
  src: RgbImage,
  toSource: Homography,
  width: number,
  height: number,
  fill = 255,
): RgbImage => {
  const out = new Uint8Array(width * height * 3);
  const { data, width: sw, height: sh } = src;
  const [a, b, c, d, e, f, g, h, k] = toSource;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const w = g * x + h * y + k;
      const sx = (a * x + b * y + c) / w;
      const sy = (d * x + e * y + f) / w;
      const o = (y * width + x) * 3;
      if (sx < -0.5 || sy < -0.5 || sx > sw - 0.5 || sy > sh - 0.5) {
        out[o] = out[o + 1] = out[o + 2] = fill;
        continue;
      }
      sampleBilinear(data, sw, sh, sx, sy, out, o);
    }
  }
  return { data: out, width, height };
};

const sampleBilinear = (
  data: Uint8Array,
  sw: number,
  sh: number,
  sx: number,
  sy: number,
  out: Uint8Array,
  o: number,
) => {
  const x0 = Math.max(0, Math.min(sw - 1, Math.floor(sx)));
  const y0 = Math.max(0, Math.min(sh - 1, Math.floor(sy)));
  const x1 = Math.min(sw - 1, x0 + 1);
  const y1 = Math.min(sh - 1, y0 + 1);
  const fx = Math.max(0, Math.min(1, sx - x0));
  const fy = Math.max(0, Math.min(1, sy - y0));
  const i00 = (y0 * sw + x0) * 3;
  const i01 = (y0 * sw + x1) * 3;
  const i10 = (y1 * sw + x0) * 3;
  const i11 = (y1 * sw + x1) * 3;
  for (let ch = 0; ch < 3; ch++) {
    const top = data[i00 + ch]! + (data[i01 + ch]! - data[i00 + ch]!) * fx;
    const bottom = data[i10 + ch]! + (data[i11 + ch]! - data[i10 + ch]!) * fx;
    out[o + ch] = top + (bottom - top) * fy + 0.5;
  }
};

/** Area-averaging downscale by an integer-free factor (used before edge analysis). */
export const resizeRgb = (src: RgbImage, width: number, height: number): RgbImage => {
  const sx = src.width / width;
  const sy = src.height / height;
  if (sx <= 1.5 && sy <= 1.5) {
    return warp(src, [sx, 0, (sx - 1) / 2, 0, sy, (sy - 1) / 2, 0, 0, 1], width, height);
  }
  return boxDownscale(src, width, height);
};

const boxDownscale = (src: RgbImage, width: number, height: number): RgbImage => {
  const out = new Uint8Array(width * height * 3);
  const sx = src.width / width;
  const sy = src.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.floor((y + 1) * sy));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * sx);
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) * sx));
      let r = 0;
      let g = 0;
      let b = 0;
      for (let yy = y0; yy < y1; yy++) {
        for (let xx = x0; xx < x1; xx++) {
          const i = (yy * src.width + xx) * 3;
          r += src.data[i]!;
          g += src.data[i + 1]!;
          b += src.data[i + 2]!;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * width + x) * 3;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
    }
  }
  return { data: out, width, height };
};

/** Turns an image by 180° (a card photographed upside down). */
export const rotate180 = (img: RgbImage): RgbImage => {
  const n = img.width * img.height;
  const out = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    const j = (n - 1 - i) * 3;
    out[i * 3] = img.data[j]!;
    out[i * 3 + 1] = img.data[j + 1]!;
    out[i * 3 + 2] = img.data[j + 2]!;
  }
  return { data: out, width: img.width, height: img.height };
};

/** Axis-aligned crop, clamped to the image. */
export const crop = (img: RgbImage, x: number, y: number, w: number, h: number): RgbImage => {
  const x0 = Math.max(0, Math.round(x));
  const y0 = Math.max(0, Math.round(y));
  const cw = Math.max(1, Math.min(img.width - x0, Math.round(w)));
  const chh = Math.max(1, Math.min(img.height - y0, Math.round(h)));
  const out = new Uint8Array(cw * chh * 3);
  for (let row = 0; row < chh; row++) {
    const from = ((y0 + row) * img.width + x0) * 3;
    out.set(img.data.subarray(from, from + cw * 3), row * cw * 3);
  }
  return { data: out, width: cw, height: chh };
};

/** Maps a point through a homography (re-exported for callers holding only raster). */
export const mapPoint = applyHomography;
