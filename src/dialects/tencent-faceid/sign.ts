/**
 * The two Tencent Cloud API signatures, as pure functions (spec tencent.md §2): TC3-HMAC-SHA256
 * (signature v3) and the legacy v1 HmacSHA1/HmacSHA256. auth.ts feeds them the request as
 * received; the tests feed them the spec's vectors (§2.2, §4.4).
 *
 * @example
 *   const key = tc3SigningKey(secretKey, '2023-11-14', 'faceid');
 *   tc3Signature(key, tc3StringToSign(1700000000, '2023-11-14/faceid/tc3_request', canonical));
 */
import { hmac, sha256Hex } from '../../security/signatures.ts';

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

/** The parts of a request that enter a TC3 canonical request (§2.1 step 1). */
export interface Tc3Request {
  method: string;
  path: string;
  /** The raw query string exactly as sent (empty for the SDKs' POSTs). */
  query: string;
  /** Lower-case header names as listed in SignedHeaders, with the values to canonicalise. */
  signedHeaders: ReadonlyArray<readonly [name: string, value: string]>;
  /** Hex SHA-256 of the body bytes (or of the literal UNSIGNED-PAYLOAD). */
  payloadHash: string;
}

/** `YYYY-MM-DD` of a Unix timestamp in UTC: the date of the credential scope. */
export const utcDate = (timestamp: number): string =>
  new Date(timestamp * 1000).toISOString().slice(0, 10);

// Header values are trimmed and lower-cased (the TC3 docs); the SDKs only sign content-type and
// host, whose values are lower case already.
export const tc3CanonicalRequest = (r: Tc3Request): string => {
  const headers = r.signedHeaders.map(([name, value]) => `${name}:${value.trim().toLowerCase()}\n`);
  const names = r.signedHeaders.map(([name]) => name).join(';');
  return [r.method, r.path, r.query, headers.join(''), names, r.payloadHash].join('\n');
};

export const tc3StringToSign = (
  timestamp: number,
  scope: string,
  canonicalRequest: string,
): string => [TC3_ALGORITHM, String(timestamp), scope, sha256Hex(canonicalRequest)].join('\n');

/** kSigning = HMAC(HMAC(HMAC("TC3" + SecretKey, date), service), "tc3_request") (§2.1 step 3). */
export const tc3SigningKey = (secretKey: string, date: string, service: string): Buffer => {
  const kDate = hmac('sha256', `TC3${secretKey}`, date);
  const kService = hmac('sha256', kDate, service);
  return hmac('sha256', kService, 'tc3_request');
};

export const tc3Signature = (signingKey: Buffer, stringToSign: string): string =>
  hmac('sha256', signingKey, stringToSign).toString('hex');

/** The two v1 methods and their HMAC; absent SignatureMethod means HmacSHA1 (§2.2). */
export const V1_METHODS = { HmacSHA1: 'sha1', HmacSHA256: 'sha256' } as const;
export type V1Method = keyof typeof V1_METHODS;

// Names sorted by UTF-16 code units (JavaScript's default sort, what the Node SDK does) with
// raw, un-encoded values; every parameter but Signature is signed (§2.2).
export const v1StringToSign = (
  method: string,
  host: string,
  path: string,
  params: Readonly<Record<string, string>>,
): string => {
  const names = Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort();
  return `${method}${host}${path}?${names.map((name) => `${name}=${params[name]}`).join('&')}`;
};

export const v1Signature = (method: V1Method, secretKey: string, stringToSign: string): string =>
  hmac(V1_METHODS[method], secretKey, Buffer.from(stringToSign, 'utf8')).toString('base64');
