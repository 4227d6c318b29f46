import type { TestContext } from 'node:test';
import type { SuiteContext } from '../conformance.ts';

export type Cases = Record<string, () => Promise<void>>;

/** Runs each case as a `case=<name>` subtest, skipping the ones the harness lists. */
export const runCases = async (t: TestContext, context: SuiteContext, cases: Cases) => {
  for (const [name, body] of Object.entries(cases)) {
    await t.test(`case=${name}`, { skip: context.skip(name) }, body);
  }
};
