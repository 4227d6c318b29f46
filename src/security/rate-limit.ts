/**
 * Per-app request rate limit: a token bucket refilled at `qps` tokens/s holding one second's
 * worth (at least one token, so a qps below 1 still lets a request through now and then):
 * short bursts up to `qps` pass and sustained load is held to `qps`.
 *
 * @example
 *   const limiter = memoryRateLimiter();
 *   if (!(await limiter.take('app-1', 50))) refuse('rate_limited');
 */
export interface RateLimiter {
  /** True when the request may proceed. */
  take(key: string, qps: number): Promise<boolean>;
}

interface Bucket {
  tokens: number;
  at: number;
}

export const memoryRateLimiter = (now: () => number = Date.now): RateLimiter => {
  const buckets = new Map<string, Bucket>();
  return {
    async take(key, qps) {
      const at = now();
      const capacity = Math.max(1, qps);
      const bucket = buckets.get(key) ?? { tokens: capacity, at };
      const refilled = Math.min(capacity, bucket.tokens + ((at - bucket.at) / 1000) * qps);
      const allowed = refilled >= 1;
      buckets.set(key, { tokens: allowed ? refilled - 1 : refilled, at });
      return allowed;
    },
  };
};
