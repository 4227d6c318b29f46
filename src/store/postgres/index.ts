/**
 * The PostgreSQL store, for several server processes sharing one database. Tables live in one
 * schema (default `shiming`), created at open if missing.
 *
 * @example
 *   const store = await openPostgresStore({ url: 'postgres://shiming@db/shiming' }, pii);
 */
import type { PiiCipher } from '../../security/pii.ts';
import type { Store } from '../store.ts';
import { postgresApps } from './apps.ts';
import { postgresBizTypes, postgresMaterials } from './materials.ts';
import { createPool, tablesIn } from './pool.ts';
import { postgresRecords } from './records.ts';
import { postgresRegistry } from './registry.ts';
import { ensureSchema } from './schema.ts';

export interface PostgresOptions {
  url: string;
  /** Default `shiming`. */
  schema?: string;
}

export const DEFAULT_SCHEMA = 'shiming';

export const openPostgresStore = async (
  options: PostgresOptions,
  pii: PiiCipher,
): Promise<Store> => {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const pool = createPool(options.url);
  try {
    await ensureSchema(pool, schema);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const tables = tablesIn(schema);
  const records = postgresRecords(pool, tables);
  return {
    apps: postgresApps(pool, tables, pii),
    registry: postgresRegistry(pool, tables, pii),
    records,
    bizTypes: postgresBizTypes(pool, tables),
    materials: postgresMaterials(pool, tables, pii),
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await records.drain();
      await pool.end();
    },
  };
};
