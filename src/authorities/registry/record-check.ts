/**
 * Checks one imported registry row with the identity rules and returns the normalised record,
 * or the reason it is refused (reported to the operator with its line number).
 */
import { CARD_STATES, type CardState } from '../../core/outcomes.ts';
import { normalizeName, parseBankCard, parseIdNumber, parsePhone } from '../../identity/index.ts';
import type { BankCardRecord, IdCardRecord, PersonRecord } from '../authority.ts';

/** A row as read from JSON Lines or CSV, before any checking. */
export interface RawRecord {
  name?: unknown;
  idNumber?: unknown;
  phone?: unknown;
  portrait?: unknown;
  bankCards?: unknown;
  idCard?: unknown;
}

export type RowCheck = { ok: true; record: PersonRecord } | { ok: false; reason: string };

class RowError extends Error {}

const text = (value: unknown, field: string): string => {
  if (typeof value !== 'string' || value.trim() === '') throw new RowError(`${field} is missing`);
  return value;
};

const optionalText = (value: unknown, field: string): string | undefined =>
  value === undefined || value === null || value === '' ? undefined : text(value, field);

const phoneOf = (value: unknown, field: string): string | undefined => {
  const raw = optionalText(value, field);
  if (raw === undefined) return undefined;
  const parsed = parsePhone(raw);
  if (!parsed.ok) throw new RowError(`bad ${field}`);
  return parsed.phone.value;
};

const cardOf = (value: unknown, index: number): BankCardRecord => {
  const card = (value ?? {}) as { number?: unknown; phone?: unknown; state?: unknown };
  const parsed = parseBankCard(text(card.number, `bankCards[${index}].number`));
  if (!parsed.ok) throw new RowError(`bad bank card number (bankCards[${index}])`);
  const state = (card.state ?? 'normal') as CardState;
  if (!CARD_STATES.includes(state)) throw new RowError(`unknown card state ${String(card.state)}`);
  return { number: parsed.value, phone: phoneOf(card.phone, `bankCards[${index}].phone`), state };
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const idCardOf = (value: unknown): IdCardRecord | undefined => {
  if (value === undefined || value === null) return undefined;
  const card = value as { authority?: unknown; validFrom?: unknown; validTo?: unknown };
  const validFrom = optionalText(card.validFrom, 'idCard.validFrom');
  const validTo = optionalText(card.validTo, 'idCard.validTo');
  if (validFrom !== undefined && !DATE.test(validFrom)) throw new RowError('bad idCard.validFrom');
  if (validTo !== undefined && validTo !== '长期' && !DATE.test(validTo))
    throw new RowError('bad idCard.validTo');
  return { authority: optionalText(card.authority, 'idCard.authority'), validFrom, validTo };
};

const build = (raw: RawRecord, today: string): PersonRecord => {
  const id = parseIdNumber(text(raw.idNumber, 'idNumber'), { today });
  if (!id.ok) throw new RowError(`bad ID number (${id.problem})`);
  const name = normalizeName(text(raw.name, 'name'));
  if (!name.ok) throw new RowError(`bad name (${name.problem})`);
  if (raw.bankCards !== undefined && !Array.isArray(raw.bankCards))
    throw new RowError('bankCards must be a list');
  const bankCards = ((raw.bankCards as unknown[] | undefined) ?? []).map(cardOf);
  return {
    name: name.value,
    idNumber: id.id.value,
    phone: phoneOf(raw.phone, 'phone'),
    bankCards,
    idCard: idCardOf(raw.idCard),
  };
};

export const checkRecord = (raw: RawRecord, today: string): RowCheck => {
  try {
    return { ok: true, record: build(raw, today) };
  } catch (error) {
    if (error instanceof RowError) return { ok: false, reason: error.message };
    throw error;
  }
};
