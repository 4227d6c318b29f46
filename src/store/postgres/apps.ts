import type { Pool } from 'pg';
import type { App } from '../../security/apps.ts';
import type { PiiCipher } from '../../security/pii.ts';
import { type AppColumn, appCache } from '../app-cache.ts';
import type { AppStore } from '../store.ts';
import type { Tables } from './pool.ts';

interface AppRow {
  app_id: string;
  name: string;
  secret_id: string;
  secret_key: Buffer;
  access_key_id: string;
  access_key_secret: Buffer;
  qps: number | null;
  quota: number | null;
  disabled: boolean;
  created_at: number;
}

/** Secrets are symmetric signing keys, so they are sealed (not hashed) at rest. */
export const postgresApps = (pool: Pool, t: Tables, pii: PiiCipher): AppStore => {
  const toApp = (row: AppRow): App =>
    Object.freeze({
      appId: row.app_id,
      name: row.name,
      secretId: row.secret_id,
      secretKey: pii.open(row.secret_key),
      accessKeyId: row.access_key_id,
      accessKeySecret: pii.open(row.access_key_secret),
      qps: row.qps,
      quota: row.quota,
      disabled: row.disabled,
      createdAt: row.created_at,
    });
  const load = async (column: AppColumn, value: string) => {
    const text = `SELECT * FROM ${t.apps} WHERE ${column} = $1`;
    const { rows } = await pool.query<AppRow>({ name: `app-by-${column}`, text, values: [value] });
    return rows[0] && toApp(rows[0]);
  };
  const { by, clear } = appCache(load);
  return {
    bySecretId: by('secret_id'),
    byAccessKeyId: by('access_key_id'),
    byAppId: by('app_id'),
    async create(app) {
      await pool.query(
        `INSERT INTO ${t.apps} (app_id, name, secret_id, secret_key, access_key_id, access_key_secret, qps, quota, disabled, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          app.appId,
          app.name,
          app.secretId,
          pii.seal(app.secretKey),
          app.accessKeyId,
          pii.seal(app.accessKeySecret),
          app.qps,
          app.quota,
          app.disabled,
          app.createdAt,
        ],
      );
    },
    async list() {
      const { rows } = await pool.query<AppRow>(`SELECT * FROM ${t.apps} ORDER BY created_at`);
      return rows.map(toApp);
    },
    async setDisabled(appId, disabled) {
      const sql = `UPDATE ${t.apps} SET disabled = $1 WHERE app_id = $2`;
      const { rowCount } = await pool.query(sql, [disabled, appId]);
      clear();
      return (rowCount ?? 0) > 0;
    },
    async used(appId) {
      const text = `SELECT used FROM ${t.apps} WHERE app_id = $1`;
      const { rows } = await pool.query<{ used: number }>({
        name: 'app-used',
        text,
        values: [appId],
      });
      return rows[0]?.used ?? 0;
    },
  };
};
