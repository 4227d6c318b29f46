/**
 * Helpers on the rectified card frame: which detected boxes are worth recognising for a side,
 * whether the text read belongs to the other side, turning boxes by 180°, and the portrait crop.
 */
import sharp from 'sharp';
import type { TextLine } from '../ocr/engine.ts';
import type { Quad } from '../ocr/geometry.ts';
import { crop, type RgbImage } from '../ocr/raster.ts';
import {
  BACK_ROWS,
  BACK_VALUE_LEFT,
  CARD_H,
  CARD_W,
  FRONT_ROWS,
  ID_LEFT,
  PORTRAIT,
  VALUE_LEFT,
} from './layout.ts';
import type { CardSide, FrontResult } from './types.ts';

const FRONT_MARK = /公民身份号码|姓名|性别|民族|出生|住址|\d{17}[\dXx]/;
const BACK_MARK = /签发机关|有效期限|居民身份证|中华人民共和国/;

/**
 * Recognition dominates latency, so boxes that cannot hold a wanted value are skipped: on the
 * front the label column (姓名, 性别 … 公民身份号码), on the back everything above the two
 * value rows (emblem, titles) and the labels. Wrong-side detection still works: a back read as
 * a front shows its titles, a front read as a back shows its 18 digits in the number row.
 */
export const worthReading = (q: Quad, side: CardSide): boolean => {
  const right = Math.max(q[1].x, q[2].x) / CARD_W;
  const cy = (q[0].y + q[2].y) / 2 / CARD_H;
  if (side === 'back') return cy > BACK_ROWS.authority - 0.1 && right > BACK_VALUE_LEFT + 0.03;
  if (cy > FRONT_ROWS.idNumber - 0.07) return right > ID_LEFT + 0.05;
  return right > VALUE_LEFT + 0.04;
};

export const turnQuad = (q: Quad): Quad => {
  const t = (p: { x: number; y: number }) => ({ x: CARD_W - p.x, y: CARD_H - p.y });
  return [t(q[2]), t(q[3]), t(q[0]), t(q[1])];
};

export const scaleQuad = (q: Quad, s: number): Quad =>
  q.map((p) => ({ x: p.x * s, y: p.y * s })) as unknown as Quad;

export const wrongSide = (lines: TextLine[], side: CardSide): string | null => {
  const text = lines.map((l) => l.text.replace(/\s+/g, '')).join('\n');
  const front = FRONT_MARK.test(text);
  const back = BACK_MARK.test(text);
  if (side === 'front' && back && !front) return 'this is the back of the card (签发机关/有效期限)';
  if (side === 'back' && front && !back) return 'this is the front of the card (姓名/公民身份号码)';
  return null;
};

export const portraitOf = async (card: RgbImage): Promise<FrontResult['portrait']> => {
  const box = {
    x: Math.round(PORTRAIT.x * CARD_W),
    y: Math.round(PORTRAIT.y * CARD_H),
    width: Math.round(PORTRAIT.width * CARD_W),
    height: Math.round(PORTRAIT.height * CARD_H),
  };
  const img = crop(card, box.x, box.y, box.width, box.height);
  const raw = { width: img.width, height: img.height, channels: 3 as const };
  const image = await sharp(img.data, { raw }).jpeg({ quality: 92 }).toBuffer();
  return { image, box };
};
