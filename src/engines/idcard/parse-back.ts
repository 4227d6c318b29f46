/**
 * Back-side fields: the issuing authority and the validity period, each found on its row
 * (calibrated by the labels when they were read).
 */
import type { TextLine } from '../ocr/engine.ts';
import { BACK_LABELS, BACK_ROWS, BACK_VALUE_LEFT, CARD_H, CARD_W } from './layout.ts';
import { type Piece, toPiece } from './parse-front.ts';
import { parseValidity } from './printed.ts';
import type { BackFields, Confidence } from './types.ts';

export interface ParsedBack {
  fields: BackFields;
  confidence: Confidence<BackFields>;
  /** Text of the validity row when it did not parse (for the warning). */
  validityText: string | null;
}

const ROW_TOL = 0.045 * CARD_H;

const conf = (ps: Piece[]) => {
  const cs = ps.flatMap((p) => p.chars);
  return cs.length ? cs.reduce((s, c) => s + c.prob, 0) / cs.length : 0;
};

export const parseBack = (lines: readonly TextLine[]): ParsedBack => {
  const pieces = lines.map((l) => toPiece(l, BACK_LABELS, BACK_VALUE_LEFT * CARD_W));
  const labelled = (label: string) => pieces.find((p) => p.label === label);
  const rowY = (label: string, frac: number) => labelled(label)?.line.cy ?? frac * CARD_H;
  const row = (y: number) =>
    pieces
      .filter((p) => Math.abs(p.line.cy - y) < ROW_TOL && p.text !== '')
      .sort((a, b) => a.line.left - b.line.left);
  const authPs = row(rowY('签发机关', BACK_ROWS.authority));
  const validPs = row(rowY('有效期限', BACK_ROWS.validity));
  const authority =
    authPs
      .map((p) => p.text)
      .join('')
      .replace(/[^\p{Unified_Ideograph}]/gu, '') || null;
  const validText = validPs.map((p) => p.text).join('');
  const validity = parseValidity(validText);
  return {
    fields: { authority, validFrom: validity?.from ?? null, validTo: validity?.to ?? null },
    confidence: {
      authority: authority ? conf(authPs) : 0,
      validFrom: validity ? conf(validPs) : 0,
      validTo: validity ? conf(validPs) : 0,
    },
    validityText: validity ? null : validText || null,
  };
};
