/** Opens the store the configuration names: PostgreSQL when `database` is set, else SQLite. */
import type { Config } from '../config.ts';
import type { PiiCipher } from '../security/pii.ts';
import { openPostgresStore } from './postgres/index.ts';
import { openSqliteStore } from './sqlite/index.ts';
import type { Store } from './store.ts';

export const openStore = async (config: Config, pii: PiiCipher): Promise<Store> => {
  if (config.database)
    return openPostgresStore({ url: config.database, schema: config.databaseSchema }, pii);
  return openSqliteStore({ dataDir: config.dataDir, fsync: config.fsync }, pii);
};
