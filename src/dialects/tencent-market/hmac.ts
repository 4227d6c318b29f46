/**
 * The API Gateway key-pair signature (spec tencent.md §6), as pure functions:
 * `Authorization: hmac id="<SecretId>", algorithm="hmac-sha1", headers="x-date x-source",
 * signature="<base64>"`, where the signature is the HMAC of the listed headers'
 * `lowercase(name): value` lines joined by `\n`.
 *
 * The reader is lenient where the seed's own samples are: seed 002's curl line writes
 * `hmac id = "…", …, signature = yMCx…=` (spaces around `=`, an unquoted value), so both forms
 * are read. A missing `algorithm` means hmac-sha1, the only one the seed's samples use.
 *
 * @example
 *   const text = signingString(['x-date', 'x-source'], { 'x-date': 'Tue, 14 Nov 2023 22:13:20 GMT', 'x-source': 'market' });
 *   sign('hmac-sha1', 'TestSecretKey00000000000000000000', text); // 'nirwDNOhRwEjDliFn6Hg3FLcI0U='
 */
import { hmac, type HmacAlgorithm, safeEqual } from '../../security/signatures.ts';

/** The algorithms the gateway accepts (§6). */
export const ALGORITHMS = {
  'hmac-sha1': 'sha1',
  'hmac-sha256': 'sha256',
  'hmac-sha384': 'sha384',
  'hmac-sha512': 'sha512',
} as const satisfies Record<string, HmacAlgorithm>;
export type GatewayAlgorithm = keyof typeof ALGORITHMS;

export interface HmacCredential {
  id: string;
  /** As sent, lower-cased; auth.ts checks it against ALGORITHMS. */
  algorithm: string;
  /** Lower-case header names in signing order. */
  headers: string[];
  signature: string;
}

/** Why an Authorization value cannot be read: each is one of the gateway's messages (§6). */
export type CredentialProblem = 'format' | 'headers' | 'id' | 'signature';

const SCHEME = /^hmac(?:\s+|$)/i;
const PAIR = /\s*([A-Za-z]+)\s*=\s*(?:"([^"]*)"|([^\s",]*))\s*(?:,|$)/y;
// RFC 9110 token characters: what a header name can be.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** `key="value", …` pairs after the scheme; undefined when unreadable or a key repeats. */
export const readPairs = (text: string): Map<string, string> | undefined => {
  const pairs = new Map<string, string>();
  const pattern = new RegExp(PAIR);
  while (pattern.lastIndex < text.length) {
    const start = pattern.lastIndex;
    const match = pattern.exec(text);
    if (!match || pattern.lastIndex === start) return undefined;
    const key = match[1]!.toLowerCase();
    if (pairs.has(key)) return undefined;
    pairs.set(key, match[2] ?? match[3] ?? '');
  }
  return pairs;
};

/** The `headers` list: space-separated header names, each once. */
export const readHeaderList = (text: string | undefined): string[] | undefined => {
  const names = (text ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
  const valid = names.length > 0 && names.every((name) => TOKEN.test(name));
  return valid && new Set(names).size === names.length ? names : undefined;
};

const toCredential = (pairs: Map<string, string>): HmacCredential | CredentialProblem => {
  const [id, signature] = [pairs.get('id') ?? '', pairs.get('signature') ?? ''];
  if (id === '') return 'id';
  if (signature === '') return 'signature';
  const headers = readHeaderList(pairs.get('headers'));
  if (!headers) return 'headers';
  const algorithm = (pairs.get('algorithm') || 'hmac-sha1').toLowerCase();
  return { id, algorithm, headers, signature };
};

/** Reads a non-empty Authorization value (the caller handles an absent one). */
export const readCredential = (authorization: string): HmacCredential | CredentialProblem => {
  const scheme = SCHEME.exec(authorization);
  const pairs = scheme && readPairs(authorization.slice(scheme[0].length));
  return pairs ? toCredential(pairs) : 'format';
};

export const isGatewayAlgorithm = (name: string): name is GatewayAlgorithm =>
  Object.hasOwn(ALGORITHMS, name);

/** A header by lower-case name; own properties only (a client may list `constructor`). */
export const headerValue = (
  headers: Readonly<Record<string, string | undefined>>,
  name: string,
): string | undefined => (Object.hasOwn(headers, name) ? headers[name] : undefined);

/** `lowercase(name): value` for each listed header, joined by `\n`, no trailing newline (§6). */
export const signingString = (
  names: readonly string[],
  headers: Readonly<Record<string, string | undefined>>,
): string => names.map((name) => `${name}: ${headerValue(headers, name) ?? ''}`).join('\n');

export const sign = (algorithm: GatewayAlgorithm, secretKey: string, text: string): string =>
  hmac(ALGORITHMS[algorithm], secretKey, Buffer.from(text, 'utf8')).toString('base64');

/** Constant-time comparison of the received base64 signature with the expected one. */
export const signatureMatches = (
  credential: HmacCredential & { algorithm: GatewayAlgorithm },
  secretKey: string,
  text: string,
): boolean => safeEqual(sign(credential.algorithm, secretKey, text), credential.signature);
