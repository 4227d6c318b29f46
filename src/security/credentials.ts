/**
 * New application credentials, in the shapes each provider's SDKs expect: a numeric AppId
 * (legacy Tencent), an `AKID…` SecretId with a 32-character SecretKey (Tencent API 3.0), and an
 * `LTAI…` AccessKeyId with a 30-character AccessKeySecret (Alibaba).
 *
 * @example
 *   const app = newApp({ name: 'shop', qps: 50, quota: null });
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { App } from './apps.ts';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Uniform over the alphabet (rejection sampling avoids modulo bias). */
export const randomToken = (length: number, alphabet = ALPHANUMERIC): string => {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 256 - (256 % alphabet.length)) out += alphabet[byte % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
};

export interface NewAppOptions {
  name: string;
  qps: number | null;
  quota: number | null;
}

export const newApp = (options: NewAppOptions): App => ({
  appId: String(randomInt(1_300_000_000, 1_999_999_999)),
  name: options.name,
  secretId: `AKID${randomToken(32)}`,
  secretKey: randomToken(32),
  accessKeyId: `LTAI${randomToken(20)}`,
  accessKeySecret: randomToken(30),
  qps: options.qps,
  quota: options.quota,
  disabled: false,
  createdAt: Date.now(),
});
