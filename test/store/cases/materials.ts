import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import type { SuiteContext } from '../conformance.ts';
import { bizId, bizTypeName, materialsTask } from '../fixtures.ts';
import { runCases } from './run.ts';

export const bizTypeCases = (t: TestContext, context: SuiteContext) => {
  const bizTypes = () => context.store().bizTypes;
  return runCases(t, context, {
    'create then exists; an unknown name does not exist': async () => {
      const name = bizTypeName();
      assert.equal(await bizTypes().exists(name), false);
      assert.equal(await bizTypes().create(name), true);
      assert.equal(await bizTypes().exists(name), true);
      assert.equal(await bizTypes().exists(name.toUpperCase()), false, 'names are exact');
    },
    'creating an existing name is false and keeps the first': async () => {
      const name = bizTypeName();
      assert.equal(await bizTypes().create(name, 1_700_000_000_000), true);
      assert.equal(await bizTypes().create(name, 1_800_000_000_000), false);
      const listed = (await bizTypes().list()).filter((b) => b.name === name);
      assert.deepEqual(listed, [{ name, createdAt: 1_700_000_000_000 }]);
    },
    'list returns every scenario in creation order': async () => {
      const [a, b] = [bizTypeName(), bizTypeName()];
      await bizTypes().create(b, 2_000_000_000_001);
      await bizTypes().create(a, 2_000_000_000_000);
      const names = (await bizTypes().list()).map((x) => x.name).filter((n) => n === a || n === b);
      assert.deepEqual(names, [a, b]);
    },
  });
};

export const materialsCases = (t: TestContext, context: SuiteContext) => {
  const materials = () => context.store().materials;
  return runCases(t, context, {
    'save then find returns the same record, NaN scores included': async () => {
      const task = materialsTask(bizTypeName());
      assert.equal(await materials().save(task), true);
      assert.deepEqual(await materials().find(task.bizType, task.bizId), task);
    },
    'an unknown task is undefined': async () => {
      assert.equal(await materials().find(bizTypeName(), bizId()), undefined);
    },
    'tasks are keyed by scenario and task id together': async () => {
      const task = materialsTask(bizTypeName());
      await materials().save(task);
      assert.equal(await materials().find(bizTypeName(), task.bizId), undefined);
      assert.equal(await materials().find(task.bizType, bizId()), undefined);
    },
    'a failed task is replaced by its resubmission': async () => {
      const first = materialsTask(bizTypeName());
      const second = { ...materialsTask(first.bizType, 'match'), bizId: first.bizId };
      await materials().save(first);
      assert.equal(await materials().save({ ...second, updatedAt: first.updatedAt + 1 }), true);
      assert.equal((await materials().find(first.bizType, first.bizId))?.outcome.code, 'match');
    },
    'a passed task is final: a later save is refused and changes nothing': async () => {
      const passed = materialsTask(bizTypeName(), 'match');
      await materials().save(passed);
      const later = { ...materialsTask(passed.bizType), bizId: passed.bizId };
      assert.equal(await materials().save(later), false);
      assert.deepEqual(await materials().find(passed.bizType, passed.bizId), passed);
    },
    'a saved task is visible to another store over the same data': async () => {
      const task = materialsTask(bizTypeName());
      await materials().save(task);
      const other = await context.harness.open();
      try {
        assert.deepEqual(await other.materials.find(task.bizType, task.bizId), task);
      } finally {
        await other.close();
      }
    },
  });
};

/** A purge time no case's purge reaches, so only the purge case's own rows are due. */
const LATER = 9_000_000_000_000;
const photo = () => randomBytes(2048);

export const materialsImagesCases = (t: TestContext, context: SuiteContext) => {
  const materials = () => context.store().materials;
  return runCases(t, context, {
    'retained photos are found again with their purge time': async () => {
      const [bizType, id] = [bizTypeName(), bizId()];
      const images = { face: photo(), front: photo(), back: photo() };
      assert.equal(await materials().findImages(bizType, id), undefined);
      await materials().retainImages(bizType, id, images, LATER);
      assert.deepEqual(await materials().findImages(bizType, id), { images, purgeAt: LATER });
      assert.equal(await materials().findImages(bizTypeName(), id), undefined, 'keyed by both');
    },
    'a later submission replaces the photos kept before; none at all removes them': async () => {
      const [bizType, id] = [bizTypeName(), bizId()];
      await materials().retainImages(bizType, id, { face: photo(), front: photo() }, LATER);
      const latest = { face: photo() };
      await materials().retainImages(bizType, id, latest, LATER + 1);
      assert.deepEqual(await materials().findImages(bizType, id), {
        images: latest,
        purgeAt: LATER + 1,
      });
      await materials().retainImages(bizType, id, {}, LATER + 2);
      assert.equal(await materials().findImages(bizType, id), undefined);
    },
    'purging deletes the photos due at or before the time, counts them, keeps the rest':
      async () => {
        const bizType = bizTypeName();
        const [due, kept] = [bizId(), bizId()];
        const at = 4_000_000_000_000;
        await materials().retainImages(bizType, due, { face: photo() }, at);
        await materials().retainImages(bizType, kept, { face: photo() }, at + 1);
        assert.equal(await materials().purgeImages(at - 1), 0);
        assert.equal(await materials().purgeImages(at), 1);
        assert.equal(await materials().findImages(bizType, due), undefined);
        assert.ok(await materials().findImages(bizType, kept));
        assert.equal(await materials().purgeImages(at), 0);
        assert.equal(await materials().purgeImages(at + 1), 1);
      },
    'retained photos are visible to another store over the same data': async () => {
      const [bizType, id, images] = [bizTypeName(), bizId(), { back: photo() }];
      await materials().retainImages(bizType, id, images, LATER);
      const other = await context.harness.open();
      try {
        assert.deepEqual(await other.materials.findImages(bizType, id), {
          images,
          purgeAt: LATER,
        });
      } finally {
        await other.close();
      }
    },
  });
};
