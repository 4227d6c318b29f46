import type Database from 'better-sqlite3';
import { found, notFound, type PersonRecord } from '../../authorities/authority.ts';
import type { PiiCipher } from '../../security/pii.ts';
import type { ImportResult, RegistryStore } from '../store.ts';

/**
 * Each person is one sealed JSON document keyed by the blind index of the ID number; cards and
 * phones are secondary blind indexes pointing at it.
 */
export const sqliteRegistry = (db: Database.Database, pii: PiiCipher): RegistryStore => {
  const insertPerson = db.prepare('INSERT OR IGNORE INTO persons (id_index, sealed) VALUES (?, ?)');
  const insertCard = db.prepare(
    'INSERT OR IGNORE INTO person_cards (card_index, id_index) VALUES (?, ?)',
  );
  const insertPhone = db.prepare(
    'INSERT OR IGNORE INTO person_phones (phone_index, id_index) VALUES (?, ?)',
  );
  const deletePerson = db.prepare('DELETE FROM persons WHERE id_index = ?');
  const deleteCards = db.prepare('DELETE FROM person_cards WHERE id_index = ?');
  const person = db.prepare<[string], { sealed: Buffer }>(
    'SELECT sealed FROM persons WHERE id_index = ?',
  );
  const cardOwner = db.prepare<[string], { id_index: string }>(
    'SELECT id_index FROM person_cards WHERE card_index = ?',
  );
  const phoneOwner = db.prepare<[string], { id_index: string }>(
    'SELECT id_index FROM person_phones WHERE phone_index = ? LIMIT 1',
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM persons');

  const load = (idIndex: string): PersonRecord | undefined => {
    const row = person.get(idIndex);
    return row && (JSON.parse(pii.open(row.sealed)) as PersonRecord);
  };

  /** Inserts one person; undoes its own rows when a card already belongs to someone else. */
  const insertOne = (record: PersonRecord): 'ok' | 'idNumber' | 'bankCard' => {
    const idIndex = pii.index('id', record.idNumber);
    if (insertPerson.run(idIndex, pii.seal(JSON.stringify(record))).changes === 0)
      return 'idNumber';
    for (const card of record.bankCards) {
      if (insertCard.run(pii.index('card', card.number), idIndex).changes === 0) {
        deleteCards.run(idIndex);
        deletePerson.run(idIndex);
        return 'bankCard';
      }
    }
    if (record.phone) insertPhone.run(pii.index('phone', record.phone), idIndex);
    return 'ok';
  };

  const importBatch = db.transaction((records: readonly PersonRecord[]): ImportResult => {
    const result: ImportResult = { inserted: 0, duplicates: [] };
    records.forEach((record, index) => {
      const status = insertOne(record);
      if (status === 'ok') result.inserted += 1;
      else result.duplicates.push({ index, field: status });
    });
    return result;
  });

  const byIndex = (idIndex: string | undefined) => {
    const record = idIndex === undefined ? undefined : load(idIndex);
    return record ? found(record) : notFound;
  };

  return {
    async importBatch(records) {
      // A bulk import writes far more than any checkpoint interval; checkpointing (and so
      // fsyncing) in the middle made imports 3× slower. The WAL is folded back when this
      // connection closes, or by the server's own next checkpoint. Durability is unchanged:
      // each batch still commits to the WAL.
      db.pragma('wal_autocheckpoint = 0');
      return importBatch(records);
    },
    async findPerson(idNumber) {
      return byIndex(pii.index('id', idNumber));
    },
    async findCard(cardNumber) {
      const holder = byIndex(cardOwner.get(pii.index('card', cardNumber))?.id_index);
      if (holder.status !== 'found') return notFound;
      const card = holder.value.bankCards.find((c) => c.number === cardNumber);
      return card ? found({ card, holder: holder.value }) : notFound;
    },
    async findSubscriber(phone) {
      return byIndex(phoneOwner.get(pii.index('phone', phone))?.id_index);
    },
    async count() {
      return count.get()?.n ?? 0;
    },
  };
};
