import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { faceidClient } from '../support/tencent-client.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'shiming-durable-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

const startServer = async (port: number) => {
  const bin = new URL('../../bin/shiming.mjs', import.meta.url).pathname;
  const args = [
    bin,
    'serve',
    '--demo',
    '--port',
    String(port),
    '--data-dir',
    dataDir,
    '--log-level',
    'silent',
    '--default-qps',
    '100000',
  ];
  const child = spawn(process.execPath, args, { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
};

test('case=every acknowledged verification survives kill -9', async () => {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = await startServer(port);
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const client = faceidClient(port);
  const answers = await Promise.all(
    Array.from({ length: 200 }, () =>
      client.IdCardVerification({ IdCard: '110105199003070017', Name: '张三' }),
    ),
  ).finally(() => server.kill('SIGKILL'));
  await exited;
  const db = new Database(join(dataDir, 'shiming.db'), { readonly: true });
  const stored = new Set(
    db
      .prepare('SELECT request_id FROM verification_records')
      .all()
      .map((r) => (r as { request_id: string }).request_id),
  );
  db.close();
  assert.ok(answers.every((a) => a.Result === '0'));
  for (const answer of answers)
    assert.ok(stored.has(answer.RequestId!), `record ${answer.RequestId} lost`);
});
