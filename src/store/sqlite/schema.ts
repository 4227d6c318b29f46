/** SQLite schema, applied idempotently at open. Personal data columns hold sealed envelopes. */
export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS apps (
  app_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  secret_id TEXT NOT NULL UNIQUE,
  secret_key BLOB NOT NULL,
  access_key_id TEXT NOT NULL UNIQUE,
  access_key_secret BLOB NOT NULL,
  qps REAL,
  quota INTEGER,
  used INTEGER NOT NULL DEFAULT 0,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
-- A rowid table: the sealed documents are appended in insertion order, and only the small
-- (id_index → rowid) index takes the random blind-index keys.
CREATE TABLE IF NOT EXISTS persons (
  id_index TEXT PRIMARY KEY,
  sealed BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS person_cards (
  card_index TEXT PRIMARY KEY,
  id_index TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS person_phones (
  phone_index TEXT NOT NULL,
  id_index TEXT NOT NULL,
  PRIMARY KEY (phone_index, id_index)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS verification_records (
  request_id TEXT PRIMARY KEY,
  app_id TEXT,
  dialect TEXT NOT NULL,
  action TEXT NOT NULL,
  outcome TEXT NOT NULL,
  billed INTEGER NOT NULL,
  latency_ms REAL NOT NULL,
  subject TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS verification_records_app ON verification_records (app_id, created_at);
CREATE TABLE IF NOT EXISTS biz_types (
  name TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS materials_tasks (
  biz_type TEXT NOT NULL,
  biz_id TEXT NOT NULL,
  passed INTEGER NOT NULL,
  sealed BLOB NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (biz_type, biz_id)
) WITHOUT ROWID;
-- The latest submission's photos per task, kept only with image retention on (sealed).
CREATE TABLE IF NOT EXISTS materials_images (
  biz_type TEXT NOT NULL,
  biz_id TEXT NOT NULL,
  sealed BLOB NOT NULL,
  purge_at INTEGER NOT NULL,
  PRIMARY KEY (biz_type, biz_id)
);
CREATE INDEX IF NOT EXISTS materials_images_purge ON materials_images (purge_at);
`;
