/**
 * PP-OCRv4 DB text detection: resize so the long side is at most `maxSide` (multiples of 32),
 * ImageNet-normalise in BGR order (spec/models.md §5 gotcha 5), run, then the DB post-process:
 * threshold → 8-connected components → mean-probability score → minimum-area rectangle →
 * unclip by area·ratio/perimeter (PaddleOCR's defaults 0.3 / 0.6 / 1.5).
 */
import { type Point, type Quad, minAreaRect, rectCorners } from './geometry.ts';
import { ort } from './models.ts';
import { type RgbImage, resizeRgb } from './raster.ts';

export interface DetectOptions {
  maxSide: number;
  binaryThreshold: number;
  boxThreshold: number;
  unclipRatio: number;
  /** Boxes whose short side is below this many pixels (in input coordinates) are dropped. */
  minSize: number;
}

export const DEFAULT_DETECT: DetectOptions = Object.freeze({
  maxSide: 960,
  binaryThreshold: 0.3,
  boxThreshold: 0.6,
  unclipRatio: 1.5,
  minSize: 4,
});

export interface TextBox {
  quad: Quad;
  score: number;
}

// BGR order: Paddle reads with cv2. ImageNet statistics listed as B, G, R.
const MEAN = [0.406, 0.456, 0.485];
const STD = [0.225, 0.224, 0.229];

export const detectText = async (
  session: ort.InferenceSession,
  img: RgbImage,
  options: Partial<DetectOptions> = {},
): Promise<TextBox[]> => {
  const opt = { ...DEFAULT_DETECT, ...options };
  const scale = Math.min(1, opt.maxSide / Math.max(img.width, img.height));
  const w = Math.max(32, Math.round((img.width * scale) / 32) * 32);
  const h = Math.max(32, Math.round((img.height * scale) / 32) * 32);
  const input = w === img.width && h === img.height ? img : resizeRgb(img, w, h);
  const feeds = { [session.inputNames[0]!]: toTensor(input) };
  const out = await session.run(feeds);
  const prob = out[session.outputNames[0]!]!.data as Float32Array;
  const boxes = postProcess(prob, w, h, opt);
  const sx = img.width / w;
  const sy = img.height / h;
  return boxes.map((b) => ({
    score: b.score,
    quad: b.quad.map((p) => ({ x: p.x * sx, y: p.y * sy })) as unknown as Quad,
  }));
};

const toTensor = (img: RgbImage): ort.Tensor => {
  const plane = img.width * img.height;
  const data = new Float32Array(plane * 3);
  const d = img.data;
  for (let i = 0; i < plane; i++) {
    data[i] = (d[i * 3 + 2]! / 255 - MEAN[0]!) / STD[0]!;
    data[plane + i] = (d[i * 3 + 1]! / 255 - MEAN[1]!) / STD[1]!;
    data[2 * plane + i] = (d[i * 3]! / 255 - MEAN[2]!) / STD[2]!;
  }
  return new ort.Tensor('float32', data, [1, 3, img.height, img.width]);
};

const postProcess = (prob: Float32Array, w: number, h: number, opt: DetectOptions): TextBox[] => {
  const label = new Int32Array(w * h);
  const stack = new Int32Array(w * h);
  const boxes: TextBox[] = [];
  let next = 0;
  for (let start = 0; start < w * h; start++) {
    if (label[start] !== 0 || prob[start]! <= opt.binaryThreshold) continue;
    next++;
    const comp = flood(prob, label, stack, w, h, start, next, opt.binaryThreshold);
    if (comp.count < 6 || comp.sum / comp.count < opt.boxThreshold) continue;
    const box = unclip(comp.edge, opt.unclipRatio);
    if (Math.min(box.width, box.height) < opt.minSize) continue;
    boxes.push({ quad: rectCorners(box), score: comp.sum / comp.count });
  }
  return boxes;
};

interface Component {
  count: number;
  sum: number;
  /** The leftmost and rightmost pixel corners of every row: enough for the convex hull. */
  edge: Point[];
}

const flood = (
  prob: Float32Array,
  label: Int32Array,
  stack: Int32Array,
  w: number,
  h: number,
  start: number,
  id: number,
  thr: number,
): Component => {
  let top = 0;
  stack[top++] = start;
  label[start] = id;
  let count = 0;
  let sum = 0;
  const rowMin = new Map<number, number>();
  const rowMax = new Map<number, number>();
  while (top > 0) {
    const i = stack[--top]!;
    const x = i % w;
    const y = (i - x) / w;
    count++;
    sum += prob[i]!;
    if (!(rowMin.get(y)! <= x)) rowMin.set(y, x);
    if (!(rowMax.get(y)! >= x)) rowMax.set(y, x);
    for (let dy = -1; dy <= 1; dy++) {
      const yy = y + dy;
      if (yy < 0 || yy >= h) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx;
        if (xx < 0 || xx >= w) continue;
        const j = yy * w + xx;
        if (label[j] !== 0 || prob[j]! <= thr) continue;
        label[j] = id;
        stack[top++] = j;
      }
    }
  }
  const edge: Point[] = [];
  for (const [y, x] of rowMin) {
    const x2 = rowMax.get(y)! + 1;
    edge.push({ x, y }, { x, y: y + 1 }, { x: x2, y }, { x: x2, y: y + 1 });
  }
  return { count, sum, edge };
};

// PaddleOCR unclips the shrunk kernel polygon by distance = area × ratio / perimeter.
const unclip = (edge: Point[], ratio: number) => {
  const r = minAreaRect(edge);
  const d = (r.width * r.height * ratio) / (2 * (r.width + r.height) || 1);
  return { ...r, width: r.width + 2 * d, height: r.height + 2 * d };
};
