/**
 * Citizen identity numbers (GB 11643-1999), HK/Macau/Taiwan residence permits and the 2023
 * foreigner permanent-residence card: normalise, then check format, calendar date, age policy,
 * MOD 11-2 and address code, in the order of spec §1.7's conclusion.
 */
import { ageOn, isIsoDate, isoDate } from './dates.ts';
import { placeOf } from './id-region.ts';
import { areaTable } from './tables.ts';
import { compact } from './text.ts';

export { ageOn, shanghaiToday } from './dates.ts';

export type IdKind = 'resident' | 'hk' | 'mo' | 'tw' | 'permanent_resident';
export type IdWarning = 'unknown_county' | 'legacy_15' | 'born_after_code_retired' | 'very_old';
export type IdProblem = 'format' | 'checksum' | 'date' | 'future' | 'province' | 'too_old';

export interface IdNumber {
  /** The normalised 18-character number (legacy 15-digit input is upgraded). */
  value: string;
  kind: IdKind;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'M' | 'F';
  /** Address code; `810000`/`820000`/`830000` for permits, `<province>0000` for PR cards. */
  regionCode: string;
  warnings: IdWarning[];
}

export type ParsedIdNumber = { ok: true; id: IdNumber } | { ok: false; problem: IdProblem };

export interface IdRules {
  /** YYYY-MM-DD in Asia/Shanghai, e.g. `shanghaiToday()`. */
  today: string;
  /** Older than this → 'too_old' (default 130); above 120 is only a 'very_old' warning. */
  maxAgeYears?: number;
  /** Accept 15-digit first-generation numbers (default false, spec §1.3). */
  allowLegacy15?: boolean;
}

const ID18 = /^\d{17}[\dX]$/;
const ID15 = /^\d{15}$/;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const DEFAULT_MAX_AGE = 130;
// §1.4: the oldest verified person lived to 122; beyond 120 flag, do not refuse.
const VERY_OLD_AGE = 120;

/**
 * Parses an ID number typed or pasted by a person. Never throws on bad input.
 *
 * @example
 *   parseIdNumber('11010519491231002x ', { today: shanghaiToday() });
 *   // { ok: true, id: { value: '11010519491231002X', kind: 'resident', sex: 'F', ... } }
 */
export function parseIdNumber(raw: string, rules: IdRules): ParsedIdNumber {
  if (!isIsoDate(rules.today)) throw new RangeError(`IdRules.today must be YYYY-MM-DD`);
  const input = compact(raw).toUpperCase();
  if (ID18.test(input)) return parse18(input, rules, []);
  if (ID15.test(input) && rules.allowLegacy15) return parseLegacy15(input, rules);
  return fail('format');
}

/**
 * ISO 7064 MOD 11-2 check character over the first 17 digits (spec §1.2); '' when `body17`
 * is not 17 ASCII digits.
 *
 * @example
 *   checkCharacter('11010519491231002'); // 'X'
 */
export function checkCharacter(body17: string): string {
  if (!/^\d{17}$/.test(body17)) return '';
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += (body17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

function parse18(value: string, rules: IdRules, warnings: IdWarning[]): ParsedIdNumber {
  const birthDate = isoDate(value.slice(6, 14));
  if (birthDate === null) return fail('date');
  const ageProblem = checkAge(birthDate, rules, warnings);
  if (ageProblem) return fail(ageProblem);
  if (checkCharacter(value.slice(0, 17)) !== value[17]) return fail('checksum');
  const place = placeOf(value, Number(value.slice(6, 10)), areaTable(), warnings);
  if (place === 'province') return fail('province');
  // §1.1: the 17th digit decides, odd = male.
  const sex = Number(value[16]) % 2 === 1 ? 'M' : 'F';
  return { ok: true, id: { value, ...place, birthDate, sex, warnings } };
}

function checkAge(birthDate: string, rules: IdRules, warnings: IdWarning[]): IdProblem | null {
  if (birthDate > rules.today) return 'future';
  const age = ageOn(birthDate, rules.today);
  if (age > (rules.maxAgeYears ?? DEFAULT_MAX_AGE)) return 'too_old';
  if (age > VERY_OLD_AGE) warnings.push('very_old');
  return null;
}

// §1.3: upgrade by inserting 19 and appending the check character. Only resident cards ever had
// 15 digits, and 1989-standard centenarians (sequence 996–999) were born in 18xx, so inserting
// 19 would guess wrong: refuse those and ask for the 18-digit number.
function parseLegacy15(input: string, rules: IdRules): ParsedIdNumber {
  if (/^(?:9|8[1-3])/.test(input) || Number(input.slice(12)) >= 996) return fail('format');
  const body = `${input.slice(0, 6)}19${input.slice(6)}`;
  return parse18(body + checkCharacter(body), rules, ['legacy_15']);
}

function fail(problem: IdProblem): ParsedIdNumber {
  return { ok: false, problem };
}
