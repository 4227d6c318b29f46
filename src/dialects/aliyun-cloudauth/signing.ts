/**
 * The two Alibaba signature schemes as pure functions: RPC v1 HMAC-SHA1 (spec aliyun.md §6.1)
 * and ACS3-HMAC-SHA256 (§6.2). `auth.ts` uses them to verify; the tests pin them with the §8
 * vectors and the §7 captures.
 *
 * @example
 *   const sts = rpcStringToSign('GET', pairs); // 'GET&%2F&AccessKeyId%3D…'
 *   rpcSignature('testsecret', sts);          // 'Na+UDdw3/Fa2pBu9/nUF3nKeNrA=' for vector V1
 */
import { hmac, sha256Hex } from '../../security/signatures.ts';
import { type Pair, pct } from './params.ts';

/** Sorted by name in code-unit order, which is byte order for the ASCII names in use (§6.1 step 2). */
const byName = (a: Pair, b: Pair): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** `pct(name)=pct(value)` joined with `&`, sorted by name. */
export const canonicalQuery = (pairs: readonly Pair[]): string =>
  [...pairs]
    .sort(byName)
    .map(([name, value]) => `${pct(name)}=${pct(value)}`)
    .join('&');

/** RPC v1: `METHOD&%2F&pct(canonical query)`; `pairs` must not contain `Signature`. */
export const rpcStringToSign = (method: string, pairs: readonly Pair[]): string =>
  `${method}&${pct('/')}&${pct(canonicalQuery(pairs))}`;

/** RPC v1: base64 HMAC-SHA1 keyed with `secret + "&"`. */
export const rpcSignature = (secret: string, stringToSign: string): string =>
  hmac('sha1', `${secret}&`, stringToSign).toString('base64');

export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

export interface Acs3Input {
  method: string;
  path: string;
  /** URL query pairs only (decoded); the body is covered by `payloadHash`. */
  query: readonly Pair[];
  headers: Readonly<Record<string, string | undefined>>;
  /** Lower-case header names, as listed by the caller's Authorization header. */
  signedHeaders: readonly string[];
  /** Lower-case hex SHA-256 of the raw body bytes. */
  payloadHash: string;
}

/** ACS3 canonical request (§6.2 step 6); note the blank line after the canonical headers. */
export const acs3CanonicalRequest = (input: Acs3Input): string => {
  const headers = input.signedHeaders
    .map((name) => `${name}:${(input.headers[name] ?? '').trim()}\n`)
    .join('');
  return [
    input.method,
    input.path,
    canonicalQuery(input.query),
    headers,
    input.signedHeaders.join(';'),
    input.payloadHash,
  ].join('\n');
};

export const acs3StringToSign = (canonicalRequest: string): string =>
  `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;

/** ACS3: hex HMAC-SHA256 keyed with the bare secret (no `&`, unlike RPC v1). */
export const acs3Signature = (secret: string, stringToSign: string): string =>
  hmac('sha256', secret, stringToSign).toString('hex');

export interface Acs3Authorization {
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

const HEADER_NAME = /^[a-z0-9-]+$/;
const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

const fields = (text: string): Map<string, string> => {
  const map = new Map<string, string>();
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) map.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return map;
};

/**
 * `ACS3-HMAC-SHA256 Credential=<AK>,SignedHeaders=<h1;h2>,Signature=<hex>`; undefined when the
 * header does not have that shape (§6.2 step 9).
 */
export const parseAcs3Authorization = (value: string): Acs3Authorization | undefined => {
  if (!value.startsWith(`${ACS3_ALGORITHM} `)) return undefined;
  const map = fields(value.slice(ACS3_ALGORITHM.length + 1));
  const accessKeyId = map.get('Credential') ?? '';
  const signedHeaders = (map.get('SignedHeaders') ?? '').split(';');
  const signature = map.get('Signature') ?? '';
  const wellFormed =
    accessKeyId !== '' &&
    signedHeaders.every((name) => HEADER_NAME.test(name)) &&
    HEX_SHA256.test(signature);
  return wellFormed
    ? { accessKeyId, signedHeaders, signature: signature.toLowerCase() }
    : undefined;
};
