/**
 * Classifies an 18-character ID number by its leading digits and checks its address code
 * (spec §1.5, §1.6, §1.4). Pure: the division table is passed in.
 *
 * @example
 *   placeOf('110103198001010013', 1980, areaTable(), []); // { kind: 'resident', regionCode: '110103' }
 */
import type { IdKind, IdWarning } from './id-number.ts';
import type { AreaTable } from './tables.ts';

export interface Place {
  kind: IdKind;
  regionCode: string;
}

// §1.5: permits carry exactly these address codes; 830000 is not in GB/T 2260 (Taiwan is 710000
// there), so they are matched here and never looked up in the division table.
const PERMITS: Readonly<Record<string, IdKind>> = {
  '810000': 'hk',
  '820000': 'mo',
  '830000': 'tw',
};

/** Kind and region of a checksum-valid number, or 'province' when its address part is impossible. */
export function placeOf(
  value: string,
  birthYear: number,
  areas: AreaTable,
  warnings: IdWarning[],
): Place | 'province' {
  if (/^8[1-3]/.test(value)) return permitPlace(value.slice(0, 6));
  if (value.startsWith('9')) return permanentResidentPlace(value.slice(1, 3), areas);
  return residentPlace(value.slice(0, 6), birthYear, areas, warnings);
}

function permitPlace(code: string): Place | 'province' {
  const kind = PERMITS[code];
  return kind ? { kind, regionCode: code } : 'province';
}

// §1.6: 9 + province of application + nationality; the region is that province.
function permanentResidentPlace(province: string, areas: AreaTable): Place | 'province' {
  if (!areas.provinces.has(province)) return 'province';
  return { kind: 'permanent_resident', regionCode: `${province}0000` };
}

// §1.4: the province is a hard rule; the county only warns, because real cards carry codes
// missing from every list and codes used after abolition.
function residentPlace(
  code: string,
  birthYear: number,
  areas: AreaTable,
  warnings: IdWarning[],
): Place | 'province' {
  if (!areas.provinces.has(code.slice(0, 2))) return 'province';
  const area = areas.codes.get(code);
  if (!area) warnings.push('unknown_county');
  // end_year is the year the code stopped (exclusive); birth in that year is still plausible.
  else if (area.endYear !== null && birthYear > area.endYear)
    warnings.push('born_after_code_retired');
  return { kind: 'resident', regionCode: code };
}
