/**
 * `parse`: from a claimed request to a `CloudauthRequest` — parameters decoded and merged, the
 * action and version checked, and the signing input of the scheme (RPC v1 §6.1 or ACS3 §6.2)
 * assembled for `auth.ts`. Never throws; every problem is a refusal with the outcome that
 * `codes.ts` renders as the gateway error Alibaba uses (§10).
 *
 * @example
 *   const parsed = parse(request);
 *   if (!isRefusal(parsed)) parsed.action; // 'Id2MetaVerify'
 */
import { outcome } from '../../core/outcomes.ts';
import { isRefusal, type Refusal, refuse } from '../../http/dialect.ts';
import type { WireRequest } from '../../http/wire.ts';
import { safeEqual, sha256Hex } from '../../security/signatures.ts';
import { API_VERSION, SERVED, type ServedAction } from './actions.ts';
import { readParams } from './params.ts';
import { type Scheme, schemeOf } from './routes.ts';
import {
  acs3CanonicalRequest,
  acs3StringToSign,
  parseAcs3Authorization,
  rpcStringToSign,
} from './signing.ts';

/** What `auth.ts` verifies: the recomputed string to sign and the signature the caller sent. */
export interface Proof {
  scheme: Scheme;
  stringToSign: string;
  signature: string;
  /** ACS3: x-acs-content-sha256 equals SHA-256 of the raw body (always true for RPC v1). */
  payloadHashMatches: boolean;
}

export interface CloudauthRequest {
  action: string;
  served: ServedAction;
  format: 'JSON' | 'XML';
  /** Query ∪ form body, decoded. */
  params: ReadonlyMap<string, string>;
  accessKeyId: string;
  nonce: string;
  /** The caller's signing time (Timestamp / x-acs-date), ms since the epoch. */
  signedAt: number;
  proof: Proof;
}

type Step<T> = T | Refusal;
const missing = (parameter: string) => refuse(outcome('missing_parameter', { parameter }));
const invalid = (parameter: string) => refuse(outcome('invalid_parameter', { parameter }));

/** `YYYY-MM-DDThh:mm:ssZ` (§6.1); fractional seconds tolerated, impossible dates refused. */
const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
export const parseTimestamp = (text: string): number | undefined => {
  if (!ISO_SECONDS.test(text)) return undefined;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms).toISOString().slice(0, 19) === text.slice(0, 19) ? ms : undefined;
};

/** A nonce is any string (§6.1); the cap keeps the replay store bounded. */
const MAX_NONCE = 256;

const route = (action: string | undefined, version: string | undefined, names: string[]) => {
  if (!action) return missing(names[0]!);
  if (!version) return missing(names[1]!);
  if (version !== API_VERSION) return refuse(outcome('unsupported_version'));
  const served = SERVED.get(action);
  // Known-but-unserved actions are told apart from unknown ones when rendering (routes.ts).
  return served ?? refuse(outcome('unknown_action'));
};

const formatOf = (params: ReadonlyMap<string, string>): Step<'JSON' | 'XML'> => {
  const format = (params.get('Format') ?? 'JSON').toUpperCase();
  return format === 'JSON' || format === 'XML' ? format : invalid('Format');
};

const signingTime = (value: string | undefined, name: string): Step<number> => {
  if (!value) return missing(name);
  return parseTimestamp(value) ?? invalid(name);
};

const nonceOf = (value: string | undefined, name: string): Step<string> => {
  if (!value) return missing(name);
  return value.length > MAX_NONCE ? invalid(name) : value;
};

/** RPC v1 (§6.1): every parameter but Signature is signed, wherever it travelled. */
const parseRpc = (request: WireRequest): Step<CloudauthRequest> => {
  const { query, body, merged: params } = readParams(request);
  const served = route(params.get('Action'), params.get('Version'), ['Action', 'Version']);
  if (isRefusal(served)) return served;
  const format = formatOf(params);
  if (typeof format !== 'string') return format;
  const signature = params.get('Signature');
  if (!signature || params.get('SignatureType') === 'BEARERTOKEN') {
    return refuse(outcome('unsigned'));
  }
  // shiming issues no STS tokens (§6.4).
  if (params.has('SecurityToken')) return refuse(outcome('unknown_credential'));
  if (params.get('SignatureMethod') !== 'HMAC-SHA1' || params.get('SignatureVersion') !== '1.0') {
    return refuse(outcome('malformed_signature'));
  }
  const accessKeyId = params.get('AccessKeyId');
  if (!accessKeyId) return missing('AccessKeyId');
  const nonce = nonceOf(params.get('SignatureNonce'), 'SignatureNonce');
  if (typeof nonce !== 'string') return nonce;
  const signedAt = signingTime(params.get('Timestamp'), 'Timestamp');
  if (typeof signedAt !== 'number') return signedAt;
  const signed = [...query, ...body].filter(([name]) => name !== 'Signature');
  const stringToSign = rpcStringToSign(request.method, signed);
  const proof = { scheme: 'rpc' as const, stringToSign, signature, payloadHashMatches: true };
  const action = params.get('Action')!;
  return { action, served, format, params, accessKeyId, nonce, signedAt, proof };
};

/** Headers every ACS3 signature must cover (§6.2 server notes). */
const REQUIRED_SIGNED = [
  'host',
  'x-acs-action',
  'x-acs-version',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-content-sha256',
];

const acs3Proof = (request: WireRequest, signedHeaders: string[], signature: string): Proof => {
  const payloadHash = sha256Hex(request.body);
  const claimed = (request.headers['x-acs-content-sha256'] ?? '').toLowerCase();
  const canonical = acs3CanonicalRequest({
    method: request.method,
    path: request.path,
    query: readParams(request).query,
    headers: request.headers,
    signedHeaders,
    payloadHash,
  });
  const payloadHashMatches = safeEqual(claimed, payloadHash);
  return {
    scheme: 'acs3',
    stringToSign: acs3StringToSign(canonical),
    signature,
    payloadHashMatches,
  };
};

/** ACS3-HMAC-SHA256 (§6.2): action, version, time and nonce travel in signed x-acs-* headers. */
const parseAcs3 = (request: WireRequest): Step<CloudauthRequest> => {
  const h = request.headers;
  const served = route(h['x-acs-action'], h['x-acs-version'], ['x-acs-action', 'x-acs-version']);
  if (isRefusal(served)) return served;
  const authorization = h.authorization;
  if (!authorization) return refuse(outcome('unsigned'));
  const parsedAuth = parseAcs3Authorization(authorization);
  if (!parsedAuth || !REQUIRED_SIGNED.every((name) => parsedAuth.signedHeaders.includes(name))) {
    return refuse(outcome('malformed_signature'));
  }
  if (h['x-acs-security-token'] !== undefined) return refuse(outcome('unknown_credential'));
  const nonce = nonceOf(h['x-acs-signature-nonce'], 'x-acs-signature-nonce');
  if (typeof nonce !== 'string') return nonce;
  const signedAt = signingTime(h['x-acs-date'], 'x-acs-date');
  if (typeof signedAt !== 'number') return signedAt;
  if (!h['x-acs-content-sha256']) return missing('x-acs-content-sha256');
  const proof = acs3Proof(request, parsedAuth.signedHeaders, parsedAuth.signature);
  const { accessKeyId } = parsedAuth;
  const params = readParams(request).merged;
  const action = h['x-acs-action']!;
  return { action, served, format: 'JSON', params, accessKeyId, nonce, signedAt, proof };
};

/** Dialect step 1: framing and routing (see the module comment). */
export const parse = (request: WireRequest): Step<CloudauthRequest> => {
  // Cloudauth allows GET and POST only; another method is "not found" (§10 InvalidAction.NotFound).
  if (request.method !== 'GET' && request.method !== 'POST') {
    return refuse(outcome('unknown_action'));
  }
  const read = readParams(request);
  if (read.problem) {
    const { problem, parameter } = read.problem;
    return problem === 'duplicate'
      ? invalid(parameter)
      : refuse(outcome('malformed_request', { parameter }));
  }
  return schemeOf(request, read.merged) === 'acs3' ? parseAcs3(request) : parseRpc(request);
};
