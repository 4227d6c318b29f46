/**
 * PP-OCR mobile v2.0 direction classifier: is a text strip upright (0°) or upside down
 * (180°)? Input 3×48×192, normalised like recognition.
 */
import type { ort } from './models.ts';
import { type RgbImage, resizeRgb } from './raster.ts';
import { stripsTensor } from './rec.ts';

const H = 48;
const W = 192;

/** Probability that each strip is upside down. */
export const upsideDownProbabilities = async (
  session: ort.InferenceSession,
  strips: readonly RgbImage[],
): Promise<number[]> => {
  if (strips.length === 0) return [];
  const fitted = strips.map((s) => {
    const w = Math.max(1, Math.min(W, Math.round((H * s.width) / s.height)));
    return resizeRgb(s, w, H);
  });
  const out = await session.run({ [session.inputNames[0]!]: stripsTensor(fitted, W) });
  const data = out[session.outputNames[0]!]!.data as Float32Array;
  return fitted.map((_, i) => data[i * 2 + 1]!);
};
