/**
 * Colour gradients for finding the card's border: Sobel on each channel, keeping the channel
 * with the strongest response (a white card on a light-grey desk differs more in hue than in
 * luminance), then thinned by non-maximum suppression along the gradient.
 */
import type { RgbImage } from '../ocr/raster.ts';

export interface Gradient {
  width: number;
  height: number;
  gx: Float32Array;
  gy: Float32Array;
  mag: Float32Array;
}

export const colourGradient = (img: RgbImage): Gradient => {
  const { width: w, height: h, data } = img;
  const gx = new Float32Array(w * h);
  const gy = new Float32Array(w * h);
  const mag = new Float32Array(w * h);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      let bx = 0;
      let by = 0;
      let bm = -1;
      const row = w * 3;
      const base = (y * w + x) * 3;
      for (let c = 0; c < 3; c++) {
        const o = base + c;
        const tl = data[o - row - 3]!;
        const tr = data[o - row + 3]!;
        const bl = data[o + row - 3]!;
        const br = data[o + row + 3]!;
        const sx = tr + 2 * data[o + 3]! + br - tl - 2 * data[o - 3]! - bl;
        const sy = bl + 2 * data[o + row]! + br - tl - 2 * data[o - row]! - tr;
        const m = sx * sx + sy * sy;
        if (m > bm) {
          bm = m;
          bx = sx;
          by = sy;
        }
      }
      const i = y * w + x;
      gx[i] = bx / 8;
      gy[i] = by / 8;
      mag[i] = Math.sqrt(bm) / 8;
    }
  }
  return { width: w, height: h, gx, gy, mag };
};

/** Keeps only pixels that are local maxima across the edge (4 quantised directions). */
export const thinEdges = (g: Gradient, minMag: number): Uint8Array => {
  const { width: w, height: h, gx, gy, mag } = g;
  const keep = new Uint8Array(w * h);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const m = mag[i]!;
      if (m < minMag) continue;
      const ax = Math.abs(gx[i]!);
      const ay = Math.abs(gy[i]!);
      let step: number;
      if (ax > 2.414 * ay) step = 1;
      else if (ay > 2.414 * ax) step = w;
      else step = gx[i]! * gy[i]! > 0 ? w + 1 : w - 1;
      if (m >= mag[i - step]! && m >= mag[i + step]!) keep[i] = 1;
    }
  }
  return keep;
};

/** Box blur (radius 1) of an RGB image, to quiet desk texture before edge finding. */
export const blur3 = (img: RgbImage): RgbImage => {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 3; c++) {
        let s = 0;
        let n = 0;
        for (let dy = -1; dy <= 1; dy++) {
          const yy = y + dy;
          if (yy < 0 || yy >= h) continue;
          for (let dx = -1; dx <= 1; dx++) {
            const xx = x + dx;
            if (xx < 0 || xx >= w) continue;
            s += data[(yy * w + xx) * 3 + c]!;
            n++;
          }
        }
        out[(y * w + x) * 3 + c] = s / n;
      }
    }
  }
  return { data: out, width: w, height: h };
};
