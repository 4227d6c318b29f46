/**
 * Straight-line candidates for the card's border: an orientation-constrained Hough transform
 * (each thinned edge pixel votes only near its own gradient direction), then peak picking.
 * A line is `x·cosθ + y·sinθ = ρ`.
 */
import type { Gradient } from './edges.ts';

export interface Line {
  theta: number;
  rho: number;
  votes: number;
}

const THETA_BINS = 180;
const SPREAD = 2;

export const houghLines = (
  g: Gradient,
  edges: Uint8Array,
  maxLines: number,
  minVotes: number,
): Line[] => {
  const { width: w, height: h, gx, gy, mag } = g;
  const diag = Math.ceil(Math.hypot(w, h));
  const rhoBins = 2 * diag + 1;
  const acc = new Float32Array(THETA_BINS * rhoBins);
  const cos = Float64Array.from({ length: THETA_BINS }, (_, t) =>
    Math.cos((t * Math.PI) / THETA_BINS),
  );
  const sin = Float64Array.from({ length: THETA_BINS }, (_, t) =>
    Math.sin((t * Math.PI) / THETA_BINS),
  );
  // Cap each pixel's weight so that high-contrast print inside the card does not drown a soft border.
  let cap = 0;
  for (let i = 0; i < edges.length; i++) if (edges[i] && mag[i]! > cap) cap = mag[i]!;
  cap *= 0.35;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (!edges[i]) continue;
      let phi = Math.atan2(gy[i]!, gx[i]!);
      if (phi < 0) phi += Math.PI;
      const t0 = Math.round((phi * THETA_BINS) / Math.PI);
      const weight = Math.min(mag[i]!, cap);
      for (let dt = -SPREAD; dt <= SPREAD; dt++) {
        const t = (((t0 + dt) % THETA_BINS) + THETA_BINS) % THETA_BINS;
        const rho = Math.round(x * cos[t]! + y * sin[t]!) + diag;
        acc[t * rhoBins + rho]! += weight;
      }
    }
  }
  return peaks(acc, rhoBins, diag, maxLines, minVotes * cap);
};

const peaks = (
  acc: Float32Array,
  rhoBins: number,
  diag: number,
  maxLines: number,
  minVotes: number,
): Line[] => {
  const found: Line[] = [];
  const order: number[] = [];
  for (let i = 0; i < acc.length; i++) if (acc[i]! >= minVotes) order.push(i);
  order.sort((a, b) => acc[b]! - acc[a]!);
  for (const i of order) {
    const t = Math.floor(i / rhoBins);
    const theta = (t * Math.PI) / THETA_BINS;
    const rho = (i % rhoBins) - diag;
    if (found.some((l) => near(l, theta, rho))) continue;
    found.push({ theta, rho, votes: acc[i]! });
    if (found.length >= maxLines) break;
  }
  return found;
};

// Two (θ, ρ) pairs describe nearly the same line, including across the θ = 0/π wrap.
const near = (l: Line, theta: number, rho: number) => {
  let dt = Math.abs(l.theta - theta);
  let dr = Math.abs(l.rho - rho);
  if (dt > Math.PI / 2) {
    dt = Math.PI - dt;
    dr = Math.abs(l.rho + rho);
  }
  return dt < (4 * Math.PI) / 180 && dr < 8;
};
