/**
 * Personal names for real-name checks (spec §4). Providers compare the normalised string
 * exactly, so a wrong dot or stray space is a billed "inconsistent": fix what is unambiguous,
 * refuse the rest before calling out. Traditional/simplified forms are never converted (§4.3).
 */
import { dropFormatChars, nfkc } from './text.ts';

export type NameProblem = 'empty' | 'too_long' | 'bad_character' | 'bad_dot';
export type ParsedName = { ok: true; value: string } | { ok: false; problem: NameProblem };

const DOT = '\u00B7';
// §4.3: 50 characters is the minimum field size required by 民委发〔2016〕33号.
const MAX_CODE_POINTS = 50;
const IDEOGRAPH = /\p{Unified_Ideograph}/u;
// §4.2: look-alikes users and banks type for U+00B7; NFKC fixes none of the common ones.
const DOT_LOOKALIKES = /[\u0387\u2022\u2027\u2219\u22C5\u2E31\u25CF\u30FB\uFF65]/gu;
// §4.2: full stops are a separator only between ideographs (U+FF0E is U+002E after NFKC).
const DOTS_BETWEEN_IDEOGRAPHS =
  /(?<=\p{Unified_Ideograph})[.\u3002\u00B7]+(?=\p{Unified_Ideograph})/gu;
const HAN_NAME = /^[\p{Unified_Ideograph}\u00B7]+$/u;
// PR-card holders (§4.3, step 2) have Latin-script names.
const LATIN_NAME = /^(?=.*[A-Za-z])[A-Za-z' \-\u00B7]+$/u;

/**
 * Normalises a name and says why it cannot be sent if it cannot.
 *
 * @example
 *   normalizeName(' 买买提•艾力 '); // { ok: true, value: '买买提·艾力' }
 *   normalizeName('·张三');        // { ok: false, problem: 'bad_dot' }
 */
export function normalizeName(raw: string): ParsedName {
  const text = dropFormatChars(nfkc(raw));
  const han = IDEOGRAPH.test(text);
  // §4.3 step 2: no spaces inside ideographic names; single inner spaces in Latin ones.
  const spaced = han ? text.replace(/\s+/gu, '') : text.replace(/\s+/gu, ' ').trim();
  const value = mapDots(spaced);
  const problem = nameProblem(value, han);
  return problem ? { ok: false, problem } : { ok: true, value };
}

function mapDots(s: string): string {
  return s
    .replace(DOT_LOOKALIKES, DOT)
    .replace(DOTS_BETWEEN_IDEOGRAPHS, DOT)
    .replace(/\u00B7{2,}/gu, DOT);
}

function nameProblem(value: string, han: boolean): NameProblem | null {
  if (value === '') return 'empty';
  if (value.startsWith(DOT) || value.endsWith(DOT)) return 'bad_dot';
  if (!(han ? HAN_NAME : LATIN_NAME).test(value)) return 'bad_character';
  if ([...value].length > MAX_CODE_POINTS) return 'too_long';
  return null;
}
