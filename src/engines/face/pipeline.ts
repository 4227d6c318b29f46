/**
 * One pack's models, loaded once, and the analysis of one photo:
 * decode → detect → landmarks (5 points) → similarity alignment → quality → embedding →
 * optional liveness. Runs inside a pool worker (see pool.ts); usable directly in scripts.
 */
import { type DecodeLimits, decodeImage, type RgbImage } from '../image/index.ts';
import { fitSimilarity, invertAffine, type Point, Pyramid } from './geometry.ts';
import { type Detection, UltraFaceDetector } from './models/detector.ts';
import { DlibEmbedder, FaceApiLandmarks } from './models/faceapi.ts';
import {
  FacepluginLandmarks,
  MiniFasLiveness,
  MobileFaceNetEmbedder,
} from './models/faceplugin.ts';
import type { ResolvedPack } from './pack.ts';
import { ARCFACE_TEMPLATE_112, gate, measureQuality } from './quality.ts';
import type { AnalyzeOptions, FaceAnalysis, FaceBox, LivenessResult } from './types.ts';

interface Landmarker {
  locate(pyramid: Pyramid, det: Detection): Promise<Point[]>;
}

export class FacePipeline {
  private constructor(
    readonly pack: ResolvedPack,
    private readonly detector: UltraFaceDetector,
    private readonly landmarks: Landmarker,
    private readonly embedder: MobileFaceNetEmbedder | DlibEmbedder,
    private readonly liveness: MiniFasLiveness | undefined,
    private readonly limits: Partial<DecodeLimits>,
  ) {}

  static async load(pack: ResolvedPack, limits: Partial<DecodeLimits> = {}): Promise<FacePipeline> {
    const { detector: d, landmarks: l, embedder: e, liveness: v } = pack;
    return new FacePipeline(
      pack,
      await UltraFaceDetector.load(d.file, d.scoreThreshold, d.iouThreshold),
      l.kind === 'faceplugin-68'
        ? await FacepluginLandmarks.load(l.file)
        : await FaceApiLandmarks.load(l.weights, l.manifest),
      e.kind === 'mobilefacenet-512'
        ? await MobileFaceNetEmbedder.load(e.file)
        : await DlibEmbedder.load(e.weights, e.manifest),
      v ? await MiniFasLiveness.load(v.file) : undefined,
      limits,
    );
  }

  async analyze(input: Uint8Array, opts: AnalyzeOptions = {}): Promise<FaceAnalysis> {
    const timingsMs: Record<string, number> = {};
    const time = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      const t0 = performance.now();
      try {
        return await fn();
      } finally {
        timingsMs[name] = Math.round((performance.now() - t0) * 10) / 10;
      }
    };
    const base = { pack: this.pack.name, timingsMs };
    const decoded = await time('decode', () => decodeImage(input, this.limits));
    if (!decoded.ok) {
      return { ...base, outcome: decoded.code, faces: [], liveness: notRun('no_face') };
    }
    const { pyramid, dets, offset } = await time('detect', () => this.detect(decoded.image));
    const faces = dets.map((d) => toBox(d, decoded.scale, offset));
    const primary = dets[0];
    if (!primary) return { ...base, outcome: 'no_face', faces, liveness: notRun('no_face') };
    const five = await time('landmarks', () => this.landmarks.locate(pyramid, primary));
    const aligned = pyramid.warp(invertAffine(fitSimilarity(five, ARCFACE_TEMPLATE_112)), 112, 112);
    const quality = measureQuality(aligned, five, primary);
    const embedding = await time('embed', () => this.embed(pyramid, five, aligned));
    const liveness = await time('liveness', () => this.scoreLiveness(pyramid, primary, opts));
    const outcome = gate(dets, quality, this.pack.quality) ?? 'ok';
    const landmarks = five.map((p) => ({
      x: (p.x - offset) * decoded.scale,
      y: (p.y - offset) * decoded.scale,
    }));
    const face = { box: faces[0]!, landmarks, quality, embedding };
    return { ...base, outcome, faces, face, liveness };
  }

  /**
   * Detects on the image; if nothing is found or the largest face touches the frame, once
   * more on a grey-padded copy, because the detector misses or mis-boxes faces that fill the
   * frame (tight crops, ID-card portraits; spec/models.md gotcha 14).
   */
  private async detect(image: RgbImage) {
    const bySize = (a: Detection, b: Detection) =>
      (b.x2 - b.x1) * (b.y2 - b.y1) - (a.x2 - a.x1) * (a.y2 - a.y1);
    const plain = new Pyramid(image);
    const dets = (await this.detector.detect(plain)).sort(bySize);
    if (dets[0] && !fillsFrame(dets[0], image)) return { pyramid: plain, dets, offset: 0 };
    const offset = Math.round(Math.max(image.width, image.height) * PAD_RATIO);
    const padded = new Pyramid(pad(image, offset));
    const retry = (await this.detector.detect(padded)).sort(bySize);
    if (retry.length === 0 && dets.length > 0) return { pyramid: plain, dets, offset: 0 };
    return { pyramid: padded, dets: retry, offset };
  }

  private embed(pyramid: Pyramid, five: Point[], aligned112: RgbImage) {
    if (this.embedder instanceof MobileFaceNetEmbedder) return this.embedder.embed(aligned112);
    const { template, size } = this.embedder;
    const chip = pyramid.warp(invertAffine(fitSimilarity(five, template)), size, size);
    return this.embedder.embed(chip);
  }

  private async scoreLiveness(
    pyramid: Pyramid,
    det: Detection,
    opts: AnalyzeOptions,
  ): Promise<LivenessResult> {
    if (!opts.liveness) return notRun('not_requested');
    if (opts.role !== 'selfie') return notRun('portrait');
    if (!this.liveness || !this.pack.liveness) return notRun('no_model');
    const score = await this.liveness.score(pyramid, det);
    const threshold = this.pack.liveness.threshold;
    return { status: 'scored', score, threshold, risk: score >= threshold ? 'low' : 'high' };
  }
}

const notRun = (reason: 'not_requested' | 'portrait' | 'no_model' | 'no_face'): LivenessResult => ({
  status: 'not_run',
  reason,
});

const PAD_RATIO = 0.3;

// A face box this close to the frame, or this large a share of it, is unreliable.
const fillsFrame = (d: Detection, img: RgbImage) =>
  d.x1 <= 1 ||
  d.y1 <= 1 ||
  d.x2 >= img.width - 1 ||
  d.y2 >= img.height - 1 ||
  d.y2 - d.y1 > 0.6 * img.height ||
  d.x2 - d.x1 > 0.6 * img.width;

/** Surrounds the image with `by` pixels of mid grey on every side. */
const pad = (img: RgbImage, by: number): RgbImage => {
  const width = img.width + 2 * by;
  const height = img.height + 2 * by;
  const data = new Uint8Array(width * height * 3).fill(128);
  for (let y = 0; y < img.height; y++) {
    const from = img.data.subarray(y * img.width * 3, (y + 1) * img.width * 3);
    data.set(from, ((y + by) * width + by) * 3);
  }
  return { data, width, height };
};

const toBox = (d: Detection, scale: number, offset: number): FaceBox => ({
  x: (d.x1 - offset) * scale,
  y: (d.y1 - offset) * scale,
  width: (d.x2 - d.x1) * scale,
  height: (d.y2 - d.y1) * scale,
  score: d.score,
});
