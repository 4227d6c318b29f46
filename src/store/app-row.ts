/**
 * The `apps` row both adapters store, and its unsealing into an App. Secrets are symmetric
 * signing keys, so they are sealed (not hashed) at rest. SQLite stores `disabled` as 0/1,
 * PostgreSQL as a boolean.
 */
import type { App } from '../security/apps.ts';
import type { PiiCipher } from '../security/pii.ts';

export interface AppRow {
  app_id: string;
  name: string;
  secret_id: string;
  secret_key: Buffer;
  access_key_id: string;
  access_key_secret: Buffer;
  qps: number | null;
  quota: number | null;
  disabled: number | boolean;
  created_at: number;
}

export const appFromRow = (row: AppRow, pii: PiiCipher): App =>
  Object.freeze({
    appId: row.app_id,
    name: row.name,
    secretId: row.secret_id,
    secretKey: pii.open(row.secret_key),
    accessKeyId: row.access_key_id,
    accessKeySecret: pii.open(row.access_key_secret),
    qps: row.qps,
    quota: row.quota,
    disabled: row.disabled === true || row.disabled === 1,
    createdAt: row.created_at,
  });
