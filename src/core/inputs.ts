/**
 * Validation of raw command fields with the identity rules, each failure already the outcome
 * the core answers with. Order matters and follows the providers: ID number, then name, then
 * the other elements.
 */
import {
  type IdNumber,
  parseBankCard,
  parseIdNumber,
  parsePhone,
  normalizeName,
} from '../identity/index.ts';
import type { ParsedBankCard, PhoneInfo } from '../identity/index.ts';
import { type Outcome, outcome } from './outcomes.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; outcome: Outcome };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(o: Outcome): Checked<T> => ({ ok: false, outcome: o });

export const checkIdNumber = (raw: string, today: string): Checked<IdNumber> => {
  const parsed = parseIdNumber(raw, { today });
  return parsed.ok
    ? ok(parsed.id)
    : fail(outcome('invalid_id_number', { idProblem: parsed.problem }));
};

export const checkName = (raw: string): Checked<string> => {
  const parsed = normalizeName(raw);
  return parsed.ok ? ok(parsed.value) : fail(outcome('invalid_name'));
};

export type ValidBankCard = Extract<ParsedBankCard, { ok: true }>;

export const checkBankCard = (raw: string): Checked<ValidBankCard> => {
  const parsed = parseBankCard(raw);
  return parsed.ok ? ok(parsed) : fail(outcome('invalid_bank_card'));
};

/** Data-only, IoT, satellite and unassigned ranges have no subscriber to verify against. */
export const checkPhone = (raw: string): Checked<PhoneInfo> => {
  const parsed = parsePhone(raw);
  if (!parsed.ok) return fail(outcome('invalid_phone'));
  if (parsed.phone.category !== 'mobile') return fail(outcome('unsupported_number_range'));
  return ok(parsed.phone);
};
