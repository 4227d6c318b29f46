/**
 * Front-side fields from recognised lines in the upright card frame. Rows are found by their
 * position (calibrated by whichever labels were read), so a label the recogniser missed does
 * not lose its value; the ID number row is read with its per-character probabilities.
 */
import { normalizeName } from '../../identity/index.ts';
import type { LineChar, TextLine } from '../ocr/engine.ts';
import { type IdRead, readIdNumber } from './id-read.ts';
import {
  CARD_H,
  CARD_W,
  FRONT_LABELS,
  FRONT_ROWS,
  ID_LEFT,
  NATION_LEFT,
  PORTRAIT,
  VALUE_LEFT,
} from './layout.ts';
import { isNation, leadingNation } from './nations.ts';
import { parseBirth, stripLabel } from './printed.ts';
import type { Confidence, FrontFields } from './types.ts';

export interface Piece {
  text: string;
  chars: LineChar[];
  /** The label this line starts with (read left of `cutX`, or matched by text), if any. */
  label: string | null;
  line: TextLine;
}

export interface ParsedFront {
  fields: FrontFields;
  confidence: Confidence<FrontFields>;
  id: IdRead;
  /** The read nation was not one of the 56 (printed value kept). */
  nationUnknown: boolean;
  /** Set when the nation was chosen from the 56 names by the model's probabilities. */
  nationFromList?: { read: string; chosen: string };
  /** Centre of the sex/nation row in card pixels (layout row shifted by the labels read). */
  sexRowY: number;
}

const ROW_TOL = 0.055 * CARD_H;

/**
 * Splits a line at `cutX` (card pixels): characters left of it are the label column, the rest
 * is the value. A label glued to its value is thus removed even when it was misread.
 */
export const toPiece = (line: TextLine, labels: readonly string[], cutX: number): Piece => {
  const chars = line.chars.filter((c) => c.char.trim() !== '');
  const head = chars.filter((c) => c.x < cutX);
  const valueChars = chars.filter((c) => c.x >= cutX);
  const headText = head.map((c) => c.char).join('');
  const byText = stripLabel(valueChars.map((c) => c.char).join(''), labels);
  if (head.length === 0 && byText.label && line.left < cutX + 0.05 * CARD_W) {
    const rest = valueChars.slice(valueChars.length - [...byText.text].length);
    return { text: byText.text, chars: rest, label: byText.label, line };
  }
  const label = head.length ? (stripLabel(headText, labels).label ?? '?') : null;
  return { text: valueChars.map((c) => c.char).join(''), chars: valueChars, label, line };
};

/** Offset between where labels were read and where the layout puts them (card pixels). */
const rowShift = (
  pieces: Piece[],
  rows: Record<string, number>,
  labelRow: Record<string, string>,
) => {
  const shifts: number[] = [];
  for (const p of pieces) {
    const row = p.label ? labelRow[p.label] : undefined;
    if (row) shifts.push(p.line.cy - rows[row]! * CARD_H);
  }
  shifts.sort((a, b) => a - b);
  const mid = shifts[shifts.length >> 1] ?? 0;
  return Math.abs(mid) < 0.06 * CARD_H ? mid : 0;
};

const onRow = (pieces: Piece[], y: number) =>
  pieces
    .filter((p) => Math.abs(p.line.cy - y) < ROW_TOL && p.text !== '')
    .sort((a, b) => a.line.left - b.line.left);

const join = (ps: Piece[]) => ps.map((p) => p.text).join('');
const conf = (ps: Piece[]) => {
  const cs = ps.flatMap((p) => p.chars);
  return cs.length ? cs.reduce((s, c) => s + c.prob, 0) / cs.length : 0;
};

const LABEL_ROW: Record<string, string> = {
  姓名: 'name',
  性别: 'sex',
  民族: 'sex',
  出生: 'birth',
  住址: 'address',
  公民身份号码: 'idNumber',
};

export const parseFront = (lines: readonly TextLine[], today: string): ParsedFront => {
  const inPortrait = (l: TextLine) =>
    l.left > (PORTRAIT.x - 0.02) * CARD_W && l.cy < (PORTRAIT.y + PORTRAIT.height) * CARD_H;
  const kept = lines.filter((l) => !inPortrait(l));
  const pieces = kept.map((l) => toPiece(l, FRONT_LABELS, VALUE_LEFT * CARD_W));
  const shift = rowShift(pieces, FRONT_ROWS, LABEL_ROW);
  const y = (row: keyof typeof FRONT_ROWS) => FRONT_ROWS[row] * CARD_H + shift;
  const idChars = kept
    .filter((l) => l.cy > y('idNumber') - 0.09 * CARD_H)
    .flatMap((l) => l.chars)
    .filter((c) => c.x > ID_LEFT * CARD_W)
    .sort((a, b) => a.x - b.x);
  const id = readIdNumber(idChars, today);
  const namePs = onRow(pieces, y('name'));
  const sexPs = onRow(pieces, y('sex'));
  const birthPs = onRow(pieces, y('birth'));
  const addrPs = pieces
    .filter(
      (p) =>
        p.line.cy > y('address') - ROW_TOL &&
        p.line.cy < y('idNumber') - 0.12 * CARD_H &&
        p.text !== '',
    )
    .sort((a, b) => a.line.cy - b.line.cy || a.line.left - b.line.left);
  const { sex, nation, nationUnknown } = sexAndNation(sexPs);
  const name = cleanName(join(namePs));
  const address = join(addrPs).replace(/\s+/g, '') || null;
  const birthDate = parseBirth(birthPs.map((p) => p.text).join(' '));
  const fields: FrontFields = {
    name,
    sex,
    nation,
    birthDate,
    address,
    idNumber: id.ok ? id.id.value : null,
  };
  const confidence: Confidence<FrontFields> = {
    name: name ? conf(namePs) : 0,
    sex: sex ? conf(sexPs) : 0,
    nation: nation ? conf(sexPs) : 0,
    birthDate: birthDate ? conf(birthPs) : 0,
    address: address ? conf(addrPs) : 0,
    idNumber: id.ok ? id.confidence : 0,
  };
  return { fields, confidence, id, nationUnknown, sexRowY: y('sex') };
};

const cleanName = (raw: string): string | null => {
  const text = raw.replace(/[^\p{Unified_Ideograph}·•.・]/gu, '');
  if (!text) return null;
  const n = normalizeName(text);
  return n.ok ? n.value : text;
};

// The sex row reads "性别 男 民族 汉": by position, the sex sits before the 民族 label and the
// nation after it, whether or not the recogniser glued them into one line.
const sexAndNation = (ps: Piece[]) => {
  const chars = ps.flatMap((p) => p.chars).sort((a, b) => a.x - b.x);
  const sexChar =
    chars.find((c) => c.x < NATION_LEFT.label * CARD_W && /[男女]/.test(c.char))?.char ?? null;
  const raw = chars
    .filter((c) => c.x >= NATION_LEFT.value * CARD_W)
    .map((c) => c.char)
    .join('')
    .replace(/^民族/, '')
    .replace(/[^\p{Unified_Ideograph}]/gu, '')
    .replace(/族$/, '');
  const sex = sexChar as '男' | '女' | null;
  if (!raw) return { sex, nation: null, nationUnknown: false, chars };
  // A stray character from the 民族 label may lead: accept one before an official name.
  const known = isNation(raw)
    ? raw
    : (leadingNation(raw) ?? (isNation(raw.slice(1)) ? raw.slice(1) : null));
  return { sex, nation: known ?? raw, nationUnknown: known === null, chars };
};
