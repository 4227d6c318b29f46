import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CARD_STATES, OUTCOME_MESSAGES } from '../../src/core/outcomes.ts';
import { configurationDoc } from '../../scripts/config-docs.ts';

const doc = (name: string) => readFileSync(new URL(`../../docs/${name}`, import.meta.url), 'utf8');

test('case=docs/outcomes.md lists exactly the outcome catalogue', () => {
  const rows = [...doc('outcomes.md').matchAll(/^\| `([a-z_]+)` \| (.+) \|$/gm)].map((m) => [
    m[1],
    m[2],
  ]);
  assert.deepEqual(Object.fromEntries(rows), OUTCOME_MESSAGES);
});

test('case=docs/outcomes.md lists every card state', () => {
  for (const state of CARD_STATES) assert.match(doc('outcomes.md'), new RegExp(`\`${state}\``));
});

test('case=docs/configuration.md is generated from the schema', () => {
  assert.equal(doc('configuration.md'), configurationDoc());
});
