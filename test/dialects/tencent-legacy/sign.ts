/**
 * Test-side signer for the image service's multi-effective signature (spec tencent.md §5),
 * written independently of the dialect: there is no official SDK to drive these routes.
 */
import { createHmac } from 'node:crypto';

export type Pairs = ReadonlyArray<readonly [string, string | number]>;

/** `k=v&k=v…` in the order given. */
export const originalOf = (pairs: Pairs): string => pairs.map(([k, v]) => `${k}=${v}`).join('&');

/** base64(HMAC-SHA1(secretKey, original) || original). */
export const signOriginal = (original: string | Buffer, secretKey: string): string => {
  const bytes = Buffer.from(original);
  const digest = createHmac('sha1', secretKey).update(bytes).digest();
  return Buffer.concat([digest, bytes]).toString('base64');
};

export const sign = (pairs: Pairs, secretKey: string): string =>
  signOriginal(originalOf(pairs), secretKey);

export interface SignInput {
  appid: string;
  secretId: string;
  now: number;
  bucket?: string;
  expire?: number;
  fileid?: string;
}

/** The field orders used by official code (spec §5), each a function of the same inputs. */
export const VARIANTS: Record<string, (s: SignInput) => Pairs> = {
  // Docs order a,b,k,e,t,r,u,f.
  docs: (s) => [
    ['a', s.appid],
    ['b', s.bucket ?? ''],
    ['k', s.secretId],
    ['e', s.expire ?? s.now + 3600],
    ['t', s.now],
    ['r', 123456789],
    ['u', 0],
    ['f', s.fileid ?? ''],
  ],
  // Java v2 SDK a,b,k,t,e,r,f (no u).
  java: (s) => [
    ['a', s.appid],
    ['b', s.bucket ?? ''],
    ['k', s.secretId],
    ['t', s.now],
    ['e', s.expire ?? s.now + 3600],
    ['r', 42],
    ['f', s.fileid ?? ''],
  ],
  // PHP v1 SDK a,k,e,t,r,u,f (no b).
  php: (s) => [
    ['a', s.appid],
    ['k', s.secretId],
    ['e', s.expire ?? s.now + 3600],
    ['t', s.now],
    ['r', 1804289383],
    ['u', 0],
    ['f', s.fileid ?? ''],
  ],
  // image-node-sdk a,k,e,t,r,u=0,f with e = t + 100.
  'image-node-sdk': (s) => [
    ['a', s.appid],
    ['k', s.secretId],
    ['e', s.expire ?? s.now + 100],
    ['t', s.now],
    ['r', 54321],
    ['u', 0],
    ['f', s.fileid ?? ''],
  ],
  // No official client does this; the server must not care about order.
  shuffled: (s) => [
    ['f', s.fileid ?? ''],
    ['r', 7],
    ['t', s.now],
    ['k', s.secretId],
    ['e', s.expire ?? s.now + 3600],
    ['a', s.appid],
  ],
};
