import type { Pool } from 'pg';
import type { PiiCipher } from '../../security/pii.ts';
import { type AppColumn, appCache } from '../app-cache.ts';
import { type AppRow, appFromRow } from '../app-row.ts';
import type { AppStore } from '../store.ts';
import type { Tables } from './pool.ts';

export const postgresApps = (pool: Pool, t: Tables, pii: PiiCipher): AppStore => {
  const toApp = (row: AppRow) => appFromRow(row, pii);
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
