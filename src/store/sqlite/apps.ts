import type Database from 'better-sqlite3';
import type { PiiCipher } from '../../security/pii.ts';
import { type AppColumn, appCache } from '../app-cache.ts';
import { type AppRow, appFromRow } from '../app-row.ts';
import type { AppStore } from '../store.ts';

export const sqliteApps = (db: Database.Database, pii: PiiCipher): AppStore => {
  const toApp = (row: AppRow | undefined) => row && appFromRow(row, pii);
  const statements = {
    secret_id: db.prepare<[string], AppRow>('SELECT * FROM apps WHERE secret_id = ?'),
    access_key_id: db.prepare<[string], AppRow>('SELECT * FROM apps WHERE access_key_id = ?'),
    app_id: db.prepare<[string], AppRow>('SELECT * FROM apps WHERE app_id = ?'),
  };
  const { by, clear } = appCache(async (column: AppColumn, value) =>
    toApp(statements[column].get(value)),
  );
  const insert = db.prepare(
    `INSERT INTO apps (app_id, name, secret_id, secret_key, access_key_id, access_key_secret, qps, quota, disabled, created_at)
     VALUES (@appId, @name, @secretId, @secretKey, @accessKeyId, @accessKeySecret, @qps, @quota, @disabled, @createdAt)`,
  );
  const all = db.prepare<[], AppRow>('SELECT * FROM apps ORDER BY created_at');
  const disable = db.prepare('UPDATE apps SET disabled = ? WHERE app_id = ?');
  const used = db.prepare<[string], { used: number }>('SELECT used FROM apps WHERE app_id = ?');
  return {
    bySecretId: by('secret_id'),
    byAccessKeyId: by('access_key_id'),
    byAppId: by('app_id'),
    async create(app) {
      insert.run({
        ...app,
        secretKey: pii.seal(app.secretKey),
        accessKeySecret: pii.seal(app.accessKeySecret),
        disabled: app.disabled ? 1 : 0,
      });
    },
    async list() {
      return all.all().map((row) => toApp(row)!);
    },
    async setDisabled(appId, disabled) {
      clear();
      return disable.run(disabled ? 1 : 0, appId).changes > 0;
    },
    async used(appId) {
      return used.get(appId)?.used ?? 0;
    },
  };
};
