/**
 * Signature → caller, as the API Gateway in front of a Cloud Market API checks it (spec
 * tencent.md §6), in this order: Authorization present → readable → id and signature → header
 * list → algorithm → every listed header present, and a date header once → `x-date` (or `date`)
 * signed and valid → within 900 s → SecretId known → signature.
 *
 * Choices where the gateway is silent or unsafe:
 * - A signed `date` header is accepted when `x-date` is not signed (the seed's curl line signs
 *   `date source`), but unlike the gateway it is held to the same 900 s window: the signature
 *   covers neither the body nor the path, so an unchecked date would make one captured
 *   Authorization good for any verification, forever.
 * - No replay check (docs/decisions/0004-replay-protection.md, as for TC3): there is no nonce,
 *   and `x-date` has one-second resolution, so two genuine calls in one second (the seed's
 *   samples sign `x-date x-source` only) carry the same signature; refusing the second would
 *   refuse genuine traffic. The 900 s window is the protection, as at the gateway.
 *
 * @example
 *   const app = await authenticate(parsed, request, deps); // App, or a Refusal to render
 */
import { outcome } from '../../core/outcomes.ts';
import { isRefusal, type Refusal, refuse } from '../../http/dialect.ts';
import type { WireRequest } from '../../http/wire.ts';
import type { App, AuthDeps } from '../../security/apps.ts';
import { PARAMETER } from './codes.ts';
import {
  type GatewayAlgorithm,
  type HmacCredential,
  headerValue,
  isGatewayAlgorithm,
  signatureMatches,
  signingString,
} from './hmac.ts';
import type { MarketParsed } from './request-map.ts';

/** §6: `x-date` within 15 minutes of the server's clock, either way. */
export const SKEW_SECONDS = 900;

const DAYS = 'Sun|Mon|Tue|Wed|Thu|Fri|Sat';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const RFC1123 = new RegExp(
  `^(?:${DAYS}), (\\d{1,2}) (${MONTHS.join('|')}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`,
);
const DATE_HEADERS = ['x-date', 'date'] as const;

const malformed = (parameter: string): Refusal =>
  refuse(outcome('malformed_signature', { parameter }));

/** Milliseconds of an RFC 1123 GMT date (`Tue, 14 Nov 2023 22:13:20 GMT`), if it is one. */
export const readHttpDate = (value: string): number | undefined => {
  const m = RFC1123.exec(value.trim());
  if (!m) return undefined;
  const [day, year, h, min, s] = [m[1], m[3], m[4], m[5], m[6]].map(Number) as number[];
  const ms = Date.UTC(year!, MONTHS.indexOf(m[2]!), day!, h!, min!, s!);
  // Date.UTC rolls 31 Feb over into March and 24:00 into the next day: refuse those.
  const real = h! < 24 && min! < 60 && s! < 60 && new Date(ms).getUTCDate() === day;
  return real ? ms : undefined;
};

// One RFC 1123 date holds one comma: more means repeated headers joined by the HTTP layer.
const isRepeatedDate = (name: string, value: string): boolean =>
  (DATE_HEADERS as readonly string[]).includes(name) && value.split(',').length > 2;

const missingHeader = (name: string): Refusal => {
  if (name === 'x-date') return malformed(PARAMETER.xDate);
  return name === 'date' ? malformed(PARAMETER.date) : malformed(`${PARAMETER.header}${name}`);
};

/** Every listed header is present, and a date header is not repeated. */
const checkListed = (c: HmacCredential, request: WireRequest): Refusal | undefined => {
  for (const name of c.headers) {
    const value = headerValue(request.headers, name);
    if (value === undefined) return missingHeader(name);
    if (isRepeatedDate(name, value)) return malformed(PARAMETER.repeated);
  }
  return undefined;
};

/** The signed date the window applies to: `x-date` when signed, else `date`. */
const signedTime = (c: HmacCredential, request: WireRequest): number | Refusal => {
  const name = DATE_HEADERS.find((header) => c.headers.includes(header));
  if (name === undefined) return malformed(PARAMETER.date);
  const ms = readHttpDate(headerValue(request.headers, name) ?? '');
  if (ms !== undefined) return ms;
  return malformed(name === 'x-date' ? PARAMETER.xDate : PARAMETER.date);
};

type Signed = HmacCredential & { algorithm: GatewayAlgorithm };

const checkHeaders = (c: HmacCredential, request: WireRequest): Signed | Refusal => {
  const { algorithm } = c;
  if (!isGatewayAlgorithm(algorithm)) return malformed(PARAMETER.algorithm);
  const problem = checkListed(c, request);
  if (problem) return problem;
  const time = signedTime(c, request);
  if (isRefusal(time)) return time;
  const fresh = Math.abs(request.receivedAt - time) <= SKEW_SECONDS * 1000;
  return fresh ? { ...c, algorithm } : refuse(outcome('signature_expired'));
};

const verify = async (c: Signed, request: WireRequest, deps: AuthDeps): Promise<App | Refusal> => {
  const app = await deps.credentials.bySecretId(c.id);
  if (!app) return refuse(outcome('unknown_credential'));
  const text = signingString(c.headers, request.headers);
  return signatureMatches(c, app.secretKey, text) ? app : refuse(outcome('bad_signature'));
};

export const authenticate = async (
  parsed: MarketParsed,
  request: WireRequest,
  deps: AuthDeps,
): Promise<App | Refusal> => {
  if (isRefusal(parsed.credential)) return parsed.credential;
  const signed = checkHeaders(parsed.credential, request);
  return isRefusal(signed) ? signed : verify(signed, request, deps);
};
