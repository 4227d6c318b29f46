import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultPoolSize, WorkerPool } from '../../src/engines/worker-pool.ts';
import type { TestData, TestJob, TestResult } from './fixtures/pool-worker.ts';

const WORKER = new URL('./fixtures/pool-worker.ts', import.meta.url);

const start = (size: number, data: TestData = { prefix: '>' }, task?: string) =>
  WorkerPool.start<TestJob, TestResult, TestData>({
    worker: WORKER,
    data,
    size,
    name: 'test',
    task,
  });

test('worker pool', async (t) => {
  await t.test('case=default size is between 1 and 4', () => {
    assert.ok(defaultPoolSize() >= 1 && defaultPoolSize() <= 4);
  });

  await t.test('case=jobs spread over the workers, each loading once', async () => {
    const pool = await start(2);
    try {
      assert.equal(pool.size, 2);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => pool.run({ op: 'echo', value: `${i}`, ms: 5 })),
      );
      assert.deepEqual(
        results.map((r) => r.value),
        Array.from({ length: 8 }, (_, i) => `>${i}`),
      );
      assert.equal(new Set(results.map((r) => r.thread)).size, 2);
      assert.ok(results.every((r) => r.loads === 1));
    } finally {
      await pool.close();
    }
  });

  await t.test('case=one worker answers in FIFO order', async () => {
    const pool = await start(1);
    try {
      const order: string[] = [];
      await Promise.all(
        ['a', 'b', 'c', 'd'].map((value, i) =>
          pool.run({ op: 'echo', value, ms: 20 - 5 * i }).then((r) => order.push(r.value!)),
        ),
      );
      assert.deepEqual(order, ['>a', '>b', '>c', '>d']);
    } finally {
      await pool.close();
    }
  });

  await t.test('case=a failed job rejects, named by engine and task', async () => {
    const pool = await start(1, { prefix: '' }, 'analysis');
    try {
      await assert.rejects(
        pool.run({ op: 'fail' }),
        /^Error: test analysis failed: Error: bad input/,
      );
      assert.equal((await pool.run({ op: 'echo', value: 'ok' })).value, 'ok');
    } finally {
      await pool.close();
    }
  });

  await t.test('case=a crash fails its job and the worker is replaced', async () => {
    const pool = await start(1);
    try {
      const before = (await pool.run({ op: 'echo', value: 'x' })).thread;
      await assert.rejects(pool.run({ op: 'crash' }), /test worker exited \(3\)/);
      const after = await pool.run({ op: 'echo', value: 'y' });
      assert.equal(after.value, '>y');
      assert.notEqual(after.thread, before);
      assert.equal(after.loads, 1);
      assert.equal(pool.size, 1);
    } finally {
      await pool.close();
    }
  });

  await t.test('case=result buffers named by the worker are transferred, not copied', async () => {
    const pool = await start(1);
    try {
      const { bytes } = await pool.run({ op: 'bytes', n: 16 });
      assert.deepEqual([...new Uint8Array(bytes!)], new Array(16).fill(7));
      assert.equal((await pool.run({ op: 'detached' })).detached, true);
    } finally {
      await pool.close();
    }
  });

  await t.test('case=a load error rejects start', async () => {
    await assert.rejects(start(2, { prefix: '', failLoad: true }), /no such model/);
  });

  await t.test('case=close rejects running, queued and later jobs', async () => {
    const pool = await start(1);
    const running = pool.run({ op: 'echo', value: 'slow', ms: 200 });
    const queued = pool.run({ op: 'echo', value: 'queued' });
    const rejected = Promise.all([
      assert.rejects(running, /test engine is closed/),
      assert.rejects(queued, /test engine is closed/),
    ]);
    await pool.close();
    await rejected;
    await assert.rejects(pool.run({ op: 'echo', value: 'late' }), /test engine is closed/);
  });
});
