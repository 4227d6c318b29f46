import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DEMO_BIZ_TYPE } from '../../src/app.ts';
import { shimingCli, startTestServer } from '../support/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'shiming-biztypes-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const cli = (args: string[]) => shimingCli([...args, '--data-dir', dir]);

test('case=biztypes create is idempotent and list shows each once, in creation order', async () => {
  assert.deepEqual(JSON.parse(await cli(['biztypes', 'create', 'RPMinTest', '--json'])), {
    name: 'RPMinTest',
    created: true,
  });
  assert.match(await cli(['biztypes', 'create', 'RPMinTest']), /already exists/);
  await cli(['biztypes', 'create', 'onboarding.v2']);
  const listed = JSON.parse(await cli(['biztypes', 'list', '--json'])) as { name: string }[];
  assert.deepEqual(
    listed.map((b) => b.name),
    ['RPMinTest', 'onboarding.v2'],
  );
  assert.match(await cli(['biztypes', 'list']), /^RPMinTest {2}\d{4}-/);
});

test('case=a malformed name or a missing one is a usage error (exit 2)', async () => {
  for (const args of [['create', 'bad name'], ['create', 'x'.repeat(65)], ['create'], ['drop']]) {
    await assert.rejects(cli(['biztypes', ...args]), (e: { code: number }) => e.code === 2);
  }
});

test('case=demo mode creates the demo BizType', async () => {
  const server = await startTestServer({ demo: true });
  try {
    const listed = JSON.parse(await server.cli(['biztypes', 'list', '--json'])) as {
      name: string;
    }[];
    assert.deepEqual(
      listed.map((b) => b.name),
      [DEMO_BIZ_TYPE],
    );
  } finally {
    await server.close();
  }
});
