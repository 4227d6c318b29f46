/**
 * The Redis nonce store and rate limiter against the real Redis (SHIMING_TEST_REDIS_URL, else
 * 127.0.0.1:6379). Keys live under a random prefix, deleted at the end. Two RedisState
 * instances stand for two server processes.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, test } from 'node:test';
import { Redis } from 'ioredis';
import { memoryRateLimiter } from '../../src/security/rate-limit.ts';
import { createRedisState } from '../../src/security/redis-state.ts';

const url = process.env.SHIMING_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `shiming-test:${randomBytes(4).toString('hex')}:`;
const first = createRedisState(url, { prefix });
const second = createRedisState(url, { prefix });
const raw = new Redis(url);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const unique = (name: string) => `${name}-${randomBytes(4).toString('hex')}`;
/** How many of `n` takes in a row pass. */
const passes = async (take: () => Promise<boolean>, n: number) => {
  let passed = 0;
  for (let i = 0; i < n; i += 1) if (await take()) passed += 1;
  return passed;
};

after(async () => {
  for await (const keys of raw.scanStream({ match: `${prefix}*`, count: 1000 })) {
    if (keys.length > 0) await raw.del(...(keys as string[]));
  }
  await Promise.all([first.close(), second.close(), raw.quit()]);
});

test('nonces', async (t) => {
  await t.test('case=a key is claimed once, then refused as a replay', async () => {
    const key = unique('aliyun:LTAI:nonce');
    assert.equal(await first.nonces.claim(key, 900), true);
    assert.equal(await first.nonces.claim(key, 900), false);
    assert.equal(await first.nonces.claim(unique('other'), 900), true);
  });
  await t.test('case=a key claimed by one process is a replay in another', async () => {
    const key = unique('tencent:replay');
    assert.equal(await first.nonces.claim(key, 900), true);
    assert.equal(await second.nonces.claim(key, 900), false);
  });
  await t.test('case=concurrent claims of one key: exactly one wins', async () => {
    const key = unique('race');
    const claims = Array.from({ length: 20 }, (_, i) =>
      (i % 2 ? first : second).nonces.claim(key, 60),
    );
    assert.equal((await Promise.all(claims)).filter(Boolean).length, 1);
  });
  await t.test('case=a key may be claimed again once its window expired', async () => {
    const key = unique('expiring');
    assert.equal(await first.nonces.claim(key, 0.2), true);
    assert.equal(await first.nonces.claim(key, 0.2), false);
    await sleep(300);
    assert.equal(await first.nonces.claim(key, 0.2), true);
  });
  await t.test('case=the key expires with its window', async () => {
    const key = unique('ttl');
    await first.nonces.claim(key, 900);
    const ttl = await raw.pttl(`${prefix}nonce:${key}`);
    assert.ok(ttl > 899_000 && ttl <= 900_000, `ttl ${ttl}`);
  });
});

test('rate limiter', async (t) => {
  await t.test('case=a burst up to qps passes, the next request is refused', async () => {
    const app = unique('app');
    assert.equal(await passes(() => first.limiter.take(app, 5), 8), 5);
  });
  await t.test('case=tokens refill at qps per second', async () => {
    const app = unique('app');
    assert.equal(await passes(() => first.limiter.take(app, 5), 5), 5);
    await sleep(300); // 1.5 tokens (2 if the timer runs 100 ms late)
    const refilled = await passes(() => first.limiter.take(app, 5), 3);
    assert.ok(refilled >= 1 && refilled < 3, `${refilled} passed`);
  });
  await t.test('case=a burst passes as many as the in-memory limiter lets through', async () => {
    const memory = memoryRateLimiter();
    for (const qps of [0.5, 1, 2.5, 10]) {
      const app = unique('app');
      const expected = await passes(() => memory.take(app, qps), 15);
      assert.equal(await passes(() => first.limiter.take(app, qps), 15), expected, `qps ${qps}`);
    }
  });
  await t.test('case=apps have separate buckets', async () => {
    const [a, b] = [unique('app'), unique('app')];
    assert.equal(await passes(() => first.limiter.take(a, 2), 3), 2);
    assert.equal(await passes(() => first.limiter.take(b, 2), 3), 2);
  });
  await t.test('case=processes share one bucket per app', async () => {
    const app = unique('app');
    const takes = Array.from({ length: 10 }, (_, i) =>
      (i % 2 ? first : second).limiter.take(app, 4),
    );
    assert.equal((await Promise.all(takes)).filter(Boolean).length, 4);
  });
  await t.test(
    'case=an idle bucket is dropped after a second, when it would be full anyway',
    async () => {
      const app = unique('app');
      await first.limiter.take(app, 3);
      const ttl = await raw.pttl(`${prefix}rate:${app}`);
      assert.ok(ttl > 0 && ttl <= 1000, `ttl ${ttl}`);
      await sleep(1100);
      assert.equal(await raw.exists(`${prefix}rate:${app}`), 0);
      assert.equal(await passes(() => first.limiter.take(app, 3), 4), 3);
    },
  );
});

test('lifecycle', async (t) => {
  await t.test('case=ping resolves while Redis is up', async () => {
    await first.ping();
  });
});
