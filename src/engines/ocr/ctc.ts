/**
 * Scores candidate strings against one recognised strip with the CTC forward algorithm:
 * log P(candidate | strip), summed over every alignment. Used where the answer comes from a
 * closed list (the 56 nation names): the model's own probabilities pick the candidate, so a
 * rare character the greedy decoder dropped can still be read.
 */
import type { ort } from './models.ts';
import type { RgbImage } from './raster.ts';
import { stripsTensor } from './rec.ts';

export interface CandidateScore {
  text: string;
  /** Natural log of the CTC probability; −Infinity when a character is not in the dictionary. */
  logProb: number;
}

export const scoreCandidates = async (
  session: ort.InferenceSession,
  index: ReadonlyMap<string, number>,
  strip: RgbImage,
  candidates: readonly string[],
): Promise<CandidateScore[]> => {
  const out = await session.run({ [session.inputNames[0]!]: stripsTensor([strip], strip.width) });
  const probs = out[session.outputNames[0]!]!;
  const [, steps, classes] = probs.dims as [number, number, number];
  const p = probs.data as Float32Array;
  return candidates.map((text) => {
    const labels = [...text].map((c) => index.get(c) ?? -1);
    const logProb = labels.includes(-1)
      ? Number.NEGATIVE_INFINITY
      : forward(p, steps, classes, labels);
    return { text, logProb };
  });
};

const logAdd = (a: number, b: number) => {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  const m = Math.max(a, b);
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
};

/** CTC forward pass over the blank-interleaved label sequence (blank = class 0): log P(labels). */
export const forward = (
  p: Float32Array,
  steps: number,
  classes: number,
  labels: number[],
): number => {
  const ext = [0];
  for (const l of labels) ext.push(l, 0);
  const S = ext.length;
  const lp = (t: number, c: number) => Math.log(Math.max(p[t * classes + c]!, 1e-30));
  let alpha = new Array<number>(S).fill(Number.NEGATIVE_INFINITY);
  alpha[0] = lp(0, ext[0]!);
  if (S > 1) alpha[1] = lp(0, ext[1]!);
  for (let t = 1; t < steps; t++) {
    const next = new Array<number>(S).fill(Number.NEGATIVE_INFINITY);
    for (let s = 0; s < S; s++) {
      let a = alpha[s]!;
      if (s > 0) a = logAdd(a, alpha[s - 1]!);
      if (s > 1 && ext[s] !== 0 && ext[s] !== ext[s - 2]) a = logAdd(a, alpha[s - 2]!);
      next[s] = a + lp(t, ext[s]!);
    }
    alpha = next;
  }
  return logAdd(alpha[S - 1]!, S > 1 ? alpha[S - 2]! : Number.NEGATIVE_INFINITY);
};
