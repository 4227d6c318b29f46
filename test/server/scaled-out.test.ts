/**
 * The scaled-out mode: two server instances on one PostgreSQL schema and one Redis share apps,
 * records and rate-limit buckets.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildApp, type ShimingApp } from '../../src/app.ts';
import { parseConfig } from '../../src/config.ts';
import { newApp } from '../../src/security/credentials.ts';
import { DEMO_APP } from '../../src/security/demo.ts';
import { sql, testDatabaseUrl, uniqueSchema } from '../store/postgres-database.ts';
import { faceidClient } from '../support/tencent-client.ts';

const schema = uniqueSchema('scaled');
const dataDir = mkdtempSync(join(tmpdir(), 'shiming-scaled-'));
let url: string;
let servers: { app: ShimingApp; port: number }[] = [];

before(async () => {
  url = await testDatabaseUrl();
  const key = Buffer.alloc(32, 7).toString('base64');
  const config = parseConfig({
    dataDir,
    database: url,
    databaseSchema: schema,
    redis: 'redis://127.0.0.1:6379',
    dataKey: key,
    port: 0,
    demo: true,
    facePack: 'none',
    ocr: false,
    logLevel: 'silent',
  });
  for (const _ of [1, 2]) {
    const app = await buildApp(config);
    servers.push({ app, port: (await app.start()).port });
  }
});
after(async () => {
  for (const { app } of servers) await app.close();
  servers = [];
  await sql(url, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  rmSync(dataDir, { recursive: true, force: true });
});

const call = (port: number, credential: { secretId: string; secretKey: string }) =>
  faceidClient(port, credential).IdCardVerification({ IdCard: '110105199003070017', Name: '张三' });

test('case=an app created through one instance works on the other at once', async () => {
  const app = newApp({ name: 'shared', qps: 1000, quota: null });
  await servers[0]!.app.store.apps.create(app);
  assert.equal((await call(servers[1]!.port, app)).Result, '0');
});

test('case=both instances record to the one store', async () => {
  const before = await servers[0]!.app.store.records.count();
  const answers = await Promise.all(servers.map((s) => call(s.port, DEMO_APP)));
  assert.equal(answers.length, 2);
  assert.equal(await servers[1]!.app.store.records.count(), before + 2);
});

test('case=the rate limit is shared through Redis', async () => {
  const app = newApp({ name: 'slow', qps: 2, quota: null });
  await servers[0]!.app.store.apps.create(app);
  const results = await Promise.allSettled(
    [0, 1, 0, 1, 0, 1].map((i) => call(servers[i]!.port, app)),
  );
  const limited = results.filter(
    (r) =>
      r.status === 'rejected' &&
      /RequestLimitExceeded/.test(String((r.reason as { code?: string }).code)),
  );
  assert.equal(
    results.length - limited.length,
    2,
    'two requests pass in total, not two per instance',
  );
});
