import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { newApp } from '../../../src/security/credentials.ts';
import type { Store, VerificationRecord } from '../../../src/store/store.ts';
import type { SuiteContext } from '../conformance.ts';
import { verification } from '../fixtures.ts';
import { runCases } from './run.ts';

/** Those of `records` found among the newest ones (all of them, if nothing newer was added). */
const among = async (store: Store, records: VerificationRecord[]) => {
  const ids = new Set(records.map((r) => r.requestId));
  return (await store.records.recent(records.length + 50)).filter((r) => ids.has(r.requestId));
};

export const recordCases = (t: TestContext, context: SuiteContext) => {
  const store = () => context.store();
  const newAppId = async () => {
    const app = newApp({ name: 'metered', qps: null, quota: 1000 });
    await store().apps.create(app);
    return app.appId;
  };
  /** Opens a second store over the same data, runs `check`, closes it. */
  const reopened = async (check: (other: Store) => Promise<void>) => {
    const other = await context.harness.open();
    try {
      await check(other);
    } finally {
      await other.close();
    }
  };
  return runCases(t, context, {
    'append then recent returns the records newest first, and count grows': async () => {
      const before = await store().records.count();
      const now = Date.now() + 60_000;
      const older = verification({
        createdAt: now,
        appId: 'x',
        outcome: 'mismatch',
        latencyMs: 3.25,
      });
      const newer = verification({ createdAt: now + 1, billed: true });
      await store().records.append(older);
      await store().records.append(newer);
      assert.equal(await store().records.count(), before + 2);
      assert.deepEqual(await store().records.recent(2), [newer, older]);
    },
    'a record is durable once append resolves (another store over the same data sees it)':
      async () => {
        const records = [verification(), verification({ appId: 'y', billed: true })];
        await Promise.all(records.map((r) => store().records.append(r)));
        await reopened(async (other) => {
          assert.deepEqual((await among(other, records)).sort(byId), [...records].sort(byId));
        });
      },
    'billed records with an app count against that app, in the same commit': async () => {
      const appId = await newAppId();
      const billed = [1, 2, 3].map(() => verification({ appId, billed: true }));
      const free = [verification({ appId }), verification({ appId: null, billed: true })];
      await Promise.all([...billed, ...free].map((r) => store().records.append(r)));
      assert.equal(await store().apps.used(appId), 3);
      await reopened(async (other) => assert.equal(await other.apps.used(appId), 3));
    },
    '500 concurrent appends all land and are all metered': async () => {
      const appId = await newAppId();
      const before = await store().records.count();
      const records = Array.from({ length: 500 }, (_, i) =>
        verification({ appId, billed: true, createdAt: Date.now() + 120_000 + i }),
      );
      await Promise.all(records.map((r) => store().records.append(r)));
      assert.equal(await store().records.count(), before + 500);
      assert.equal(await store().apps.used(appId), 500);
      await reopened(async (other) => assert.equal((await among(other, records)).length, 500));
    },
  });
};

const byId = (a: VerificationRecord, b: VerificationRecord) =>
  a.requestId.localeCompare(b.requestId);
