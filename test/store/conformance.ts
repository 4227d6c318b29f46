/**
 * The one storage conformance suite: every Store adapter runs it against a real database
 * (test/store/sqlite.test.ts, test/store/postgres.test.ts). Cases are named `case=…` so one can
 * be run alone with --test-name-pattern.
 *
 * @example
 *   runStoreConformance({ open, rawBytes, destroy });
 */
import { after, before, test } from 'node:test';
import type { Store } from '../../src/store/store.ts';
import { appCases } from './cases/apps.ts';
import { atRestCases } from './cases/at-rest.ts';
import { lifecycleCases } from './cases/lifecycle.ts';
import { bizTypeCases, materialsCases, materialsImagesCases } from './cases/materials.ts';
import { recordCases } from './cases/records.ts';
import { registryCases } from './cases/registry.ts';

export interface StoreHarness {
  /** Opens a store over this harness's data; every store opened sees what the others committed. */
  open(): Promise<Store>;
  /** Everything the adapter keeps at rest, as raw bytes (file contents, or table rows as text). */
  rawBytes(): Promise<Buffer>;
  /** Removes the data (temporary directory, schema). */
  destroy(): Promise<void>;
  /** Cases this adapter does not pass yet, by name, with the reason. */
  skip?: Record<string, string>;
}

/** What each group of cases receives: the store under test and the harness behind it. */
export interface SuiteContext {
  store(): Store;
  harness: StoreHarness;
  /** The `skip` option for a case name (the reason, or false). */
  skip(name: string): string | false;
}

export const runStoreConformance = (harness: StoreHarness): void => {
  let store: Store | undefined;
  before(async () => {
    store = await harness.open();
  });
  after(async () => {
    await store?.close();
    await harness.destroy();
  });
  const context: SuiteContext = {
    store: () => store!,
    harness,
    skip: (name) => harness.skip?.[name] ?? false,
  };
  test('apps', (t) => appCases(t, context));
  test('registry', (t) => registryCases(t, context));
  test('records', (t) => recordCases(t, context));
  test('biz types', (t) => bizTypeCases(t, context));
  test('materials tasks', (t) => materialsCases(t, context));
  test('materials images', (t) => materialsImagesCases(t, context));
  test('personal data at rest', (t) => atRestCases(t, context));
  test('lifecycle', (t) => lifecycleCases(t, context));
};
