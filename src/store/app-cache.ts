/**
 * Every signed request looks its app up (and unseals its secrets), so both store adapters keep
 * hits for a second. Only hits: an app created by the CLI in another process is visible at
 * once; a disable made elsewhere shows within CACHE_MS (one made through the same store, at
 * once, by `clear()`).
 */
import type { App } from '../security/apps.ts';

const CACHE_MS = 1000;

export type AppColumn = 'secret_id' | 'access_key_id' | 'app_id';

export const appCache = (load: (column: AppColumn, value: string) => Promise<App | undefined>) => {
  const cache = new Map<string, { app: App; until: number }>();
  return {
    by: (column: AppColumn) => async (value: string) => {
      const key = `${column}\u0000${value}`;
      const hit = cache.get(key);
      if (hit && hit.until > Date.now()) return hit.app;
      const app = await load(column, value);
      if (app) cache.set(key, { app, until: Date.now() + CACHE_MS });
      else cache.delete(key);
      return app;
    },
    clear: () => cache.clear(),
  };
};
