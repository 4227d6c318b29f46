/**
 * Finds an ID card (ISO/IEC 7810 ID-1, 85.6 × 54 mm) in a photo and returns its four corners:
 * Hough lines on a small copy → every pair of near-parallel pairs that closes a convex
 * quadrilateral with a card-like aspect → the one whose sides are best backed by edges → each
 * side re-fitted on the full-resolution image. The 0°/180° ambiguity is left to the reader.
 */
import type { Point, Quad } from '../ocr/geometry.ts';
import { polygonArea } from '../ocr/geometry.ts';
import { type RgbImage, resizeRgb } from '../ocr/raster.ts';
import { type Gradient, blur3, colourGradient, thinEdges } from './edges.ts';
import { type Line, houghLines } from './hough.ts';
import { refineQuad } from './refine.ts';

export interface Located {
  /** TL, TR, BR, BL in the input image's pixels; the long side runs TL→TR. */
  quad: Quad;
  /** Mean fraction of each side backed by edge pixels (0..1). */
  support: number;
  /** True when no border was found and the image's own frame was taken as the card. */
  fullFrame: boolean;
  /** Largest distance of a corner outside the image, as a fraction of the card's long side. */
  outside: number;
}

const WORK_SIDE = 512;
const MAX_LINES = 28;
const PARALLEL = (18 * Math.PI) / 180;
const CARD_ASPECT = 85.6 / 54;

interface Candidate {
  corners: Point[];
  score: number;
  support: number;
}

export const locateCard = (img: RgbImage): Located | null => {
  const scale = Math.min(1, WORK_SIDE / Math.max(img.width, img.height));
  const small = resizeRgb(img, Math.round(img.width * scale), Math.round(img.height * scale));
  const g = colourGradient(blur3(small));
  const edges = thinEdges(g, 4);
  const minDim = Math.min(small.width, small.height);
  const lines = houghLines(g, edges, MAX_LINES, minDim * 0.05);
  const best = bestQuad(lines, g, edges);
  // A tightly cropped scan has no border: quads found inside it (the portrait, a text block)
  // cover little of the frame, whereas a photographed card that is framed like a scan fills it.
  const whole = fullFrame(img);
  if (!best || (whole && polygonArea(best.corners) < 0.5 * small.width * small.height))
    return whole;
  const up = best.corners.map((p) => ({ x: p.x / scale, y: p.y / scale }));
  const refined = refineQuad(img, up, 1.5 / scale + 2);
  const quad = orderCard(refined);
  return { quad, support: best.support, fullFrame: false, outside: outsideBy(quad, img) };
};

const fullFrame = (img: RgbImage): Located | null => {
  const aspect = Math.max(img.width, img.height) / Math.min(img.width, img.height);
  // ±0.12 admits 3:2 frames but not 4:3 or 16:9 photos.
  if (Math.abs(aspect - CARD_ASPECT) > 0.12) return null;
  const corners = [
    { x: 0, y: 0 },
    { x: img.width, y: 0 },
    { x: img.width, y: img.height },
    { x: 0, y: img.height },
  ];
  return { quad: orderCard(corners), support: 0, fullFrame: true, outside: 0 };
};

const angleDiff = (a: number, b: number) => {
  const d = Math.abs(a - b) % Math.PI;
  return Math.min(d, Math.PI - d);
};

const intersect = (a: Line, b: Line): Point | null => {
  const c1 = Math.cos(a.theta);
  const s1 = Math.sin(a.theta);
  const c2 = Math.cos(b.theta);
  const s2 = Math.sin(b.theta);
  const det = c1 * s2 - s1 * c2;
  if (Math.abs(det) < 1e-6) return null;
  return { x: (a.rho * s2 - b.rho * s1) / det, y: (b.rho * c1 - a.rho * c2) / det };
};

const bestQuad = (lines: Line[], g: Gradient, edges: Uint8Array): Candidate | null => {
  const pairs: [Line, Line][] = [];
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      if (angleDiff(lines[i]!.theta, lines[j]!.theta) < PARALLEL)
        pairs.push([lines[i]!, lines[j]!]);
    }
  }
  let best: Candidate | null = null;
  for (let i = 0; i < pairs.length; i++) {
    for (let j = i + 1; j < pairs.length; j++) {
      const [a, b] = pairs[i]!;
      const [c, d] = pairs[j]!;
      if (Math.abs(angleDiff(a.theta, c.theta) - Math.PI / 2) > Math.PI / 6) continue;
      const cand = scoreQuad(
        [intersect(a, c), intersect(c, b), intersect(b, d), intersect(d, a)],
        g,
        edges,
      );
      if (cand && (!best || cand.score > best.score)) best = cand;
    }
  }
  return best;
};

const scoreQuad = (pts: (Point | null)[], g: Gradient, edges: Uint8Array): Candidate | null => {
  if (pts.some((p) => p === null)) return null;
  const corners = pts as Point[];
  const { width: w, height: h } = g;
  const margin = 0.04 * Math.max(w, h);
  if (corners.some((p) => p.x < -margin || p.y < -margin || p.x > w + margin || p.y > h + margin))
    return null;
  if (!isConvex(corners) || polygonArea(corners) < 0.03 * w * h) return null;
  const len = corners.map((p, k) =>
    Math.hypot(corners[(k + 1) % 4]!.x - p.x, corners[(k + 1) % 4]!.y - p.y),
  );
  const sideA = (len[0]! + len[2]!) / 2;
  const sideB = (len[1]! + len[3]!) / 2;
  const aspect = Math.max(sideA, sideB) / Math.min(sideA, sideB);
  if (aspect < 1.35 || aspect > 2.1) return null;
  const fr = corners.map((p, k) => sideSupport(p, corners[(k + 1) % 4]!, g, edges));
  if (Math.min(...fr) < 0.3) return null;
  const support = fr.reduce((s, f) => s + f, 0) / 4;
  const score =
    fr.reduce((s, f, k) => s + f * len[k]!, 0) * (1 - Math.abs(aspect - CARD_ASPECT) / 2);
  return { corners, score, support };
};

const isConvex = (p: Point[]) => {
  let sign = 0;
  for (let k = 0; k < 4; k++) {
    const a = p[k]!;
    const b = p[(k + 1) % 4]!;
    const c = p[(k + 2) % 4]!;
    const z = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
    if (z === 0 || (sign !== 0 && Math.sign(z) !== sign)) return false;
    sign = Math.sign(z);
  }
  return true;
};

// Fraction of samples along the inner 80 % of a side that have an aligned edge pixel within 2 px.
const sideSupport = (p: Point, q: Point, g: Gradient, edges: Uint8Array) => {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const len = Math.hypot(dx, dy);
  const nx = -dy / len;
  const ny = dx / len;
  const n = Math.max(8, Math.floor(len / 2));
  let hits = 0;
  for (let k = 0; k < n; k++) {
    const t = 0.1 + (0.8 * (k + 0.5)) / n;
    if (hasEdge(p.x + dx * t, p.y + dy * t, nx, ny, g, edges)) hits++;
  }
  return hits / n;
};

const hasEdge = (x: number, y: number, nx: number, ny: number, g: Gradient, edges: Uint8Array) => {
  for (let o = -2; o <= 2; o++) {
    const xi = Math.round(x + nx * o);
    const yi = Math.round(y + ny * o);
    if (xi < 0 || yi < 0 || xi >= g.width || yi >= g.height) continue;
    const i = yi * g.width + xi;
    if (!edges[i]) continue;
    const cosAngle = Math.abs(g.gx[i]! * nx + g.gy[i]! * ny) / (g.mag[i]! || 1);
    if (cosAngle > 0.9) return true;
  }
  return false;
};

/** Clockwise on screen, starting at the corner where the upper long side begins. */
export const orderCard = (pts: Point[]): Quad => {
  const cx = pts.reduce((s, p) => s + p.x, 0) / 4;
  const cy = pts.reduce((s, p) => s + p.y, 0) / 4;
  const cw = [...pts].sort(
    (a, b) => Math.atan2(a.y - cy, a.x - cx) - Math.atan2(b.y - cy, b.x - cx),
  );
  const len = (k: number) =>
    Math.hypot(cw[(k + 1) % 4]!.x - cw[k]!.x, cw[(k + 1) % 4]!.y - cw[k]!.y);
  const longFirst = len(0) + len(2) >= len(1) + len(3) ? 0 : 1;
  // Of the two long sides, the top one runs left to right on screen.
  const a = cw[longFirst]!;
  const b = cw[(longFirst + 1) % 4]!;
  const start = b.x - a.x > 0 || (b.x === a.x && b.y < a.y) ? longFirst : longFirst + 2;
  const at = (k: number) => cw[(start + k) % 4]!;
  return [at(0), at(1), at(2), at(3)];
};

const outsideBy = (quad: Quad, img: RgbImage) => {
  const long = Math.hypot(quad[1].x - quad[0].x, quad[1].y - quad[0].y) || 1;
  let worst = 0;
  for (const p of quad) {
    const o = Math.max(-p.x, -p.y, p.x - img.width, p.y - img.height, 0);
    worst = Math.max(worst, o);
  }
  return worst / long;
};
