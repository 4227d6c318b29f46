/**
 * Linzaer Ultra-Light-Fast-Generic-Face-Detector "version-RFB-320" (as re-exported in
 * faceplugin's fr_detect.onnx). Input: the whole image stretched to 320×240 (no letterbox),
 * RGB (x−127)/128. Outputs are already decoded: scores [1,N,2] softmax (bg, face) and boxes
 * [1,N,4] normalised x1,y1,x2,y2 (spec/models.md gotcha 13).
 */
import type { RgbImage } from '../../image/index.ts';
import { cropAffine, type Pyramid } from '../geometry.ts';
import { type ort, openSession, toNchw } from './onnx.ts';

export interface Detection {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  score: number;
}

const WIDTH = 320;
const HEIGHT = 240;

export class UltraFaceDetector {
  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly scoreThreshold: number,
    private readonly iouThreshold: number,
  ) {}

  static async load(file: string, scoreThreshold: number, iouThreshold: number) {
    return new UltraFaceDetector(await openSession(file), scoreThreshold, iouThreshold);
  }

  /** Faces in `pyramid.base` pixel coordinates, highest score first, after NMS. */
  async detect(pyramid: Pyramid): Promise<Detection[]> {
    const img: RgbImage = pyramid.base;
    const input = pyramid.warp(
      cropAffine({ x: 0, y: 0, width: img.width, height: img.height }, WIDTH, HEIGHT),
      WIDTH,
      HEIGHT,
    );
    const out = await this.session.run({ input: toNchw(input, 127, 128) });
    const scores = out.scores!.data as Float32Array;
    const boxes = out.boxes!.data as Float32Array;
    const found: Detection[] = [];
    for (let i = 0; i < scores.length / 2; i++) {
      const score = scores[i * 2 + 1]!;
      if (score < this.scoreThreshold) continue;
      found.push({
        x1: clamp(boxes[i * 4]! * img.width, img.width),
        y1: clamp(boxes[i * 4 + 1]! * img.height, img.height),
        x2: clamp(boxes[i * 4 + 2]! * img.width, img.width),
        y2: clamp(boxes[i * 4 + 3]! * img.height, img.height),
        score,
      });
    }
    return nms(found, this.iouThreshold);
  }
}

const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);

const iou = (a: Detection, b: Detection): number => {
  const w = Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1));
  const h = Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));
  const inter = w * h;
  const area = (d: Detection) => (d.x2 - d.x1) * (d.y2 - d.y1);
  return inter / (area(a) + area(b) - inter || 1);
};

/** Greedy hard NMS (the reference implementation's default). */
export const nms = (dets: Detection[], threshold: number): Detection[] => {
  const sorted = [...dets].sort((a, b) => b.score - a.score);
  const kept: Detection[] = [];
  for (const d of sorted) if (kept.every((k) => iou(k, d) <= threshold)) kept.push(d);
  return kept.filter((d) => d.x2 - d.x1 > 1 && d.y2 - d.y1 > 1);
};
