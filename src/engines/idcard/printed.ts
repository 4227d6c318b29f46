/**
 * Printed dates and small text clean-ups. PP-OCR sometimes drops the "-" between the validity
 * dates (spec/models.md §5 gotcha 4) and the 年/月/日 of the birth date, so separators are
 * optional and a glued digit run is split where it makes a real date.
 */
import { isoDate } from '../../identity/dates.ts';

/** `1988年6月15日`, `1988 6 15`, `1988年615日` → `1988-06-15`; null when no real date fits. */
export const parseBirth = (text: string): string | null => {
  const t = text.normalize('NFKC').replace(/\s+/g, ' ');
  const m =
    /(\d{4})\s*年?\s*(\d{1,2})\s*月\s*(\d{1,2})/.exec(t) ??
    /(\d{4})\s*年?\s*(\d{1,2})\s+(\d{1,2})/.exec(t);
  if (m) return isoDate(`${m[1]}${m[2]!.padStart(2, '0')}${m[3]!.padStart(2, '0')}`);
  const glued = /(\d{4})\s*年?\s*(\d{2,4})\s*日?/.exec(t);
  if (!glued) return null;
  const [year, rest] = [glued[1]!, glued[2]!];
  const options = splitMonthDay(rest)
    .map((md) => isoDate(year + md))
    .filter((d): d is string => d !== null);
  return options.length === 1 ? options[0]! : null;
};

const splitMonthDay = (digits: string): string[] => {
  const out: string[] = [];
  for (let k = 1; k < digits.length && k <= 2; k++) {
    const m = digits.slice(0, k);
    const d = digits.slice(k);
    if (d.length >= 1 && d.length <= 2) out.push(m.padStart(2, '0') + d.padStart(2, '0'));
  }
  return out;
};

export interface Validity {
  from: string;
  to: string;
}

const DATE = String.raw`(\d{4})[.\-/·]?(\d{2})[.\-/·]?(\d{2})`;
const VALIDITY = new RegExp(`${DATE}\\s*[-—–~至一]?\\s*(?:${DATE}|(长期))`);

/** `2016.08.21-2036.08.21`, `2016.08.212036.08.21`, `2016.08.21-长期`. */
export const parseValidity = (text: string): Validity | null => {
  const m = VALIDITY.exec(text.normalize('NFKC').replace(/\s+/g, ''));
  if (!m) return null;
  const from = isoDate(`${m[1]}${m[2]}${m[3]}`);
  const to = m[7] ? '长期' : isoDate(`${m[4]}${m[5]}${m[6]}`);
  return from && to ? { from, to } : null;
};

/** Removes a leading label (exact, or with one character misread) from a line's text. */
export const stripLabel = (
  text: string,
  labels: readonly string[],
): { text: string; label: string | null } => {
  for (const label of labels) {
    if (text.startsWith(label)) return { text: text.slice(label.length), label };
  }
  for (const label of labels) {
    if (label.length < 2 || text.length < label.length) continue;
    const head = text.slice(0, label.length);
    let same = 0;
    for (let i = 0; i < label.length; i++) if (head[i] === label[i]) same++;
    if (same >= label.length - 1 && same >= 1 && label.length >= 2 && same / label.length >= 0.5) {
      return { text: text.slice(label.length), label };
    }
  }
  return { text, label: null };
};
