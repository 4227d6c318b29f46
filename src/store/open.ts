/** Opens the store the configuration names: PostgreSQL when `database` is set, else SQLite. */
import type { Config } from '../config.ts';
import type { PiiCipher } from '../security/pii.ts';
import { openSqliteStore } from './sqlite/index.ts';
import type { Store } from './store.ts';

export const openStore = async (config: Config, pii: PiiCipher): Promise<Store> => {
  if (config.database) throw new Error('PostgreSQL support is not built yet');
  return openSqliteStore({ dataDir: config.dataDir, fsync: config.fsync }, pii);
};
