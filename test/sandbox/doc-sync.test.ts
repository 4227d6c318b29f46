import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { sandboxDoc } from '../../scripts/sandbox-doc.ts';

test('case=docs/sandbox.md is generated from the sandbox tables', () => {
  const committed = readFileSync(new URL('../../docs/sandbox.md', import.meta.url), 'utf8');
  assert.equal(committed, sandboxDoc(), 'run: npx tsx scripts/sandbox-doc.ts');
});
