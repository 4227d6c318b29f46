/**
 * Input clean-up shared by the identity parsers. Caller input arrives from JSON and forms, so
 * anything that is not a string is treated as empty rather than throwing.
 *
 * @example
 *   compact('１１０１ ０５\u200B'); // '110105'
 */

// \s covers U+3000, U+00A0 and U+FEFF; \p{Cf} the zero-width space/joiners, word joiner and
// bidi marks that copy-paste drags in (spec §1.4, §4.3).
const INVISIBLE = /[\s\p{Cf}]/gu;
const SEPARATORS = /[\s\p{Cf}\p{Pd}]/gu;

/** NFKC (full-width digits and letters become ASCII, spec §1.4); non-strings become ''. */
export function nfkc(raw: unknown): string {
  return typeof raw === 'string' ? raw.normalize('NFKC') : '';
}

/** NFKC, then drop whitespace and invisible format characters. */
export function compact(raw: unknown): string {
  return nfkc(raw).replace(INVISIBLE, '');
}

/** Like `compact`, and also drops hyphens and dashes (card and phone grouping). */
export function stripGrouping(raw: unknown): string {
  return nfkc(raw).replace(SEPARATORS, '');
}

/** Drops zero-width and other invisible format characters only (keeps spaces). */
export function dropFormatChars(s: string): string {
  return s.replace(/\p{Cf}/gu, '');
}
