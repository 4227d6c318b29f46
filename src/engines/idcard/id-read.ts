/**
 * Turns the recognised characters of the number row into an ID number, or refuses. A number
 * is only ever returned when it passes `parseIdNumber` (format, date, MOD 11-2 check,
 * province). One repair is tried: when the read number fails, each uncertain character is
 * replaced by the recogniser's own runner-up; the repair is kept only if exactly one such
 * substitution gives a valid number (and is reported as a warning).
 */
import { type IdNumber, parseIdNumber } from '../../identity/index.ts';
import type { RecChar } from '../ocr/rec.ts';

export type IdRead =
  | { ok: true; id: IdNumber; corrected: boolean; confidence: number }
  | { ok: false; problem: 'missing' | 'length' | 'checksum' | 'invalid'; text: string };

const UNCERTAIN = 0.9;
const MIN_ALT = 0.02;

const idChar = (c: string): string | null => {
  const n = c.normalize('NFKC').toUpperCase();
  if (/^[0-9X]$/.test(n)) return n;
  if (n === '×' || n === 'Х') return 'X';
  return null;
};

export const readIdNumber = (chars: readonly RecChar[], today: string): IdRead => {
  const kept = chars.flatMap((c) => {
    const v = idChar(c.char);
    return v ? [{ ...c, char: v }] : [];
  });
  const text = kept.map((c) => c.char).join('');
  if (kept.length < 15) return { ok: false, problem: kept.length ? 'length' : 'missing', text };
  const windows = kept.length === 18 ? [kept] : slide(kept);
  for (const w of windows) {
    const direct = parseIdNumber(w.map((c) => c.char).join(''), { today });
    if (direct.ok) return { ok: true, id: direct.id, corrected: false, confidence: meanProb(w) };
  }
  if (kept.length !== 18) return { ok: false, problem: 'length', text };
  const repaired = repairOne(kept, today);
  if (repaired) return { ok: true, id: repaired, corrected: true, confidence: meanProb(kept) };
  const plain = parseIdNumber(text, { today });
  return {
    ok: false,
    problem: !plain.ok && plain.problem === 'checksum' ? 'checksum' : 'invalid',
    text,
  };
};

const slide = (kept: RecChar[]): RecChar[][] =>
  kept.length < 18 ? [] : Array.from({ length: kept.length - 17 }, (_, i) => kept.slice(i, i + 18));

const meanProb = (cs: readonly RecChar[]) => cs.reduce((s, c) => s + c.prob, 0) / cs.length;

const repairOne = (kept: RecChar[], today: string): IdNumber | null => {
  const found: IdNumber[] = [];
  kept.forEach((c, i) => {
    const alt = idChar(c.alt);
    if (!alt || c.prob >= UNCERTAIN || c.altProb < MIN_ALT || (alt === 'X' && i !== 17)) return;
    const text = kept.map((k, j) => (j === i ? alt : k.char)).join('');
    const parsed = parseIdNumber(text, { today });
    if (parsed.ok) found.push(parsed.id);
  });
  return found.length === 1 ? found[0]! : null;
};
