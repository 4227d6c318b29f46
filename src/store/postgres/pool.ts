/**
 * The connection pool, the schema-qualified table names and the one transaction helper.
 *
 * Tables are named with their schema (`"shiming".apps`) instead of through `search_path`: a
 * startup `options=-c search_path=…` is dropped by PgBouncer in transaction pooling mode and is
 * replaced by any `options` the URL carries.
 */
import { escapeIdentifier, Pool, type PoolClient, TypeOverrides } from 'pg';

export interface Tables {
  apps: string;
  persons: string;
  cards: string;
  phones: string;
  records: string;
  bizTypes: string;
  materials: string;
  materialsImages: string;
}

export const tablesIn = (schema: string): Tables => {
  const s = escapeIdentifier(schema);
  return {
    apps: `${s}.apps`,
    persons: `${s}.persons`,
    cards: `${s}.person_cards`,
    phones: `${s}.person_phones`,
    records: `${s}.verification_records`,
    bizTypes: `${s}.biz_types`,
    materials: `${s}.materials_tasks`,
    materialsImages: `${s}.materials_images`,
  };
};

const INT8_OID = 20;
/** Small on purpose: writes are group-committed on one connection, reads are single look-ups. */
const POOL_SIZE = 8;

export const createPool = (url: string): Pool => {
  // bigint columns hold millisecond times and counters, far below 2^53.
  const types = new TypeOverrides();
  types.setTypeParser(INT8_OID, Number);
  const pool = new Pool({ connectionString: url, max: POOL_SIZE, types });
  // An idle client's error (e.g. a server restart) would otherwise crash the process. The pool
  // drops that client; the next query connects afresh and reports any lasting failure itself.
  pool.on('error', () => {});
  return pool;
};

/** Runs `work` in BEGIN … COMMIT; rolls back on any error and rethrows it. */
export const transaction = async <T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> => {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A client that cannot even roll back is destroyed rather than returned to the pool.
    await client.query('ROLLBACK').catch((rollback: Error) => {
      broken = rollback;
    });
    throw error;
  } finally {
    client.release(broken);
  }
};
