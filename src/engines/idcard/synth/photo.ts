/**
 * "Photographs" a rendered card: places it on a desk-like background with rotation, an
 * optional 180° turn, perspective, scale, a drop shadow, uneven lighting, glare, sensor noise,
 * Gaussian blur and JPEG compression. Returns the encoded photo and the card's true corners.
 */
import type { Canvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import {
  type Homography,
  homographyFromQuads,
  type Point,
  type Quad,
  rectQuad,
} from '../../ocr/geometry.ts';
import type { Rng } from './rng.ts';

export type Background = 'desk' | 'dark' | 'fabric' | 'light';

export interface PhotoVariant {
  name: string;
  /** In-plane rotation, degrees (added to 180 when `upsideDown`). */
  rotation: number;
  upsideDown: boolean;
  /** Perspective strength: fraction by which the far edge shrinks (0..0.3). */
  tilt: number;
  /** Card long side in the photo, pixels. */
  cardWidth: number;
  /** Gaussian blur sigma in pixels (0: none). */
  blur: number;
  /** JPEG quality, or null for PNG. */
  jpeg: number | null;
  /** Strength of a linear lighting gradient (0..0.5) and an overall gain. */
  lighting: number;
  gain: number;
  noise: number;
  /** Peak of a specular highlight on the card (0: none; ≥ 1 saturates). */
  glare: number;
  background: Background;
  frame: { width: number; height: number };
}

export interface Photo {
  image: Buffer;
  /** The card's corners in the photo, in the card's own TL, TR, BR, BL order. */
  quad: Quad;
}

export const photograph = async (card: Canvas, v: PhotoVariant, rng: Rng): Promise<Photo> => {
  const { width: W, height: H } = v.frame;
  const srcW = Math.round(v.cardWidth * 1.1);
  const srcH = Math.round((srcW * 540) / 856);
  const pixels = card.getContext('2d').getImageData(0, 0, card.width, card.height).data;
  const raw = { width: card.width, height: card.height, channels: 4 as const };
  const src = await sharp(Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength), { raw })
    .resize(srcW, srcH)
    .raw()
    .toBuffer();
  const out = background(W, H, v.background, rng);
  const quad = placement(v, rng);
  const toSource = homographyFromQuads(quad, rectQuad(srcW, srcH));
  composite(out, W, H, src, srcW, srcH, toSource, quad);
  light(out, W, H, v, quad, rng);
  let img = sharp(out, { raw: { width: W, height: H, channels: 3 } });
  if (v.blur >= 0.3) img = img.blur(v.blur);
  const image =
    v.jpeg === null ? await img.png().toBuffer() : await img.jpeg({ quality: v.jpeg }).toBuffer();
  return { image, quad };
};

const placement = (v: PhotoVariant, rng: Rng): Quad => {
  const { width: W, height: H } = v.frame;
  const w = v.cardWidth;
  const h = (w * 540) / 856;
  const angle = ((v.rotation + (v.upsideDown ? 180 : 0)) * Math.PI) / 180;
  const c = { x: W / 2 + rng.range(-0.04, 0.04) * W, y: H / 2 + rng.range(-0.04, 0.04) * H };
  const t = v.tilt;
  // Shrink one edge (top, bottom, left or right) to imitate a camera held at an angle.
  const edge = rng.int(0, 3);
  const local: Point[] = [
    { x: -w / 2, y: -h / 2 },
    { x: w / 2, y: -h / 2 },
    { x: w / 2, y: h / 2 },
    { x: -w / 2, y: h / 2 },
  ].map((p) => {
    const sx = edge === 0 && p.y < 0 ? 1 - t : edge === 1 && p.y > 0 ? 1 - t : 1;
    const sy = edge === 2 && p.x < 0 ? 1 - t : edge === 3 && p.x > 0 ? 1 - t : 1;
    return { x: p.x * sx, y: p.y * sy };
  });
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const pts = local.map((p) => ({
    x: c.x + p.x * cos - p.y * sin,
    y: c.y + p.x * sin + p.y * cos,
  }));
  return [pts[0]!, pts[1]!, pts[2]!, pts[3]!];
};

const background = (W: number, H: number, kind: Background, rng: Rng): Uint8Array => {
  const out = new Uint8Array(W * H * 3);
  const base: Record<Background, () => [number, number, number]> = {
    desk: () => [rng.int(120, 170), rng.int(80, 115), rng.int(45, 75)],
    dark: () => [rng.int(25, 60), rng.int(25, 60), rng.int(30, 65)],
    fabric: () => [rng.int(40, 90), rng.int(70, 120), rng.int(110, 160)],
    light: () => [rng.int(200, 225), rng.int(200, 225), rng.int(200, 225)],
  };
  const [r, g, b] = base[kind]();
  const freq = rng.range(0.02, 0.06);
  const phase = rng.range(0, 6.28);
  const gauss = noiseSource(rng);
  const amp = kind === 'fabric' ? 10 : 4;
  const wave = Float32Array.from({ length: W }, (_, x) => 3 * Math.sin(x * 0.004 + phase));
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const grain = kind === 'desk' ? 14 * Math.sin(y * freq + wave[x]!) : 0;
      const n = gauss() * amp + grain;
      const o = (y * W + x) * 3;
      out[o] = clamp(r + n);
      out[o + 1] = clamp(g + n);
      out[o + 2] = clamp(b + n);
    }
  }
  return out;
};

const clamp = (v: number) => Math.min(255, Math.max(0, v));

/** A cheap per-pixel noise source (xorshift32, approx. normal), seeded from the card's rng. */
const noiseSource = (rng: Rng) => {
  let s = (rng.int(1, 0x7fffffff) | 1) >>> 0;
  const u = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  return () => (u() + u() + u() - 1.5) * 2;
};

const composite = (
  out: Uint8Array,
  W: number,
  H: number,
  src: Buffer,
  sw: number,
  sh: number,
  toSource: Homography,
  quad: Quad,
) => {
  const xs = quad.map((p) => p.x);
  const ys = quad.map((p) => p.y);
  // applyHomography, inlined: this runs for every pixel around the card.
  const [a, b, c, d, e, f, g, h, k] = toSource;
  const x0 = Math.max(0, Math.floor(Math.min(...xs)) - 12);
  const x1 = Math.min(W - 1, Math.ceil(Math.max(...xs)) + 12);
  const y0 = Math.max(0, Math.floor(Math.min(...ys)) - 12);
  const y1 = Math.min(H - 1, Math.ceil(Math.max(...ys)) + 12);
  const alphaAt = (x: number, y: number) => {
    const w = g * x + h * y + k;
    const sx = Math.round((a * x + b * y + c) / w);
    const sy = Math.round((d * x + e * y + f) / w);
    if (sx < 0 || sy < 0 || sx >= sw || sy >= sh) return 0;
    return src[(sy * sw + sx) * 4 + 3]! / 255;
  };
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const o = (y * W + x) * 3;
      const shadow = 0.35 * alphaAt(x - 5, y - 7);
      for (let ch = 0; ch < 3; ch++) out[o + ch] = out[o + ch]! * (1 - shadow);
      const w = g * x + h * y + k;
      const sx = (a * x + b * y + c) / w - 0.5;
      const sy = (d * x + e * y + f) / w - 0.5;
      if (sx < -1 || sy < -1 || sx > sw || sy > sh) continue;
      blend(out, o, src, sw, sh, sx, sy);
    }
  }
};

const blend = (
  out: Uint8Array,
  o: number,
  src: Buffer,
  sw: number,
  sh: number,
  sx: number,
  sy: number,
) => {
  const xi = Math.floor(sx);
  const yi = Math.floor(sy);
  const fx = sx - xi;
  const fy = sy - yi;
  let r = 0;
  let g = 0;
  let b = 0;
  let alpha = 0;
  for (let k = 0; k < 4; k++) {
    const xx = xi + (k & 1);
    const yy = yi + (k >> 1);
    if (xx < 0 || yy < 0 || xx >= sw || yy >= sh) continue;
    const wgt = (k & 1 ? fx : 1 - fx) * (k >> 1 ? fy : 1 - fy);
    const i = (yy * sw + xx) * 4;
    const al = (src[i + 3]! / 255) * wgt;
    r += src[i]! * al;
    g += src[i + 1]! * al;
    b += src[i + 2]! * al;
    alpha += al;
  }
  if (alpha <= 0) return;
  out[o] = out[o]! * (1 - alpha) + r;
  out[o + 1] = out[o + 1]! * (1 - alpha) + g;
  out[o + 2] = out[o + 2]! * (1 - alpha) + b;
};

const light = (out: Uint8Array, W: number, H: number, v: PhotoVariant, quad: Quad, rng: Rng) => {
  const dir = rng.range(0, 2 * Math.PI);
  const dx = Math.cos(dir) / Math.max(W, H);
  const dy = Math.sin(dir) / Math.max(W, H);
  const t = rng.range(0.2, 0.8);
  const u = rng.range(0.2, 0.8);
  const gx = quad[0].x + (quad[1].x - quad[0].x) * t + (quad[3].x - quad[0].x) * u;
  const gy = quad[0].y + (quad[1].y - quad[0].y) * t + (quad[3].y - quad[0].y) * u;
  const gr = v.cardWidth * rng.range(0.12, 0.2);
  const gauss = noiseSource(rng);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 3;
      const f = v.gain * (1 + v.lighting * ((x - W / 2) * dx + (y - H / 2) * dy) * 2);
      const glare = v.glare
        ? 255 * v.glare * Math.exp(-((x - gx) ** 2 + (y - gy) ** 2) / (2 * gr * gr))
        : 0;
      const n = v.noise ? gauss() * v.noise : 0;
      for (let ch = 0; ch < 3; ch++) out[o + ch] = clamp(out[o + ch]! * f + glare + n);
    }
  }
};
