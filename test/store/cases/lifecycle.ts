import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { SuiteContext } from '../conformance.ts';
import { verification } from '../fixtures.ts';
import { runCases } from './run.ts';

export const lifecycleCases = (t: TestContext, context: SuiteContext) =>
  runCases(t, context, {
    'ping resolves on an open store': async () => {
      await context.store().ping();
    },
    'close waits for appends still queued, then ping rejects': async () => {
      const store = await context.harness.open();
      // Newer than every other case's records, so `recent` finds it.
      const record = verification({ createdAt: Date.now() + 3_600_000 });
      const appended = store.records.append(record);
      await store.close();
      await appended;
      await assert.rejects(store.ping());
      assert.deepEqual(await context.store().records.recent(1), [record]);
    },
    'a second open over existing data keeps it': async () => {
      const before = await context.store().records.count();
      const again = await context.harness.open();
      assert.equal(await again.records.count(), before);
      await again.close();
    },
  });
