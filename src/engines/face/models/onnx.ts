import ort from 'onnxruntime-node';
import type { RgbImage } from '../../image/index.ts';

export { ort };

/**
 * One ONNX session per model per worker. One intra-op thread: the pool runs one worker per
 * core, so more threads per session would only oversubscribe the CPU (spec/models.md §2).
 */
export const openSession = (file: string, threads = 1): Promise<ort.InferenceSession> =>
  ort.InferenceSession.create(file, {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  });

/** RGB HWC bytes → float NCHW tensor with `(v - mean) / std` per value. */
export const toNchw = (img: RgbImage, mean: number, std: number): ort.Tensor => {
  const plane = img.width * img.height;
  const out = new Float32Array(plane * 3);
  for (let i = 0; i < plane; i++) {
    out[i] = (img.data[i * 3]! - mean) / std;
    out[plane + i] = (img.data[i * 3 + 1]! - mean) / std;
    out[2 * plane + i] = (img.data[i * 3 + 2]! - mean) / std;
  }
  return new ort.Tensor('float32', out, [1, 3, img.height, img.width]);
};

export const l2normalize = (v: Float32Array): Float32Array => {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum) || 1;
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i]! / norm;
  return out;
};

export const softmax = (logits: ArrayLike<number>): number[] => {
  const max = Math.max(...Array.from(logits));
  const exps = Array.from(logits, (x) => Math.exp(x - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
};
