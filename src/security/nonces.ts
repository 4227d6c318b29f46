/**
 * In-process single-use keys for the one-process default. Expired keys are swept in bulk so the
 * map stays bounded by the keys seen within the longest window.
 *
 * @example
 *   const nonces = memoryNonces();
 *   await nonces.claim('aliyun:key:nonce', 900); // true, then false on replay
 */
import type { NonceStore } from './apps.ts';

export const memoryNonces = (now: () => number = Date.now): NonceStore => {
  const expiries = new Map<string, number>();
  let nextSweep = 0;
  const sweep = (at: number) => {
    if (at < nextSweep) return;
    nextSweep = at + 10_000;
    for (const [key, expiry] of expiries) if (expiry <= at) expiries.delete(key);
  };
  return {
    async claim(key, ttlSeconds) {
      const at = now();
      sweep(at);
      const expiry = expiries.get(key);
      if (expiry !== undefined && expiry > at) return false;
      expiries.set(key, at + ttlSeconds * 1000);
      return true;
    },
  };
};
