/**
 * The `clean` pack's landmark and descriptor nets from @vladmandic/face-api@1.7.15, on
 * TensorFlow.js with the WebAssembly backend (no native tfjs-node, no downloads). Weights
 * are read from the pack's files, never fetched (spec/models.md gotchas 7–9).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { RgbImage } from '../../image/index.ts';
import { cropAffine, type Point, type Pyramid } from '../geometry.ts';
import type { Detection } from './detector.ts';
import { fivePointsFrom68 } from './faceplugin.ts';
import { l2normalize } from './onnx.ts';

const require = createRequire(import.meta.url);

// biome-ignore lint/suspicious/noExplicitAny: face-api's node-wasm bundle ships no usable types here.
type FaceApi = any;
let faceapiReady: Promise<FaceApi> | undefined;

/** Loads tfjs + the wasm backend once per thread. */
const loadFaceApi = (): Promise<FaceApi> => {
  faceapiReady ??= (async () => {
    const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
    const wasm = require('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))}/`);
    await faceapi.tf.setBackend('wasm');
    await faceapi.tf.ready();
    return faceapi;
  })();
  return faceapiReady;
};

const loadNet = (faceapi: FaceApi, net: FaceApi, weights: string, manifest: string) => {
  const spec = JSON.parse(readFileSync(manifest, 'utf8'))[0].weights;
  net.loadFromWeightMap(faceapi.tf.io.decodeWeights(readFileSync(weights), spec));
  return net;
};

const toTensor = (faceapi: FaceApi, img: RgbImage) =>
  faceapi.tf.tensor3d(Int32Array.from(img.data), [img.height, img.width, 3], 'int32');

const LANDMARK_INPUT = 112;

/** Square crop around the detector box → face-api's 68-point net → 5 points. */
export class FaceApiLandmarks {
  private constructor(
    private readonly faceapi: FaceApi,
    private readonly net: FaceApi,
  ) {}

  static async load(weights: string, manifest: string) {
    const faceapi = await loadFaceApi();
    const net = new faceapi.FaceLandmark68Net();
    return new FaceApiLandmarks(faceapi, loadNet(faceapi, net, weights, manifest));
  }

  async locate(pyramid: Pyramid, det: Detection): Promise<Point[]> {
    const side = Math.max(det.x2 - det.x1, det.y2 - det.y1);
    const rect = {
      x: (det.x1 + det.x2) / 2 - side / 2,
      y: (det.y1 + det.y2) / 2 - side / 2,
      width: side,
      height: side,
    };
    const crop = pyramid.warp(cropAffine(rect, LANDMARK_INPUT, LANDMARK_INPUT), 112, 112);
    const tensor = toTensor(this.faceapi, crop);
    try {
      const result = await this.net.detectLandmarks(tensor);
      const k = side / LANDMARK_INPUT;
      const pts = result.positions.map((p: { x: number; y: number }) => ({
        x: rect.x + p.x * k,
        y: rect.y + p.y * k,
      }));
      return fivePointsFrom68(pts);
    } finally {
      tensor.dispose();
    }
  }
}

/**
 * dlib's 150×150 face chip with padding 0.25, as 5 target points derived from dlib's
 * mean face shape (get_face_chip_details): eye centres = mean of points 36–41 / 42–47,
 * nose tip 30, mouth corners 48 / 54, mapped by (m + 0.25) / 1.5 × 150.
 */
export const DLIB_TEMPLATE_150: readonly Point[] = [
  { x: 47.549, y: 46.599 },
  { x: 100.476, y: 46.599 },
  { x: 74.013, y: 76.563 },
  { x: 50.415, y: 103.023 },
  { x: 97.61, y: 103.023 },
];

/** dlib ResNet-29 descriptor (128-d), L2-normalised here so that cosine = dot product. */
export class DlibEmbedder {
  readonly template = DLIB_TEMPLATE_150;
  readonly size = 150;
  private constructor(
    private readonly faceapi: FaceApi,
    private readonly net: FaceApi,
  ) {}

  static async load(weights: string, manifest: string) {
    const faceapi = await loadFaceApi();
    const net = new faceapi.FaceRecognitionNet();
    return new DlibEmbedder(faceapi, loadNet(faceapi, net, weights, manifest));
  }

  async embed(aligned150: RgbImage): Promise<Float32Array> {
    const tensor = toTensor(this.faceapi, aligned150);
    try {
      return l2normalize(await this.net.computeFaceDescriptor(tensor));
    } finally {
      tensor.dispose();
    }
  }
}
