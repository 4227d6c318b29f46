/**
 * Framing of a FaceID request (spec tencent.md §2): which signature it carries, its signature
 * fields, the API version, the action and the action's parameters. The cryptography is
 * auth.ts's; field-level checks are request-map.ts's, after the caller is known.
 *
 * Order of refusals: method → signature framing (unsigned / malformed / missing fields) →
 * version → action → body. So an anonymous caller learns nothing about a body it cannot sign.
 *
 * @example
 *   parse(request) // → { action: 'IdCardVerification', params: {…}, credential: { scheme: 'tc3', … } }
 */
import { type Outcome, outcome } from '../../core/outcomes.ts';
import { isRefusal, type Refusal, refuse } from '../../http/dialect.ts';
import type { WireRequest } from '../../http/wire.ts';
import {
  decodeForm,
  decodeJsonObject,
  FORM,
  type FlatParams,
  JSON_TYPE,
  mediaType,
  type Params,
  peekParams,
  utf8,
} from './params.ts';
import { isServed, type ServedAction, VERSION } from './routes.ts';
import { V1_METHODS, type V1Method } from './sign.ts';

export interface Tc3Credential {
  scheme: 'tc3';
  secretId: string;
  /** Credential-scope date and service, verbatim (the Node SDK's service can be `127`). */
  date: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  timestamp: number;
}

export interface V1Credential {
  scheme: 'v1';
  secretId: string;
  signature: string;
  method: V1Method;
  timestamp: number;
  nonce: string;
  /** Every parameter as received: the v1 string to sign covers all of them. */
  signed: FlatParams;
}

export interface FaceIdParsed {
  action: ServedAction;
  params: Params;
  credential: Tc3Credential | V1Credential;
}

type Step<T> = T | Refusal;
const fail = (code: Outcome['code'], parameter?: string): Refusal =>
  refuse(outcome(code, parameter ? { parameter } : undefined));
const failed = isRefusal;

// §2.1: `Credential=<id>/<date>/<service>/tc3_request, SignedHeaders=…, Signature=<64 hex>`;
// the service is whatever the client derived (`faceid`, `127`, `localhost:8080`).
const TC3_HEADER =
  /^TC3-HMAC-SHA256\s+Credential=([^/\s,]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s,]+)\/tc3_request,\s*SignedHeaders=([a-z0-9;._-]+),\s*Signature=([0-9a-f]{64})$/;
const UNIX_SECONDS = /^\d{1,12}$/;

const timestampOf = (value: string | undefined, name: string): Step<number> => {
  if (value === undefined || value === '') return fail('missing_parameter', name);
  return UNIX_SECONDS.test(value) ? Number(value) : fail('invalid_parameter', name);
};

/** Where each signature carries the version and the action (headers for TC3, parameters for v1). */
const TC3_NAMES = { version: 'X-TC-Version', action: 'X-TC-Action' };
const V1_NAMES = { version: 'Version', action: 'Action' };

const versionAndAction = (
  version: string | undefined,
  action: string | undefined,
  names: typeof TC3_NAMES,
): Step<ServedAction> => {
  if (!version) return fail('missing_parameter', names.version);
  if (version !== VERSION) return fail('unsupported_version');
  if (!action) return fail('missing_parameter', names.action);
  return isServed(action) ? action : fail('unknown_action');
};

const tc3Credential = (request: WireRequest): Step<Tc3Credential> => {
  const header = request.headers.authorization?.trim();
  if (!header) return fail('unsigned');
  const m = TC3_HEADER.exec(header);
  if (!m) return fail('malformed_signature');
  const timestamp = timestampOf(request.headers['x-tc-timestamp'], 'X-TC-Timestamp');
  if (failed(timestamp)) return timestamp;
  const [secretId, date, service, signedHeaders, signature] = m.slice(1) as string[];
  return {
    scheme: 'tc3',
    secretId: secretId!,
    date: date!,
    service: service!,
    signedHeaders: signedHeaders!.split(';'),
    signature: signature!,
    timestamp,
  };
};

const tc3Params = (request: WireRequest): Step<Params> => {
  if (request.method === 'GET') return decodeForm(request.rawQuery) ?? fail('malformed_request');
  if (mediaType(request.headers['content-type']) !== JSON_TYPE) {
    return fail('malformed_request', 'Content-Type');
  }
  const text = utf8(request.body);
  return (text !== undefined && decodeJsonObject(text)) || fail('malformed_request');
};

const parseTc3 = (request: WireRequest): Step<FaceIdParsed> => {
  const credential = tc3Credential(request);
  if (failed(credential)) return credential;
  const { headers } = request;
  const action = versionAndAction(headers['x-tc-version'], headers['x-tc-action'], TC3_NAMES);
  if (failed(action)) return action;
  const params = tc3Params(request);
  return failed(params) ? params : { action, params, credential };
};

/** v1 carries everything as parameters: query, plus a form body on POST (§2.2). */
const v1Fields = (request: WireRequest): Step<FlatParams> => {
  const query = decodeForm(request.rawQuery);
  if (!query) return fail('malformed_request');
  if (request.method === 'GET' || request.body.length === 0) return query;
  if (mediaType(request.headers['content-type']) !== FORM) {
    return fail('malformed_request', 'Content-Type');
  }
  const text = utf8(request.body);
  const body = text === undefined ? undefined : decodeForm(text);
  if (!body || Object.keys(body).some((name) => Object.hasOwn(query, name))) {
    return fail('malformed_request');
  }
  return Object.assign(query, body);
};

const v1Credential = (fields: FlatParams): Step<V1Credential> => {
  const { Signature: signature, SecretId: secretId, Nonce: nonce } = fields;
  if (!signature) return fail('missing_parameter', 'Signature');
  if (!secretId) return fail('missing_parameter', 'SecretId');
  const timestamp = timestampOf(fields.Timestamp, 'Timestamp');
  if (failed(timestamp)) return timestamp;
  if (!nonce) return fail('missing_parameter', 'Nonce');
  if (!/^\d{1,20}$/.test(nonce)) return fail('invalid_parameter', 'Nonce');
  const method = fields.SignatureMethod ?? 'HmacSHA1';
  if (!Object.hasOwn(V1_METHODS, method)) return fail('invalid_parameter', 'SignatureMethod');
  return {
    scheme: 'v1',
    secretId,
    signature,
    method: method as V1Method,
    timestamp,
    nonce,
    signed: fields,
  };
};

/** Common v1 parameters (§2.2); everything else belongs to the action. */
const V1_COMMON = new Set([
  'Action',
  'Version',
  'Region',
  'Timestamp',
  'Nonce',
  'SecretId',
  'Signature',
  'SignatureMethod',
  'Token',
  'Language',
  'RequestClient',
]);

const actionParams = (fields: FlatParams): Params =>
  Object.fromEntries(Object.entries(fields).filter(([name]) => !V1_COMMON.has(name)));

const parseV1 = (request: WireRequest): Step<FaceIdParsed> => {
  const fields = v1Fields(request);
  if (failed(fields)) return fields;
  const credential = v1Credential(fields);
  if (failed(credential)) return credential;
  const action = versionAndAction(fields.Version, fields.Action, V1_NAMES);
  if (failed(action)) return action;
  return { action, params: actionParams(fields), credential };
};

// Without an Authorization header, v1 parameters decide; a bare X-TC-Action is an unsigned TC3.
const isV1 = (request: WireRequest): boolean => {
  if (request.headers.authorization !== undefined) return false;
  const params = peekParams(request.rawQuery, request.headers['content-type'], request.body);
  return params.has('Signature') || params.has('SecretId');
};

export const parse = (request: WireRequest): Step<FaceIdParsed> => {
  if (request.method !== 'POST' && request.method !== 'GET') return fail('malformed_request');
  return isV1(request) ? parseV1(request) : parseTc3(request);
};
