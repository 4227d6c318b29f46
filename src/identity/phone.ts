/**
 * Mainland mobile numbers (spec §5): normalise, validate `^1[3-9]\d{9}$`, and attach the
 * original carrier and range kind from the §5.1 table.
 */
import { rangeOf } from './phone-ranges.ts';
import { stripGrouping } from './text.ts';

export type Carrier = 'CMCC' | 'CUCC' | 'CTCC' | 'CBCC';
export type NumberCategory = 'mobile' | 'data' | 'iot' | 'satellite' | 'unassigned';

export interface PhoneInfo {
  /** The 11-digit national number, without country code. */
  value: string;
  /** Carrier that was allocated the range; null for unassigned ranges. */
  carrier: Carrier | null;
  virtual: boolean;
  category: NumberCategory;
}

export type ParsedPhone = { ok: true; phone: PhoneInfo } | { ok: false; problem: 'format' };

// The country code is stripped only when 11 digits starting with 1 follow it.
const COUNTRY_CODE = /^(?:\+86|0086|86)(?=1\d{10}$)/;
const MOBILE = /^1[3-9]\d{9}$/;

/**
 * Parses a mobile number as typed: full-width digits, spaces, hyphens and +86 are fine.
 *
 * @example
 *   parsePhone('+86 170-0123-4567');
 *   // { ok: true, phone: { value: '17001234567', carrier: 'CTCC', virtual: true, category: 'mobile' } }
 */
export function parsePhone(raw: string): ParsedPhone {
  const value = stripGrouping(raw).replace(COUNTRY_CODE, '');
  if (!MOBILE.test(value)) return { ok: false, problem: 'format' };
  return { ok: true, phone: { value, ...rangeOf(value) } };
}
