/**
 * Re-fits each side of a coarse card quadrilateral on the full-resolution image: along the
 * side, search across it for the strongest colour step, fit a line through those points
 * (principal axis, one round of outlier rejection), and intersect neighbouring sides.
 */
import type { Point } from '../ocr/geometry.ts';
import type { RgbImage } from '../ocr/raster.ts';

interface FitLine {
  /** A point on the line and its unit direction. */
  p: Point;
  d: Point;
}

const SAMPLES = 48;

export const refineQuad = (img: RgbImage, corners: Point[], radius: number): Point[] => {
  const lines = corners.map((p, k) => refineSide(img, p, corners[(k + 1) % 4]!, radius));
  return lines.map((line, k) => meet(lines[(k + 3) % 4]!, line) ?? corners[k]!);
};

const refineSide = (img: RgbImage, a: Point, b: Point, radius: number): FitLine => {
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const d = { x: (b.x - a.x) / len, y: (b.y - a.y) / len };
  const n = { x: -d.y, y: d.x };
  const found: Point[] = [];
  for (let k = 0; k < SAMPLES; k++) {
    const t = 0.12 + (0.76 * (k + 0.5)) / SAMPLES;
    const p = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    const o = strongestStep(img, p, n, radius);
    if (o !== null) found.push({ x: p.x + n.x * o, y: p.y + n.y * o });
  }
  if (found.length < 10) return { p: a, d };
  let fit = fitLine(found);
  const res = found.map((q) => Math.abs((q.x - fit.p.x) * -fit.d.y + (q.y - fit.p.y) * fit.d.x));
  const median = [...res].sort((x, y) => x - y)[res.length >> 1]!;
  const kept = found.filter((_, i) => res[i]! <= Math.max(1, 2.5 * median));
  if (kept.length >= 8) fit = fitLine(kept);
  return fit;
};

const strongestStep = (img: RgbImage, p: Point, n: Point, radius: number): number | null => {
  let best = 0;
  let bestO = 0;
  const steps: number[] = [];
  for (let o = -radius; o <= radius; o += 0.5) {
    const s = step(img, p.x + n.x * o, p.y + n.y * o, n);
    steps.push(s);
    if (s > best) {
      best = s;
      bestO = o;
    }
  }
  return best >= 8 ? bestO : null;
};

const step = (img: RgbImage, x: number, y: number, n: Point) => {
  let m = 0;
  for (let c = 0; c < 3; c++) {
    const v = sample(img, x + n.x, y + n.y, c) - sample(img, x - n.x, y - n.y, c);
    if (Math.abs(v) > m) m = Math.abs(v);
  }
  return m;
};

const sample = (img: RgbImage, x: number, y: number, c: number) => {
  const xi = Math.max(0, Math.min(img.width - 2, Math.floor(x)));
  const yi = Math.max(0, Math.min(img.height - 2, Math.floor(y)));
  const fx = Math.max(0, Math.min(1, x - xi));
  const fy = Math.max(0, Math.min(1, y - yi));
  const i = (yi * img.width + xi) * 3 + c;
  const row = img.width * 3;
  const top = img.data[i]! + (img.data[i + 3]! - img.data[i]!) * fx;
  const bottom = img.data[i + row]! + (img.data[i + row + 3]! - img.data[i + row]!) * fx;
  return top + (bottom - top) * fy;
};

const fitLine = (pts: Point[]): FitLine => {
  const mx = pts.reduce((s, p) => s + p.x, 0) / pts.length;
  const my = pts.reduce((s, p) => s + p.y, 0) / pts.length;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of pts) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
    syy += (p.y - my) ** 2;
  }
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  return { p: { x: mx, y: my }, d: { x: Math.cos(angle), y: Math.sin(angle) } };
};

const meet = (l1: FitLine, l2: FitLine): Point | null => {
  const det = l1.d.x * l2.d.y - l1.d.y * l2.d.x;
  if (Math.abs(det) < 1e-6) return null;
  const t = ((l2.p.x - l1.p.x) * l2.d.y - (l2.p.y - l1.p.y) * l2.d.x) / det;
  return { x: l1.p.x + l1.d.x * t, y: l1.p.y + l1.d.y * t };
};
