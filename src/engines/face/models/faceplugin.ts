/**
 * The faceplugin-face-recognition-js@0.0.1 ONNX models: 68-point landmarks, the 512-d
 * MobileFaceNet embedder and the MiniFASNet-style passive liveness. Pre-processing follows
 * the vendor's JavaScript (lib/fr_landmark.js, lib/fr_liveness.js) and spec/models.md §3.
 */
import type { RgbImage } from '../../image/index.ts';
import { cropAffine, type Point, type Pyramid, toGray } from '../geometry.ts';
import type { Detection } from './detector.ts';
import { l2normalize, ort, openSession, softmax, toNchw } from './onnx.ts';

/** 68-point indices → 5 points: eye centres (36–41, 42–47), nose tip 30, mouth corners 48/54. */
export const fivePointsFrom68 = (pts: Point[]): Point[] => {
  const mean = (from: number, to: number) => {
    const slice = pts.slice(from, to + 1);
    return {
      x: slice.reduce((s, p) => s + p.x, 0) / slice.length,
      y: slice.reduce((s, p) => s + p.y, 0) / slice.length,
    };
  };
  return [mean(36, 41), mean(42, 47), pts[30]!, pts[48]!, pts[54]!];
};

/** Box (clamped inside the image) → 64×64 grey /256 → 136 box-relative coordinates. */
export class FacepluginLandmarks {
  private constructor(private readonly session: ort.InferenceSession) {}

  static async load(file: string) {
    return new FacepluginLandmarks(await openSession(file));
  }

  async locate(pyramid: Pyramid, det: Detection): Promise<Point[]> {
    const rect = { x: det.x1, y: det.y1, width: det.x2 - det.x1, height: det.y2 - det.y1 };
    const crop = pyramid.warp(cropAffine(rect, 64, 64), 64, 64);
    const gray = toGray(crop).map((v) => v / 256);
    const out = await this.session.run({ input: new ort.Tensor('float32', gray, [1, 1, 64, 64]) });
    const v = out.output!.data as Float32Array;
    const pts: Point[] = [];
    for (let i = 0; i < 68; i++) {
      pts.push({ x: rect.x + v[i * 2]! * rect.width, y: rect.y + v[i * 2 + 1]! * rect.height });
    }
    return fivePointsFrom68(pts);
  }
}

/** 112×112 ArcFace-aligned RGB, (x−127)/128 → 512-d, L2-normalised here. */
export class MobileFaceNetEmbedder {
  private constructor(private readonly session: ort.InferenceSession) {}

  static async load(file: string) {
    return new MobileFaceNetEmbedder(await openSession(file));
  }

  async embed(aligned112: RgbImage): Promise<Float32Array> {
    const out = await this.session.run({ input: toNchw(aligned112, 127, 128) });
    return l2normalize(out.output!.data as Float32Array);
  }
}

/**
 * Crop = detector box scaled ×2.7 about its centre (less if the image is too small), shifted
 * inside the image; 128×128 raw RGB 0–255; softmax over 3 classes, class 0 = live.
 */
export class MiniFasLiveness {
  private constructor(private readonly session: ort.InferenceSession) {}

  static async load(file: string) {
    return new MiniFasLiveness(await openSession(file));
  }

  async score(pyramid: Pyramid, det: Detection): Promise<number> {
    const rect = livenessRect(det, pyramid.base.width, pyramid.base.height, 2.7);
    const crop = pyramid.warp(cropAffine(rect, 128, 128), 128, 128);
    const out = await this.session.run({ input: toNchw(crop, 0, 1) });
    return softmax(out.output!.data as Float32Array)[0]!;
  }
}

export const livenessRect = (det: Detection, w: number, h: number, factor: number) => {
  const bw = det.x2 - det.x1;
  const bh = det.y2 - det.y1;
  const scale = Math.min((h - 1) / bh, (w - 1) / bw, factor);
  const nw = bw * scale;
  const nh = bh * scale;
  let x = det.x1 + bw / 2 - nw / 2;
  let y = det.y1 + bh / 2 - nh / 2;
  x = Math.min(Math.max(x, 0), w - 1 - nw);
  y = Math.min(Math.max(y, 0), h - 1 - nh);
  return { x: Math.max(0, x), y: Math.max(0, y), width: nw, height: nh };
};
