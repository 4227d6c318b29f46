/**
 * Signature → caller for the legacy routes (spec tencent.md §5, codes of seeds 000/001). The
 * checks run in the order of the seeds' code table, except that a single-use signature is
 * claimed (code 13) only once its digest verified (code 14), so forgeries cannot burn it:
 * 4 unsigned → 5 malformed → 21 no appid → 6 a/b ≠ body → 9 time → 10 appid unknown →
 * 11 SecretId unknown → 12 different apps → 14 digest → 13 replay.
 *
 * @example
 *   const app = await authenticate(parsed, request, deps); // App, or a Refusal to render
 */
import { outcome } from '../../core/outcomes.ts';
import { isRefusal, type Refusal, refuse } from '../../http/dialect.ts';
import type { WireRequest } from '../../http/wire.ts';
import type { App, AuthDeps } from '../../security/apps.ts';
import { PARAMETER } from './codes.ts';
import { type LegacyParsed, readAppId, readBucket } from './request-map.ts';
import { decodeToken, digestMatches, type LegacyToken } from './signature.ts';

/** Seconds a signing time may run ahead of our clock (the service's own tolerance is unknown). */
export const FUTURE_SKEW = 300;
/** Seconds after `t` during which a single-use signature (e = 0) is accepted. */
export const SINGLE_USE_WINDOW = 300;
/** Longest multi-use lifetime `e − t`: "3 months" per the docs, read as 92 days. */
export const MAX_LIFETIME = 92 * 86_400;
const NONCE_PREFIX = 'tencent-legacy:';

const mismatch = (parameter: string): Refusal =>
  refuse(outcome('credential_mismatch', { parameter }));

/** Code 6: the signature names another appid, or another bucket than the body (when both do). */
const bindingProblem = (token: LegacyToken, appid: string, bucket: string): Refusal | undefined => {
  if (token.a !== appid) return mismatch(PARAMETER.appid);
  if (token.b !== '' && bucket !== '' && token.b !== bucket) return mismatch(PARAMETER.bucket);
  return undefined;
};

/**
 * Code 9. Multi-use: valid until `e` inclusive, at most MAX_LIFETIME. Single-use (e = 0): needs
 * a bound `f` (without one, e = 0 is just an expiry in 1970) and is fresh for SINGLE_USE_WINDOW.
 */
export const isExpired = (token: LegacyToken, now: number): boolean => {
  if (token.t > now + FUTURE_SKEW) return true;
  if (token.e !== 0) return now > token.e || token.e - token.t > MAX_LIFETIME;
  return token.f === '' || now - token.t > SINGLE_USE_WINDOW;
};

/** Codes 10, 11, 12: the body's app, the SecretId's app, and whether they are the same. */
const resolveApp = async (token: LegacyToken, appid: string, deps: AuthDeps) => {
  const owner = await deps.credentials.byAppId(appid);
  if (!owner) return refuse(outcome('unknown_credential', { parameter: PARAMETER.appid }));
  const holder = await deps.credentials.bySecretId(token.k);
  if (!holder) return refuse(outcome('unknown_credential', { parameter: PARAMETER.secretId }));
  return holder.appId === owner.appId ? holder : mismatch(PARAMETER.secretId);
};

/**
 * Code 13. A multi-use signature may be reused until `e` (that is what "multi-effective"
 * means); a single-use one is claimed once, for as long as it could still pass `isExpired`.
 */
const claimSingleUse = async (token: LegacyToken, deps: AuthDeps): Promise<boolean> =>
  token.e !== 0 ||
  deps.nonces.claim(
    `${NONCE_PREFIX}${token.digest.toString('hex')}`,
    SINGLE_USE_WINDOW + FUTURE_SKEW,
  );

const verify = async (token: LegacyToken, appid: string, deps: AuthDeps) => {
  const app = await resolveApp(token, appid, deps);
  if (isRefusal(app)) return app;
  if (!digestMatches(token, app.secretKey)) return refuse(outcome('bad_signature'));
  return (await claimSingleUse(token, deps)) ? app : refuse(outcome('replay'));
};

export const authenticate = async (
  parsed: LegacyParsed,
  request: WireRequest,
  deps: AuthDeps,
): Promise<App | Refusal> => {
  const token = decodeToken(parsed.authorization);
  if (isRefusal(token)) return token;
  const appid = readAppId(parsed.fields);
  if (isRefusal(appid)) return appid;
  const bucket = readBucket(parsed.fields);
  if (isRefusal(bucket)) return bucket;
  const problem = bindingProblem(token, appid, bucket);
  if (problem) return problem;
  if (isExpired(token, Math.floor(request.receivedAt / 1000))) {
    return refuse(outcome('signature_expired'));
  }
  return verify(token, appid, deps);
};
