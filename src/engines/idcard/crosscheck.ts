/**
 * Cross-checks between what is printed and what the ID number says, reported as warnings —
 * never silently "fixed": the printed birth date and sex against those encoded in the number,
 * the nation against the 56 official names, the validity period against the issuing rules.
 */
import type { ParsedBack } from './parse-back.ts';
import type { ParsedFront } from './parse-front.ts';
import type { FieldWarning, FrontResult } from './types.ts';

export const frontWarnings = (
  p: ParsedFront,
): { warnings: FieldWarning[]; fromIdNumber: FrontResult['fromIdNumber'] } => {
  const w: FieldWarning[] = [];
  const f = p.fields;
  for (const [field, value] of Object.entries(f)) {
    if (value === null && field !== 'idNumber') w.push({ code: 'field_missing', field });
  }
  if (!p.id.ok) {
    const code = p.id.problem === 'invalid' ? 'id_number_invalid' : 'id_number_unreadable';
    w.push({ code, field: 'idNumber', detail: p.id.problem });
    if (p.nationUnknown)
      w.push({ code: 'nation_unknown', field: 'nation', printed: f.nation ?? '' });
    return { warnings: w, fromIdNumber: null };
  }
  const id = p.id.id;
  if (p.id.corrected)
    w.push({
      code: 'id_number_corrected',
      field: 'idNumber',
      detail:
        "one uncertain character replaced by the recogniser's second choice; the check digit then matched",
    });
  const sex = id.sex === 'M' ? '男' : '女';
  if (f.birthDate && f.birthDate !== id.birthDate) {
    w.push({
      code: 'birth_date_mismatch',
      field: 'birthDate',
      printed: f.birthDate,
      expected: id.birthDate,
    });
  }
  if (f.sex && f.sex !== sex)
    w.push({ code: 'sex_mismatch', field: 'sex', printed: f.sex, expected: sex });
  nationWarnings(p, w);
  return { warnings: w, fromIdNumber: { birthDate: id.birthDate, sex, regionCode: id.regionCode } };
};

const SPANS = [5, 10, 20];

export const backWarnings = (
  p: ParsedBack,
  today: string,
): { warnings: FieldWarning[]; expired: boolean | null } => {
  const w: FieldWarning[] = [];
  const { authority, validFrom, validTo } = p.fields;
  if (!authority) w.push({ code: 'field_missing', field: 'authority' });
  if (!validFrom || !validTo) {
    w.push(
      p.validityText
        ? { code: 'validity_malformed', field: 'validity', printed: p.validityText }
        : { code: 'field_missing', field: 'validity' },
    );
    return { warnings: w, expired: null };
  }
  if (validTo !== '长期') {
    const years = Number(validTo.slice(0, 4)) - Number(validFrom.slice(0, 4));
    if (validTo.slice(5) !== validFrom.slice(5) || !SPANS.includes(years)) {
      w.push({
        code: 'validity_span_unusual',
        field: 'validity',
        printed: `${validFrom}/${validTo}`,
      });
    }
  }
  const expired = validTo !== '长期' && validTo < today;
  if (expired) w.push({ code: 'expired', field: 'validTo', printed: validTo });
  return { warnings: w, expired };
};

const nationWarnings = (p: ParsedFront, w: FieldWarning[]) => {
  if (p.nationUnknown)
    w.push({ code: 'nation_unknown', field: 'nation', printed: p.fields.nation ?? '' });
  if (p.nationFromList) {
    const { read, chosen } = p.nationFromList;
    w.push({
      code: 'nation_from_list',
      field: 'nation',
      printed: read,
      expected: chosen,
      detail:
        "greedy reading not an official name; chosen from the 56 by the recogniser's probabilities",
    });
  }
};
