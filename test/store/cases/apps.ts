import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { newApp } from '../../../src/security/credentials.ts';
import type { SuiteContext } from '../conformance.ts';
import { runCases } from './run.ts';

const app = (quota: number | null = null) => newApp({ name: 'shop', qps: 20, quota });

export const appCases = (t: TestContext, context: SuiteContext) => {
  const apps = () => context.store().apps;
  return runCases(t, context, {
    'create then look up by each key': async () => {
      const created = { ...app(1000), createdAt: 1_700_000_000_123 };
      await apps().create(created);
      assert.deepEqual({ ...(await apps().bySecretId(created.secretId)) }, created);
      assert.deepEqual({ ...(await apps().byAccessKeyId(created.accessKeyId)) }, created);
      assert.deepEqual({ ...(await apps().byAppId(created.appId)) }, created);
    },
    'an unknown key is undefined, and an app created after a miss is found at once': async () => {
      const later = app();
      assert.equal(await apps().byAppId(later.appId), undefined);
      assert.equal(await apps().bySecretId(later.secretId), undefined);
      assert.equal(await apps().byAccessKeyId(later.accessKeyId), undefined);
      await apps().create(later);
      assert.equal((await apps().byAppId(later.appId))?.name, 'shop');
      assert.equal((await apps().bySecretId(later.secretId))?.appId, later.appId);
      assert.equal((await apps().byAccessKeyId(later.accessKeyId))?.appId, later.appId);
    },
    'a second app with the same app id is refused': async () => {
      const first = app();
      await apps().create(first);
      await assert.rejects(apps().create({ ...app(), appId: first.appId }));
    },
    'list returns every app in creation order': async () => {
      const [a, b] = [
        { ...app(), createdAt: 2_000_000_000_000 },
        { ...app(), createdAt: 2_000_000_000_001 },
      ];
      await apps().create(b);
      await apps().create(a);
      const listed = (await apps().list()).filter(
        (x) => x.appId === a.appId || x.appId === b.appId,
      );
      assert.deepEqual(
        listed.map((x) => ({ ...x })),
        [a, b],
      );
    },
    'setDisabled disables and re-enables, and is false for an unknown app': async () => {
      const created = app();
      await apps().create(created);
      assert.equal(await apps().setDisabled(created.appId, true), true);
      assert.equal((await apps().bySecretId(created.secretId))?.disabled, true);
      assert.equal((await apps().byAppId(created.appId))?.disabled, true);
      assert.equal(await apps().setDisabled(created.appId, false), true);
      assert.equal((await apps().byAccessKeyId(created.accessKeyId))?.disabled, false);
      assert.equal(await apps().setDisabled('no-such-app', true), false);
    },
    'used starts at zero, also for an unknown app': async () => {
      const created = app(5);
      await apps().create(created);
      assert.equal(await apps().used(created.appId), 0);
      assert.equal(await apps().used('no-such-app'), 0);
    },
  });
};
