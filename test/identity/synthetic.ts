// Test helpers that build synthetic numbers with an implementation independent of src/ (the
// reference code of spec §1.2 and the textbook Luhn), so the tests never check code with itself.

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const MAP = '10X98765432';

/** Spec §1.2 check character. */
export const checkChar = (body17: string): string =>
  MAP[[...body17].reduce((s, d, i) => s + (d.charCodeAt(0) - 48) * (W[i] ?? 0), 0) % 11] ?? '';

/** A full 18-character number with a valid check character. */
export const withCheck = (body17: string): string => body17 + checkChar(body17);

/** Appends the Luhn digit that makes `body` + digit valid. */
export const withLuhn = (body: string): string => {
  let sum = 0;
  [...body].reverse().forEach((c, i) => {
    const d = Number(c) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  });
  return body + String((10 - (sum % 10)) % 10);
};

/** Flips the last digit so the Luhn check fails. */
export const breakLuhn = (card: string): string =>
  card.slice(0, -1) + String((Number(card.at(-1)) + 1) % 10);

/** True when a string has a lone surrogate (a split Ext B character). */
export const hasLoneSurrogate = (s: string): boolean =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
