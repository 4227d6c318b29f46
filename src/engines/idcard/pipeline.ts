/**
 * One worker's ID-card reader: decode (shared image engine) → locate the card → rectify to
 * 856 × 540 → size gate → detect text → decide 0°/180° with the direction classifier → glare
 * and blur gates → recognise → parse → cross-check. Models load once per worker.
 */
import { shanghaiToday } from '../../identity/index.ts';
import { type DecodeLimits, decodeImage } from '../image/index.ts';
import type { CandidateScore } from '../ocr/ctc.ts';
import { OcrModels, type TextLine } from '../ocr/engine.ts';
import { type Quad, homographyFromQuads, rectQuad } from '../ocr/geometry.ts';
import { type RgbImage, rotate180, warp } from '../ocr/raster.ts';
import { backWarnings, frontWarnings } from './crosscheck.ts';
import { portraitOf, scaleQuad, turnQuad, worthReading, wrongSide } from './frame.ts';
import { BACK_INK, CARD_H, CARD_W, FRONT_INK, NATION_LEFT, PORTRAIT } from './layout.ts';
import { locateCard } from './locate.ts';
import { NATIONS } from './nations.ts';
import { parseBack } from './parse-back.ts';
import { type ParsedFront, parseFront } from './parse-front.ts';
import {
  DEFAULT_QUALITY,
  type QualityLimits,
  cardWidthPx,
  gate,
  glare,
  qualityScore,
  sharpness,
} from './quality.ts';
import type { BackResult, CardSide, FrontResult, Quality, Retake } from './types.ts';

export interface PipelineOptions {
  /** Long side the photo is decoded to (default 1600). */
  maxSide?: number;
  decodeLimits?: Partial<DecodeLimits>;
  quality?: Partial<QualityLimits>;
  /** Intra-op threads per ONNX session (default 1: one worker per core). */
  threads?: number;
  /**
   * Long side for text detection on the rectified 856 × 540 card (default 640: ≈ 60 ms faster
   * than 960 per side, with the same fields read on the generated cards).
   */
  detMaxSide?: number;
  /** Today's date for expiry and age rules (default: Asia/Shanghai today). */
  today?: string;
}

export type ReadResult = FrontResult | BackResult | Retake;

// Natural-log margins for reading the nation from the closed list (set on generated cards:
// right names trailed the greedy reading by 4–6 and led the next name by ≥ 2 when clear).
const NATION = { maxBelowGreedy: 8, minLead: 1.5 } as const;

const retake = (
  side: CardSide,
  reason: Retake['reason'],
  detail: string,
  quality: Quality | null = null,
): Retake => ({
  kind: 'retake',
  side,
  reason,
  detail,
  quality,
});

export class CardPipeline {
  private constructor(
    private readonly ocr: OcrModels,
    private readonly opt: PipelineOptions,
    private readonly limits: QualityLimits,
  ) {}

  static async load(opt: PipelineOptions = {}): Promise<CardPipeline> {
    const ocr = await OcrModels.load({ threads: opt.threads ?? 1 });
    return new CardPipeline(ocr, opt, { ...DEFAULT_QUALITY, ...opt.quality });
  }

  async read(image: Uint8Array, side: CardSide): Promise<ReadResult> {
    const decoded = await decodeImage(image, {
      ...this.opt.decodeLimits,
      maxSide: this.opt.maxSide ?? 1600,
    });
    if (!decoded.ok) return retake(side, decoded.code, decoded.reason);
    const found = locateCard(decoded.image);
    if (!found) return retake(side, 'card_not_found', 'no card-shaped border in the photo');
    const width = cardWidthPx(found.quad, decoded.scale);
    const pre = {
      cardWidthPx: width,
      sharpness: 1,
      glare: 0,
      outside: found.outside,
      fullFrame: found.fullFrame,
    };
    const early = gate(pre, this.limits);
    if (early) return retake(side, early.reason, early.detail, qualityScore(pre, this.limits));
    let card = warp(
      decoded.image,
      homographyFromQuads(rectQuad(CARD_W, CARD_H), found.quad),
      CARD_W,
      CARD_H,
    );
    let boxes = (await this.ocr.detect(card, { maxSide: this.opt.detMaxSide ?? 640 })).map(
      (b) => b.quad,
    );
    if (boxes.length < 2) {
      // A card-shaped frame with no print on it (a plain surface) is no card at all.
      if (found.fullFrame) return retake(side, 'card_not_found', 'no printed text in the frame');
      return retake(
        side,
        'unreadable',
        'no text found on the card',
        qualityScore(pre, this.limits),
      );
    }
    const upsideDown = await this.isUpsideDown(card, boxes);
    if (upsideDown) {
      card = rotate180(card);
      boxes = boxes.map(turnQuad);
    }
    const measured = {
      ...pre,
      sharpness: sharpness(card),
      glare: glare(card, side === 'front' ? FRONT_INK : BACK_INK),
    };
    const quality = qualityScore(measured, this.limits);
    const late = gate(measured, this.limits);
    if (late && (late.reason !== 'glare' || !(await this.otherSide(card, boxes, side)))) {
      return retake(side, late.reason, late.detail, quality);
    }
    const wanted = boxes.filter((q) => worthReading(q, side));
    const lines = (await this.ocr.recognizeQuads(card, wanted)).filter((l) => l.text.trim() !== '');
    const wrong = wrongSide(lines, side);
    if (wrong) return retake(side, 'wrong_side', wrong, quality);
    const q = found.quad;
    const corners: Quad = upsideDown ? [q[2], q[3], q[0], q[1]] : q;
    const base = { quality, upsideDown, corners: scaleQuad(corners, decoded.scale) };
    return side === 'front' ? this.front(card, lines, base) : this.back(lines, base);
  }

  /**
   * The other side's printed places all carry ink where this side's look washed out: before
   * calling it glare, read the card to see whether it is simply the wrong side.
   */
  private async otherSide(card: RgbImage, boxes: Quad[], side: CardSide): Promise<boolean> {
    if (glare(card, side === 'front' ? BACK_INK : FRONT_INK) > this.limits.maxGlare) return false;
    return wrongSide(await this.ocr.recognizeQuads(card, boxes), side) !== null;
  }

  /**
   * The nation comes from a closed list: when the greedy reading is not one of the 56 names
   * (a rare character such as 仡 or 僳 dropped), score every name against the nation area with
   * the model's own probabilities and take the best one when it clearly leads the other names
   * and is not far less likely than the greedy reading. Otherwise the reading stays, with its
   * warning; when a name is chosen, the warning `nation_from_list` says so.
   */
  private async readNationFromList(card: RgbImage, parsed: ParsedFront): Promise<void> {
    const y = parsed.sexRowY;
    const h = 0.045 * CARD_H;
    const x0 = NATION_LEFT.value * CARD_W;
    const x1 = (PORTRAIT.x - 0.04) * CARD_W;
    const quad: Quad = [
      { x: x0, y: y - h },
      { x: x1, y: y - h },
      { x: x1, y: y + h },
      { x: x0, y: y + h },
    ];
    const raw = parsed.fields.nation ?? '';
    const scores = await this.ocr.scoreCandidates(card, quad, [raw, ...NATIONS]);
    const rawScore = scores[0]!.logProb;
    // 仫 (仫佬) is not in the dictionary: a reading such as 佬 may be that name, so choose none.
    if (raw && scores.some((c) => c.logProb === Number.NEGATIVE_INFINITY && c.text.includes(raw)))
      return;
    const [best, second] = scores.slice(1).sort((a, b) => b.logProb - a.logProb) as [
      CandidateScore,
      CandidateScore,
    ];
    if (
      best.logProb < rawScore - NATION.maxBelowGreedy ||
      best.logProb - second.logProb < NATION.minLead
    )
      return;
    parsed.fields.nation = best.text;
    parsed.nationUnknown = false;
    parsed.nationFromList = { read: raw, chosen: best.text };
    parsed.confidence.nation = Math.exp(best.logProb / Math.max(1, best.text.length));
  }

  private async isUpsideDown(card: RgbImage, boxes: Quad[]): Promise<boolean> {
    const widest = [...boxes].sort((a, b) => b[1].x - b[0].x - (a[1].x - a[0].x)).slice(0, 6);
    const p = await this.ocr.upsideDown(card, widest);
    return p.length > 0 && p.reduce((s, v) => s + v, 0) / p.length > 0.5;
  }

  private async front(
    card: RgbImage,
    lines: TextLine[],
    base: Pick<FrontResult, 'quality' | 'upsideDown' | 'corners'>,
  ): Promise<ReadResult> {
    const parsed = parseFront(lines, this.today());
    if (parsed.nationUnknown || !parsed.fields.nation) await this.readNationFromList(card, parsed);
    if (!parsed.fields.idNumber && !parsed.fields.name) {
      return retake(
        'front',
        'unreadable',
        'neither the name nor a valid ID number could be read',
        base.quality,
      );
    }
    const { warnings, fromIdNumber } = frontWarnings(parsed);
    const portrait = await portraitOf(card);
    return {
      kind: 'front',
      fields: parsed.fields,
      confidence: parsed.confidence,
      fromIdNumber,
      portrait,
      warnings,
      ...base,
    };
  }

  private back(
    lines: TextLine[],
    base: Pick<BackResult, 'quality' | 'upsideDown' | 'corners'>,
  ): ReadResult {
    const parsed = parseBack(lines);
    if (!parsed.fields.authority && !parsed.fields.validFrom) {
      return retake(
        'back',
        'unreadable',
        'neither the authority nor the validity period could be read',
        base.quality,
      );
    }
    const { warnings, expired } = backWarnings(parsed, this.today());
    return {
      kind: 'back',
      fields: parsed.fields,
      confidence: parsed.confidence,
      expired,
      warnings,
      ...base,
    };
  }

  private today() {
    return this.opt.today ?? shanghaiToday();
  }

  close() {
    return this.ocr.release();
  }
}
