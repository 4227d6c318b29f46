/**
 * The image service's "multi-effective" signature (spec tencent.md §5):
 * `Authorization = base64(HMAC-SHA1(SecretKey, original) || original)` with
 * `original = a=<appid>&b=<bucket>&k=<SecretId>&e=<expire>&t=<now>&r=<rand>&u=<user>&f=<fileid>`.
 * Official SDKs disagree on the order and on which of b/u are present, so the pairs are read
 * in any order; the HMAC is always over the original bytes exactly as received.
 *
 * @example
 *   decodeToken('ZgbN97NiNeYQjjSjLbtTwg/qAh9h…') // → { a: '1250000000', k: 'AKID…', e: 1700003600, … }
 */
import { outcome } from '../../core/outcomes.ts';
import { type Refusal, refuse } from '../../http/dialect.ts';
import { hmac, safeEqual } from '../../security/signatures.ts';

export interface LegacyToken {
  digest: Buffer;
  original: Buffer;
  /** Appid, SecretId and bucket ('' when absent) as signed. */
  a: string;
  k: string;
  b: string;
  /** Expiry and signing time, unix seconds; e = 0 marks a single-use signature. */
  e: number;
  t: number;
  /** The file id a single-use signature is bound to ('' when absent). */
  f: string;
}

const DIGEST_BYTES = 20;
// Standard alphabet only (§5: "not URL-safe base64"); padding optional.
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const SECONDS = /^\d{1,10}$/;
const REQUIRED = ['a', 'k', 'e', 't'] as const;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const malformed = (): Refusal => refuse(outcome('malformed_signature'));

const base64Bytes = (text: string): Buffer | undefined => {
  const bare = text.replace(/=+$/, '');
  if (!BASE64.test(text) || bare.length % 4 === 1) return undefined;
  if (text.length !== bare.length && text.length % 4 !== 0) return undefined;
  return Buffer.from(bare, 'base64');
};

/** `key=value` pairs in any order; a pair without `=` or a repeated key is malformed. */
export const readPairs = (original: string): Map<string, string> | undefined => {
  const pairs = new Map<string, string>();
  for (const pair of original.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || pairs.has(pair.slice(0, eq))) return undefined;
    pairs.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return pairs;
};

const originalText = (bytes: Buffer): string | undefined => {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
};

const toToken = (digest: Buffer, original: Buffer, pairs: Map<string, string>) => {
  if (REQUIRED.some((key) => !pairs.get(key))) return undefined;
  const [e, t] = [pairs.get('e')!, pairs.get('t')!];
  if (!SECONDS.test(e) || !SECONDS.test(t)) return undefined;
  const [a, k, b, f] = [
    pairs.get('a')!,
    pairs.get('k')!,
    pairs.get('b') ?? '',
    pairs.get('f') ?? '',
  ];
  return { digest, original, a, k, b, f, e: Number(e), t: Number(t) };
};

/** Decodes an `Authorization` value; '' is unsigned (code 4), anything unreadable code 5. */
export const decodeToken = (authorization: string): LegacyToken | Refusal => {
  if (authorization === '') return refuse(outcome('unsigned'));
  const bytes = base64Bytes(authorization);
  if (!bytes || bytes.length <= DIGEST_BYTES) return malformed();
  const original = bytes.subarray(DIGEST_BYTES);
  const text = originalText(original);
  const pairs = text === undefined ? undefined : readPairs(text);
  const token = pairs && toToken(bytes.subarray(0, DIGEST_BYTES), original, pairs);
  return token ?? malformed();
};

/** Recomputes the digest over the original bytes as received; constant-time comparison. */
export const digestMatches = (token: LegacyToken, secretKey: string): boolean =>
  safeEqual(hmac('sha1', secretKey, token.original), token.digest);
