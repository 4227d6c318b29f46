/**
 * Plane geometry for the OCR pipeline: homographies from four point pairs, convex hulls,
 * minimum-area rectangles (rotating calipers) and quadrilateral ordering.
 */

export interface Point {
  x: number;
  y: number;
}

/** Four corners in order: top-left, top-right, bottom-right, bottom-left. */
export type Quad = readonly [Point, Point, Point, Point];

/** Row-major 3×3 matrix `[a b c; d e f; g h k]` mapping (x, y, 1). */
export type Homography = readonly [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

export const applyHomography = (m: Homography, p: Point): Point => {
  const w = m[6] * p.x + m[7] * p.y + m[8];
  return { x: (m[0] * p.x + m[1] * p.y + m[2]) / w, y: (m[3] * p.x + m[4] * p.y + m[5]) / w };
};

/** The homography taking `from[i]` to `to[i]` (i = 0..3); throws on a degenerate quad. */
export const homographyFromQuads = (from: Quad, to: Quad): Homography => {
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i]!;
    const { x: u, y: v } = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  const h = solve(a, b);
  return [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!, 1];
};

/** Gaussian elimination with partial pivoting. */
const solve = (a: number[][], b: number[]): number[] => {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-12) throw new Error('degenerate quadrilateral');
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
};

export const rectQuad = (width: number, height: number): Quad => [
  { x: 0, y: 0 },
  { x: width, y: 0 },
  { x: width, y: height },
  { x: 0, y: height },
];

export const dist = (p: Point, q: Point) => Math.hypot(p.x - q.x, p.y - q.y);

const cross = (o: Point, a: Point, b: Point) =>
  (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Andrew's monotone chain; counter-clockwise in image coordinates' y-down sense. */
export const convexHull = (points: Point[]): Point[] => {
  const pts = [...points].sort((p, q) => p.x - q.x || p.y - q.y);
  if (pts.length <= 2) return pts;
  const lower: Point[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower.at(-2)!, lower.at(-1)!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (const p of pts.reverse()) {
    while (upper.length >= 2 && cross(upper.at(-2)!, upper.at(-1)!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
};

export interface RotatedRect {
  center: Point;
  /** Along the rectangle's x axis (angle `angle`). */
  width: number;
  height: number;
  /** Radians. */
  angle: number;
}

/** Minimum-area enclosing rectangle of a point set (rotating calipers over the hull edges). */
export const minAreaRect = (points: Point[]): RotatedRect => {
  const hull = convexHull(points);
  if (hull.length === 1) return { center: hull[0]!, width: 0, height: 0, angle: 0 };
  let best: RotatedRect = { center: { x: 0, y: 0 }, width: 0, height: 0, angle: 0 };
  let bestArea = Number.POSITIVE_INFINITY;
  for (let i = 0; i < hull.length; i++) {
    const p = hull[i]!;
    const q = hull[(i + 1) % hull.length]!;
    const angle = Math.atan2(q.y - p.y, q.x - p.x);
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    let minU = Infinity;
    let maxU = -Infinity;
    let minV = Infinity;
    let maxV = -Infinity;
    for (const h of hull) {
      const u = h.x * c + h.y * s;
      const v = -h.x * s + h.y * c;
      if (u < minU) minU = u;
      if (u > maxU) maxU = u;
      if (v < minV) minV = v;
      if (v > maxV) maxV = v;
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea) {
      bestArea = area;
      const cu = (minU + maxU) / 2;
      const cv = (minV + maxV) / 2;
      best = {
        center: { x: cu * c - cv * s, y: cu * s + cv * c },
        width: maxU - minU,
        height: maxV - minV,
        angle,
      };
    }
  }
  return best;
};

/** Corners of a rotated rectangle, ordered as a `Quad` with the long side horizontal-ish. */
export const rectCorners = (r: RotatedRect): Quad => {
  const c = Math.cos(r.angle);
  const s = Math.sin(r.angle);
  const hw = r.width / 2;
  const hh = r.height / 2;
  const pts = [
    [-hw, -hh],
    [hw, -hh],
    [hw, hh],
    [-hw, hh],
  ].map(([u, v]) => ({ x: r.center.x + u! * c - v! * s, y: r.center.y + u! * s + v! * c }));
  return orderQuad(pts);
};

/**
 * Orders four corners as TL, TR, BR, BL by angle around the centroid, starting from the corner
 * whose top edge is the one whose midpoint is highest (PaddleOCR's order_points_clockwise idea).
 */
export const orderQuad = (pts: Point[]): Quad => {
  const cx = pts.reduce((s, p) => s + p.x, 0) / pts.length;
  const cy = pts.reduce((s, p) => s + p.y, 0) / pts.length;
  const sorted = [...pts].sort(
    (p, q) => Math.atan2(p.y - cy, p.x - cx) - Math.atan2(q.y - cy, q.x - cx),
  );
  // sorted runs clockwise on screen starting near angle −π (left). The top edge is the highest
  // edge among those running left to right within ±45° of horizontal.
  let start = 0;
  let bestY = Infinity;
  for (let i = 0; i < 4; i++) {
    const p = sorted[i]!;
    const q = sorted[(i + 1) % 4]!;
    const midY = (p.y + q.y) / 2;
    if (q.x - p.x >= Math.abs(q.y - p.y) && midY < bestY) {
      bestY = midY;
      start = i;
    }
  }
  const at = (k: number) => sorted[(start + k) % 4]!;
  return [at(0), at(1), at(2), at(3)];
};

export const polygonArea = (pts: readonly Point[]): number => {
  let s = 0;
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i]!;
    const q = pts[(i + 1) % pts.length]!;
    s += p.x * q.y - q.x * p.y;
  }
  return Math.abs(s) / 2;
};
