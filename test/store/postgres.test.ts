/** The storage conformance suite on PostgreSQL, in a fresh schema, plus what only it does. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, test } from 'node:test';
import { newApp } from '../../src/security/credentials.ts';
import { createPiiCipher } from '../../src/security/pii.ts';
import { openPostgresStore } from '../../src/store/postgres/index.ts';
import { tablesIn } from '../../src/store/postgres/pool.ts';
import { runStoreConformance } from './conformance.ts';
import { verification } from './fixtures.ts';
import { dropSchema, sql, testDatabaseUrl, uniqueSchema } from './postgres-database.ts';

const url = await testDatabaseUrl();
const schema = uniqueSchema('store');
const tables = tablesIn(schema);
const pii = createPiiCipher(randomBytes(32));
const open = () => openPostgresStore({ url, schema }, pii);

/** Every row of every table as PostgreSQL renders it (bytea as hex), plus the sealed bytes. */
const rawBytes = async () => {
  const parts: Buffer[] = [];
  for (const table of Object.values(tables)) {
    const rows = await sql<{ row: string }>(url, `SELECT t::text AS row FROM ${table} t`);
    parts.push(...rows.map((r) => Buffer.from(r.row, 'utf8')));
  }
  const sealed = await sql<{ sealed: Buffer }>(url, `SELECT sealed FROM ${tables.persons}`);
  return Buffer.concat([...parts, ...sealed.map((r) => r.sealed)]);
};

runStoreConformance({ open, rawBytes, destroy: () => dropSchema(url, schema).then(() => {}) });

test('postgres only', async (t) => {
  const store = await open();
  after(() => store.close());

  await t.test('case=stores opening a new schema at once all succeed', async () => {
    const fresh = uniqueSchema('boot');
    try {
      const stores = await Promise.all(
        [1, 2, 3, 4].map(() => openPostgresStore({ url, schema: fresh }, pii)),
      );
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await dropSchema(url, fresh);
    }
  });

  await t.test('case=concurrent appends are group-committed in few transactions', async () => {
    const records = Array.from({ length: 200 }, () => verification());
    await Promise.all(records.map((r) => store.records.append(r)));
    const ids = records.map((r) => r.requestId);
    const [row] = await sql<{ n: number }>(
      url,
      `SELECT count(DISTINCT xmin::text)::int AS n FROM ${tables.records} WHERE request_id = ANY($1)`,
      [ids],
    );
    assert.ok(row && row.n <= 2, `${row?.n} transactions for 200 appends`);
  });

  await t.test('case=a disable made by another process shows within a second', async () => {
    const app = newApp({ name: 'cached', qps: null, quota: null });
    await store.apps.create(app);
    assert.equal((await store.apps.bySecretId(app.secretId))?.disabled, false);
    const other = await open();
    await other.apps.setDisabled(app.appId, true);
    await other.close();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    assert.equal((await store.apps.bySecretId(app.secretId))?.disabled, true);
  });
});
