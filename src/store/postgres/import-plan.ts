/**
 * Decides, record by record and in batch order, which persons of an import batch are accepted,
 * with the SQLite adapter's semantics: an ID number already taken refuses the record; a card
 * already taken (or listed twice) refuses it too and frees everything it claimed, so a later
 * record in the same batch may still use that ID number or its other cards.
 */
import type { PersonRecord } from '../../authorities/authority.ts';
import type { PiiCipher } from '../../security/pii.ts';
import type { ImportResult } from '../store.ts';

export interface IndexedPerson {
  record: PersonRecord;
  idIndex: string;
  cardIndexes: string[];
  phoneIndex: string | undefined;
}

export interface ImportPlan {
  accepted: IndexedPerson[];
  result: ImportResult;
}

/** What the database already holds among the batch's blind indexes. */
export interface Taken {
  ids: Set<string>;
  cards: Set<string>;
}

export const indexPersons = (records: readonly PersonRecord[], pii: PiiCipher): IndexedPerson[] =>
  records.map((record) => ({
    record,
    idIndex: pii.index('id', record.idNumber),
    cardIndexes: record.bankCards.map((card) => pii.index('card', card.number)),
    phoneIndex: record.phone ? pii.index('phone', record.phone) : undefined,
  }));

const refusal = (person: IndexedPerson, taken: Taken): 'idNumber' | 'bankCard' | undefined => {
  if (taken.ids.has(person.idIndex)) return 'idNumber';
  const own = new Set(person.cardIndexes);
  if (own.size < person.cardIndexes.length) return 'bankCard';
  return person.cardIndexes.some((card) => taken.cards.has(card)) ? 'bankCard' : undefined;
};

/** `taken` is extended with the accepted persons' indexes. */
export const planImport = (persons: readonly IndexedPerson[], taken: Taken): ImportPlan => {
  const plan: ImportPlan = { accepted: [], result: { inserted: 0, duplicates: [] } };
  persons.forEach((person, index) => {
    const field = refusal(person, taken);
    if (field) {
      plan.result.duplicates.push({ index, field });
      return;
    }
    taken.ids.add(person.idIndex);
    for (const card of person.cardIndexes) taken.cards.add(card);
    plan.accepted.push(person);
    plan.result.inserted += 1;
  });
  return plan;
};
