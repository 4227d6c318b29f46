/**
 * The embedded default store: one SQLite file under the data dir, WAL mode so the CLI can
 * write (apps, imports) while the server runs.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { PiiCipher } from '../../security/pii.ts';
import type { Store } from '../store.ts';
import { sqliteApps } from './apps.ts';
import { sqliteBizTypes, sqliteMaterials } from './materials.ts';
import { sqliteRecords } from './records.ts';
import { sqliteRegistry } from './registry.ts';
import { SQLITE_SCHEMA } from './schema.ts';

export interface SqliteOptions {
  dataDir: string;
  fsync: boolean;
}

export const openSqliteStore = (options: SqliteOptions, pii: PiiCipher): Store => {
  mkdirSync(options.dataDir, { recursive: true });
  const db = new Database(join(options.dataDir, 'shiming.db'));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.fsync ? 'FULL' : 'NORMAL'}`);
  db.pragma('busy_timeout = 5000');
  // Blind-index keys are random, so inserts touch pages all over the B-trees: keep them cached.
  db.pragma('cache_size = -65536');
  // Each checkpoint fsyncs; at the default 1000 pages they dominate bulk imports (3× slower).
  db.pragma('wal_autocheckpoint = 16384');
  db.exec(SQLITE_SCHEMA);
  const records = sqliteRecords(db);
  return {
    apps: sqliteApps(db, pii),
    registry: sqliteRegistry(db, pii),
    records,
    bizTypes: sqliteBizTypes(db),
    materials: sqliteMaterials(db, pii),
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      records.flush();
      db.close();
    },
  };
};
