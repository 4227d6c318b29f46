/**
 * PP-OCRv4 recognition: each text quad is warped straight to a 48-pixel-high strip, strips are
 * normalised to [−1, 1] in BGR order (batches, when used, are zero-padded as Paddle does), then
 * CTC greedy decoding. Each emitted character keeps the runner-up class so that callers holding a
 * checksum (the ID number) can try the model's own second choice.
 */
import { type Homography, type Quad, dist, homographyFromQuads, rectQuad } from './geometry.ts';
import { ort } from './models.ts';
import { type RgbImage, warp } from './raster.ts';

export const REC_HEIGHT = 48;
const MAX_WIDTH = REC_HEIGHT * 30;
// One strip per run: card lines differ a lot in width (a sex character vs. an 18-digit number),
// so zero-padding them to a common width cost more than the per-run overhead saved (measured:
// rec 200 ms unbatched vs 290 ms in batches of 6 for a front, 1 thread).
const BATCH = 1;

export interface RecChar {
  char: string;
  prob: number;
  /** Runner-up character at the same time step ('' for blank) and its probability. */
  alt: string;
  altProb: number;
  /** Centre of the character along the strip, 0 (left end) .. 1 (right end). */
  pos: number;
}

export interface RecResult {
  text: string;
  /** Mean probability of the emitted characters (0 when empty). */
  score: number;
  chars: RecChar[];
}

/** Warps a text quad (TL, TR, BR, BL) to a strip `REC_HEIGHT` pixels high. */
export const cropLine = (img: RgbImage, quad: Quad): RgbImage => {
  const w = Math.max(dist(quad[0], quad[1]), dist(quad[3], quad[2]));
  const h = Math.max(dist(quad[0], quad[3]), dist(quad[1], quad[2]), 1);
  const width = Math.max(8, Math.min(MAX_WIDTH, Math.round((REC_HEIGHT * w) / h)));
  const toSource: Homography = homographyFromQuads(rectQuad(width, REC_HEIGHT), quad);
  return warp(img, toSource, width, REC_HEIGHT);
};

export const recognize = async (
  session: ort.InferenceSession,
  dict: readonly string[],
  strips: readonly RgbImage[],
): Promise<RecResult[]> => {
  const order = strips.map((_, i) => i).sort((a, b) => strips[a]!.width - strips[b]!.width);
  const results: RecResult[] = new Array(strips.length);
  for (let i = 0; i < order.length; i += BATCH) {
    const ids = order.slice(i, i + BATCH);
    const batch = ids.map((id) => strips[id]!);
    const decoded = await runBatch(session, dict, batch);
    ids.forEach((id, k) => {
      results[id] = decoded[k]!;
    });
  }
  return results;
};

const runBatch = async (
  session: ort.InferenceSession,
  dict: readonly string[],
  batch: RgbImage[],
): Promise<RecResult[]> => {
  const width = Math.max(...batch.map((s) => s.width));
  const tensor = stripsTensor(batch, width);
  const out = await session.run({ [session.inputNames[0]!]: tensor });
  const probs = out[session.outputNames[0]!]!;
  const [, steps, classes] = probs.dims as [number, number, number];
  const data = probs.data as Float32Array;
  // Time steps span the padded batch width; `stretch` maps them back onto each strip.
  return batch.map((strip, n) => {
    const slice = data.subarray(n * steps * classes, (n + 1) * steps * classes);
    return ctcDecode(slice, steps, classes, dict, width / strip.width);
  });
};

/** BGR, (v/255 − 0.5)/0.5, right-padded with zeros to `width`. */
export const stripsTensor = (batch: readonly RgbImage[], width: number): ort.Tensor => {
  const h = batch[0]!.height;
  const plane = h * width;
  const data = new Float32Array(batch.length * 3 * plane);
  batch.forEach((s, n) => {
    const base = n * 3 * plane;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < s.width; x++) {
        const i = (y * s.width + x) * 3;
        const o = y * width + x;
        data[base + o] = s.data[i + 2]! / 127.5 - 1;
        data[base + plane + o] = s.data[i + 1]! / 127.5 - 1;
        data[base + 2 * plane + o] = s.data[i]! / 127.5 - 1;
      }
    }
  });
  return new ort.Tensor('float32', data, [batch.length, 3, h, width]);
};

const ctcDecode = (
  p: Float32Array,
  steps: number,
  classes: number,
  dict: readonly string[],
  stretch: number,
): RecResult => {
  const chars: RecChar[] = [];
  let prev = -1;
  for (let t = 0; t < steps; t++) {
    const row = t * classes;
    // Top two non-blank classes; the step emits nothing when blank beats both.
    let first = 1;
    let second = 2;
    if (p[row + second]! > p[row + first]!) [first, second] = [second, first];
    for (let c = 3; c < classes; c++) {
      const v = p[row + c]!;
      if (v > p[row + first]!) {
        second = first;
        first = c;
      } else if (v > p[row + second]!) second = c;
    }
    const best = p[row]! >= p[row + first]! ? 0 : first;
    if (best !== 0 && best !== prev) {
      const pos = Math.min(1, ((t + 0.5) / steps) * stretch);
      chars.push({
        char: dict[best] ?? '',
        prob: p[row + best]!,
        alt: dict[second] ?? '',
        altProb: p[row + second]!,
        pos,
      });
    }
    prev = best;
  }
  const score = chars.length ? chars.reduce((s, c) => s + c.prob, 0) / chars.length : 0;
  return { text: chars.map((c) => c.char).join(''), score, chars };
};
