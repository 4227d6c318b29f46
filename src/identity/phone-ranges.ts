/**
 * Mobile number ranges → original carrier and kind (spec §5.1). Routing hints only: with
 * number portability the prefix gives the carrier that issued the number, not today's.
 *
 * @example
 *   rangeOf('13490000000'); // { carrier: 'CTCC', category: 'satellite', virtual: false }
 */
import type { Carrier, NumberCategory } from './phone.ts';

export interface Range {
  carrier: Carrier | null;
  category: NumberCategory;
  /** Hosted by an MVNO (虚商); some provider products refuse these (§5.2). */
  virtual: boolean;
}

type Row = [Carrier | null, NumberCategory, boolean, string];

const ROWS: Row[] = [
  ['CMCC', 'mobile', false, '1340 1341 1342 1343 1344 1345 1346 1347 1348 135 136 137 138 139'],
  ['CMCC', 'mobile', false, '150 151 152 157 158 159 172 178 182 183 184 187 188 195 197 198'],
  ['CMCC', 'mobile', true, '1703 1705 1706 165'],
  ['CMCC', 'data', false, '147'],
  ['CMCC', 'iot', false, '1440 148'],
  ['CUCC', 'mobile', false, '130 131 132 155 156 166 175 176 185 186 196'],
  ['CUCC', 'mobile', true, '1704 1707 1708 1709 167 171'],
  ['CUCC', 'data', false, '145'],
  ['CUCC', 'iot', false, '146'],
  ['CTCC', 'mobile', false, '133 153 173 177 180 181 189 190 191 193 199'],
  ['CTCC', 'mobile', true, '1700 1701 1702 162'],
  ['CTCC', 'data', false, '149'],
  ['CTCC', 'satellite', false, '1349 17400 17401 17402 17403 17404 17405'],
  ['CTCC', 'iot', false, '1410'],
  ['CBCC', 'mobile', false, '192'],
  [null, 'unassigned', false, '142 143 154 161 164 194'],
];

const RANGES: ReadonlyMap<string, Range> = new Map(
  ROWS.flatMap(([carrier, category, virtual, prefixes]) =>
    prefixes.split(' ').map((prefix) => [prefix, { carrier, category, virtual }] as const),
  ),
);

// Prefixes in the table are 3–5 digits; anything not listed (e.g. 140, 1411, 17406) is
// treated like the ranges news reports as unassigned.
const UNLISTED: Range = { carrier: null, category: 'unassigned', virtual: false };

/** The longest listed prefix of an 11-digit mobile number decides. */
export function rangeOf(value: string): Range {
  for (let n = 5; n >= 3; n--) {
    const range = RANGES.get(value.slice(0, n));
    if (range) return { ...range };
  }
  return { ...UNLISTED };
}
