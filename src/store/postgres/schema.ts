/**
 * PostgreSQL schema, applied idempotently at open: the SQLite tables with bytea for the sealed
 * columns. Personal data columns hold sealed envelopes; look-ups go through HMAC blind indexes.
 */
import { escapeIdentifier, type Pool } from 'pg';
import { type Tables, tablesIn, transaction } from './pool.ts';

const ddl = (t: Tables): string => `
CREATE TABLE IF NOT EXISTS ${t.apps} (
  app_id text PRIMARY KEY,
  name text NOT NULL,
  secret_id text NOT NULL UNIQUE,
  secret_key bytea NOT NULL,
  access_key_id text NOT NULL UNIQUE,
  access_key_secret bytea NOT NULL,
  qps double precision,
  quota bigint,
  used bigint NOT NULL DEFAULT 0,
  disabled boolean NOT NULL DEFAULT false,
  created_at bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS ${t.persons} (
  id_index text PRIMARY KEY,
  sealed bytea NOT NULL
);
CREATE TABLE IF NOT EXISTS ${t.cards} (
  card_index text PRIMARY KEY,
  id_index text NOT NULL
);
CREATE TABLE IF NOT EXISTS ${t.phones} (
  phone_index text NOT NULL,
  id_index text NOT NULL,
  PRIMARY KEY (phone_index, id_index)
);
CREATE TABLE IF NOT EXISTS ${t.records} (
  request_id text PRIMARY KEY,
  app_id text,
  dialect text NOT NULL,
  action text NOT NULL,
  outcome text NOT NULL,
  billed boolean NOT NULL,
  latency_ms double precision NOT NULL,
  subject text NOT NULL,
  created_at bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS verification_records_app ON ${t.records} (app_id, created_at);
CREATE INDEX IF NOT EXISTS verification_records_created ON ${t.records} (created_at);
CREATE TABLE IF NOT EXISTS ${t.bizTypes} (
  name text PRIMARY KEY,
  created_at bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS ${t.materials} (
  biz_type text NOT NULL,
  biz_id text NOT NULL,
  passed boolean NOT NULL,
  sealed bytea NOT NULL,
  updated_at bigint NOT NULL,
  PRIMARY KEY (biz_type, biz_id)
);
CREATE TABLE IF NOT EXISTS ${t.materialsImages} (
  biz_type text NOT NULL,
  biz_id text NOT NULL,
  sealed bytea NOT NULL,
  purge_at bigint NOT NULL,
  PRIMARY KEY (biz_type, biz_id)
);
CREATE INDEX IF NOT EXISTS materials_images_purge ON ${t.materialsImages} (purge_at);
`;

/**
 * Creates the schema and its tables if missing. The advisory lock serialises processes that
 * boot together: concurrent CREATE … IF NOT EXISTS can still collide in the catalogue. The
 * schema is looked up before creating it because CREATE SCHEMA checks the database CREATE
 * privilege even when the schema exists (a DBA may have created it for a less privileged role).
 */
export const ensureSchema = (pool: Pool, schema: string): Promise<void> =>
  transaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`shiming schema ${schema}`]);
    const existing = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (existing.rowCount === 0) await client.query(`CREATE SCHEMA ${escapeIdentifier(schema)}`);
    await client.query(ddl(tablesIn(schema)));
  });
