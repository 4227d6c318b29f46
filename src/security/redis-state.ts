/**
 * Replay and rate-limit state in Redis, shared by many stateless server processes. Same
 * contracts as the in-process ones (nonces.ts, rate-limit.ts); time comes from the Redis
 * server's clock so processes with skewed clocks still agree.
 *
 * @example
 *   const state = createRedisState('redis://127.0.0.1:6379');
 *   await state.nonces.claim('aliyun:key:nonce', 900); // true, then false on replay
 *   await state.limiter.take('app-1', 50);
 *   await state.close();
 */
import { Redis } from 'ioredis';
import type { NonceStore } from './apps.ts';
import type { RateLimiter } from './rate-limit.ts';

export interface RedisState {
  nonces: NonceStore;
  limiter: RateLimiter;
  /** Liveness probe, e.g. for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface RedisStateOptions {
  /** Prepended to every key; default `shiming:`. */
  prefix?: string;
  /** Connection errors (Redis retries on its own); default: ioredis prints them. */
  onError?: (error: Error) => void;
}

/**
 * The token bucket of rate-limit.ts, atomically: refill at `qps` tokens/s up to max(1, qps),
 * take one if there is one. An idle bucket is full again after capacity/qps seconds, which is
 * what a missing key means, so the key expires then and idle apps cost no memory.
 */
const TAKE_SCRIPT = `
local qps = tonumber(ARGV[1])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local capacity = math.max(1, qps)
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
local refilled = math.min(capacity, tokens + math.max(0, now - at) / 1000 * qps)
local allowed = refilled >= 1
if allowed then refilled = refilled - 1 end
redis.call('HSET', KEYS[1], 'tokens', tostring(refilled), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / qps * 1000))
if allowed then return 1 end
return 0
`;

interface ScriptedRedis extends Redis {
  shimingTake(key: string, qps: number): Promise<number>;
}

export const createRedisState = (url: string, options: RedisStateOptions = {}): RedisState => {
  const prefix = options.prefix ?? 'shiming:';
  // Fail a command after two reconnect attempts rather than hold the request for the default
  // twenty: a verification that cannot check replay is refused, not delayed for seconds.
  const redis = new Redis(url, { maxRetriesPerRequest: 2 }) as ScriptedRedis;
  if (options.onError) redis.on('error', options.onError);
  redis.defineCommand('shimingTake', { numberOfKeys: 1, lua: TAKE_SCRIPT });
  return {
    nonces: {
      async claim(key, ttlSeconds) {
        const ttlMs = Math.max(1, Math.ceil(ttlSeconds * 1000));
        return (await redis.set(`${prefix}nonce:${key}`, '1', 'PX', ttlMs, 'NX')) === 'OK';
      },
    },
    limiter: {
      async take(key, qps) {
        return (await redis.shimingTake(`${prefix}rate:${key}`, qps)) === 1;
      },
    },
    async ping() {
      await redis.ping();
    },
    async close() {
      await redis.quit();
    },
  };
};
