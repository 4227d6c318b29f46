import type { Pool, PoolClient } from 'pg';
import { found, notFound, type PersonRecord } from '../../authorities/authority.ts';
import type { PiiCipher } from '../../security/pii.ts';
import type { RegistryStore } from '../store.ts';
import { type IndexedPerson, indexPersons, planImport, type Taken } from './import-plan.ts';
import { type Tables, transaction } from './pool.ts';

/**
 * Each person is one sealed JSON document keyed by the blind index of the ID number; cards and
 * phones are secondary blind indexes pointing at it.
 *
 * An import takes an advisory lock, reads which of the batch's indexes already exist, decides
 * in memory (import-plan.ts) and writes the accepted rows with one multi-row INSERT per table.
 * Only imports write these tables, so under the lock the read stays true until the commit; a
 * plain INSERT (no ON CONFLICT) turns any surprise into a rolled-back batch, never a half one.
 */
export const postgresRegistry = (pool: Pool, t: Tables, pii: PiiCipher): RegistryStore => {
  const taken = async (client: PoolClient, persons: IndexedPerson[]): Promise<Taken> => {
    const ids = persons.map((p) => p.idIndex);
    const cards = persons.flatMap((p) => p.cardIndexes);
    const sqlIds = `SELECT id_index AS i FROM ${t.persons} WHERE id_index = ANY($1)`;
    const sqlCards = `SELECT card_index AS i FROM ${t.cards} WHERE card_index = ANY($1)`;
    const [a, b] = [await client.query(sqlIds, [ids]), await client.query(sqlCards, [cards])];
    const set = (rows: { i: string }[]) => new Set(rows.map((row) => row.i));
    return { ids: set(a.rows), cards: set(b.rows) };
  };

  const write = async (client: PoolClient, accepted: IndexedPerson[]) => {
    if (accepted.length === 0) return;
    const sealed = accepted.map((p) => pii.seal(JSON.stringify(p.record)));
    await client.query(
      `INSERT INTO ${t.persons} (id_index, sealed) SELECT * FROM unnest($1::text[], $2::bytea[])`,
      [accepted.map((p) => p.idIndex), sealed],
    );
    const cards = accepted.flatMap((p) => p.cardIndexes.map((card) => [card, p.idIndex]));
    await insertPairs(client, `${t.cards} (card_index, id_index)`, cards);
    const phones = accepted.flatMap((p) => (p.phoneIndex ? [[p.phoneIndex, p.idIndex]] : []));
    await insertPairs(client, `${t.phones} (phone_index, id_index)`, phones);
  };

  const holder = async (sql: string, value: string): Promise<PersonRecord | undefined> => {
    const { rows } = await pool.query<{ sealed: Buffer }>(sql, [value]);
    return rows[0] && (JSON.parse(pii.open(rows[0].sealed)) as PersonRecord);
  };
  const personSql = `SELECT sealed FROM ${t.persons} WHERE id_index = $1`;
  const cardSql = `SELECT p.sealed FROM ${t.cards} c JOIN ${t.persons} p USING (id_index) WHERE c.card_index = $1`;
  // A phone shared by several persons answers with one of them; ordered so it is always the same.
  const phoneSql = `SELECT p.sealed FROM ${t.phones} ph JOIN ${t.persons} p USING (id_index)
    WHERE ph.phone_index = $1 ORDER BY ph.id_index LIMIT 1`;

  return {
    importBatch: (records) =>
      transaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
          `shiming import ${t.persons}`,
        ]);
        const persons = indexPersons(records, pii);
        const plan = planImport(persons, await taken(client, persons));
        await write(client, plan.accepted);
        return plan.result;
      }),
    async findPerson(idNumber) {
      const person = await holder(personSql, pii.index('id', idNumber));
      return person ? found(person) : notFound;
    },
    async findCard(cardNumber) {
      const person = await holder(cardSql, pii.index('card', cardNumber));
      const card = person?.bankCards.find((c) => c.number === cardNumber);
      return person && card ? found({ card, holder: person }) : notFound;
    },
    async findSubscriber(phone) {
      const person = await holder(phoneSql, pii.index('phone', phone));
      return person ? found(person) : notFound;
    },
    async count() {
      const { rows } = await pool.query<{ n: number }>(`SELECT count(*) AS n FROM ${t.persons}`);
      return rows[0]?.n ?? 0;
    },
  };
};

/** One multi-row INSERT of (index, id_index) pairs. */
const insertPairs = async (client: PoolClient, target: string, pairs: string[][]) => {
  if (pairs.length === 0) return;
  const firsts = pairs.map((pair) => pair[0]);
  const seconds = pairs.map((pair) => pair[1]);
  await client.query(`INSERT INTO ${target} SELECT * FROM unnest($1::text[], $2::text[])`, [
    firsts,
    seconds,
  ]);
};
