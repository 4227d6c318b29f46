/**
 * Signature primitives shared by every dialect's `auth.ts`. Comparisons of secrets and
 * signatures are constant-time.
 *
 * @example
 *   safeEqual(hmac('sha1', key, text).toString('base64'), received)
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha384' | 'sha512';

export const hmac = (
  algorithm: HmacAlgorithm,
  key: string | Buffer,
  data: string | Buffer,
): Buffer => createHmac(algorithm, key).update(data).digest();

export const sha256Hex = (data: string | Buffer): string =>
  createHash('sha256').update(data).digest('hex');

/** Constant-time equality; different lengths compare unequal without leaking where they differ. */
export const safeEqual = (a: string | Buffer, b: string | Buffer): boolean => {
  const left = typeof a === 'string' ? Buffer.from(a) : a;
  const right = typeof b === 'string' ? Buffer.from(b) : b;
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
};
