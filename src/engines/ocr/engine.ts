/**
 * The OCR models of one worker: detection, direction and recognition sessions, loaded once.
 * `readLines` runs det → crop → rec on an RGB image and returns lines in reading order.
 */
import { upsideDownProbabilities } from './cls.ts';
import { type CandidateScore, scoreCandidates } from './ctc.ts';
import { type DetectOptions, detectText } from './det.ts';
import type { Quad } from './geometry.ts';
import {
  type OcrModelFiles,
  defaultModelFiles,
  loadDictionary,
  openSession,
  type ort,
} from './models.ts';
import type { RgbImage } from './raster.ts';
import { type RecChar, cropLine, recognize } from './rec.ts';

/** A recognised character with its approximate centre in image coordinates. */
export interface LineChar extends RecChar {
  x: number;
  y: number;
}

export interface TextLine {
  quad: Quad;
  text: string;
  /** Mean character probability. */
  score: number;
  chars: LineChar[];
  /** Centre and height in image coordinates, for layout rules. */
  cx: number;
  cy: number;
  height: number;
  left: number;
  right: number;
}

export interface OcrLoadOptions {
  files?: Partial<OcrModelFiles>;
  /** Intra-op threads per session (1 when each core has its own worker). */
  threads?: number;
}

export class OcrModels {
  private index?: Map<string, number>;

  private constructor(
    private readonly det: ort.InferenceSession,
    private readonly rec: ort.InferenceSession,
    private readonly cls: ort.InferenceSession,
    readonly dictionary: readonly string[],
  ) {}

  static async load(options: OcrLoadOptions = {}): Promise<OcrModels> {
    const files = { ...defaultModelFiles(), ...options.files };
    const threads = options.threads ?? 1;
    const [det, rec, cls] = await Promise.all([
      openSession(files.detection, threads),
      openSession(files.recognition, threads),
      openSession(files.direction, threads),
    ]);
    return new OcrModels(det, rec, cls, loadDictionary(files.dictionary));
  }

  /** Text boxes only (used to judge orientation before reading). */
  detect(img: RgbImage, options: Partial<DetectOptions> = {}) {
    return detectText(this.det, img, options);
  }

  /** Probability that each quad's text is upside down. */
  async upsideDown(img: RgbImage, quads: readonly Quad[]): Promise<number[]> {
    return upsideDownProbabilities(
      this.cls,
      quads.map((q) => cropLine(img, q)),
    );
  }

  /** CTC log-probability of each candidate string for the text inside `quad` (see ctc.ts). */
  async scoreCandidates(
    img: RgbImage,
    quad: Quad,
    candidates: readonly string[],
  ): Promise<CandidateScore[]> {
    this.index ??= new Map(
      this.dictionary.map((c, i) => [c, i] as const).filter(([c, i]) => i > 0 && c !== ''),
    );
    return scoreCandidates(this.rec, this.index, cropLine(img, quad), candidates);
  }

  async recognizeQuads(img: RgbImage, quads: readonly Quad[]): Promise<TextLine[]> {
    const results = await recognize(
      this.rec,
      this.dictionary,
      quads.map((q) => cropLine(img, q)),
    );
    return quads.map((quad, i) => {
      const r = results[i]!;
      return {
        quad,
        text: r.text,
        score: r.score,
        chars: r.chars.map((c) => place(c, quad)),
        ...extent(quad),
      };
    });
  }

  /** Detects and reads every line; lines come back top to bottom, then left to right. */
  async readLines(img: RgbImage, options: Partial<DetectOptions> = {}): Promise<TextLine[]> {
    const boxes = await this.detect(img, options);
    const lines = await this.recognizeQuads(
      img,
      boxes.map((b) => b.quad),
    );
    return lines.filter((l) => l.text.trim() !== '').sort((a, b) => a.cy - b.cy || a.cx - b.cx);
  }

  async release(): Promise<void> {
    await Promise.all([this.det.release(), this.rec.release(), this.cls.release()]);
  }
}

// Along the quad's mid-line (TL–BL midpoint → TR–BR midpoint).
const place = (c: RecChar, q: Quad): LineChar => {
  const lx = (q[0].x + q[3].x) / 2;
  const ly = (q[0].y + q[3].y) / 2;
  const rx = (q[1].x + q[2].x) / 2;
  const ry = (q[1].y + q[2].y) / 2;
  return { ...c, x: lx + (rx - lx) * c.pos, y: ly + (ry - ly) * c.pos };
};

const extent = (q: Quad) => {
  const xs = q.map((p) => p.x);
  const ys = q.map((p) => p.y);
  const height =
    (Math.hypot(q[3].x - q[0].x, q[3].y - q[0].y) + Math.hypot(q[2].x - q[1].x, q[2].y - q[1].y)) /
    2;
  return {
    cx: xs.reduce((a, b) => a + b) / 4,
    cy: ys.reduce((a, b) => a + b) / 4,
    height,
    left: Math.min(...xs),
    right: Math.max(...xs),
  };
};
