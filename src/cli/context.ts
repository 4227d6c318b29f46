/** Opens the store for a one-shot command and always closes it. */
import type { Config } from '../config.ts';
import { createPiiCipher, loadMasterKey } from '../security/pii.ts';
import { openStore } from '../store/open.ts';
import type { Store } from '../store/store.ts';

export const withStore = async <T>(
  config: Config,
  work: (store: Store) => Promise<T>,
): Promise<T> => {
  const store = await openStore(
    config,
    createPiiCipher(loadMasterKey(config.dataDir, config.dataKey)),
  );
  try {
    return await work(store);
  } finally {
    await store.close();
  }
};
