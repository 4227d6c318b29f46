/**
 * The second-generation resident ID card's layout in its own frame (85.6 × 54 mm at 10 px/mm,
 * 856 × 540), as fractions so that parsing does not depend on the rectified size. Row centres
 * are those of the real card (and of the shared samples and the generator).
 */
import type { InkZone } from './quality.ts';

export const CARD_W = 856;
export const CARD_H = 540;

export const FRONT_ROWS = {
  name: 82 / 540,
  sex: 142 / 540,
  birth: 202 / 540,
  address: 262 / 540,
  idNumber: 461 / 540,
} as const;

export const BACK_ROWS = {
  authority: 400 / 540,
  validity: 458 / 540,
} as const;

/** Values start right of the labels (x ≈ 150 px); labels sit at x ≈ 60–110 px. */
export const VALUE_LEFT = 0.155;
/** The number starts at x ≈ 260 px, right of 公民身份号码 (60–190 px). */
export const ID_LEFT = 0.26;
/** On the sex row the 民族 label spans x ≈ 250–300 px and the nation starts at x ≈ 340 px. */
export const NATION_LEFT = { label: 0.285, value: 0.37 } as const;
/** Back values start at x ≈ 290 px, right of 签发机关/有效期限 (160–252 px). */
export const BACK_VALUE_LEFT = 0.32;

/** Portrait area, generous so that the face engine gets the whole head. */
export const PORTRAIT = { x: 0.655, y: 0.09, width: 0.32, height: 0.61 } as const;

/** Places that always carry print, in card pixels (labels, titles, the first characters of values). */
export const FRONT_INK: readonly InkZone[] = [
  { x0: 56, y0: 68, x1: 112, y1: 96 },
  { x0: 56, y0: 128, x1: 112, y1: 156 },
  { x0: 56, y0: 188, x1: 112, y1: 216 },
  { x0: 56, y0: 248, x1: 112, y1: 276 },
  { x0: 246, y0: 128, x1: 302, y1: 156 },
  { x0: 150, y0: 66, x1: 206, y1: 98 },
  { x0: 150, y0: 188, x1: 206, y1: 216 },
  { x0: 150, y0: 250, x1: 402, y1: 278 },
  { x0: 56, y0: 448, x1: 196, y1: 476 },
  { x0: 262, y0: 444, x1: 598, y1: 478, critical: true },
];

export const BACK_INK: readonly InkZone[] = [
  { x0: 160, y0: 386, x1: 244, y1: 414 },
  { x0: 160, y0: 444, x1: 244, y1: 472 },
  { x0: 290, y0: 386, x1: 374, y1: 414 },
  { x0: 290, y0: 444, x1: 514, y1: 472 },
  { x0: 252, y0: 78, x1: 560, y1: 112 },
  { x0: 262, y0: 152, x1: 598, y1: 208 },
];

export const FRONT_LABELS = ['公民身份号码', '姓名', '性别', '民族', '出生', '住址'] as const;
export const BACK_LABELS = ['签发机关', '有效期限'] as const;
export const BACK_TITLES = ['中华人民共和国', '居民身份证'] as const;
