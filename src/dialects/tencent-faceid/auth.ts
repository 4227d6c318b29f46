/**
 * Signature → caller for FaceID (spec tencent.md §2). Order: SecretId known → timestamp within
 * ±300 s → (TC3) scope date is the timestamp's UTC date → signature → single use.
 *
 * The host that was signed is not always the Host header: the Node SDK signs TC3 with the
 * hostname only but v1 with `host:port`, the Python SDK signs the endpoint with its port (§0.2,
 * §2.2). Both forms are tried, Host as received first.
 *
 * Replay (docs/decisions/0004-replay-protection.md): v1 claims SecretId + Nonce + Timestamp,
 * plus the signature: the Node SDK draws nonces from 0..65535 only, so at 100 requests/s on one
 * key two genuine calls would share nonce and second in about 7 % of seconds; with the
 * signature in the key only a byte-identical request collides. TC3 has no nonce and signs no
 * action header, so two genuine calls with one body in one second (even to two actions) carry
 * the same signature: refusing a repeat would refuse genuine calls, as Tencent does not. TC3
 * relies on the ±300 s timestamp window alone.
 *
 * @example
 *   const app = await authenticate(parsed, request, deps); // App, or refuse(outcome('bad_signature'))
 */
import { outcome } from '../../core/outcomes.ts';
import { type Refusal, refuse } from '../../http/dialect.ts';
import type { WireRequest } from '../../http/wire.ts';
import type { App, AuthDeps } from '../../security/apps.ts';
import { safeEqual, sha256Hex } from '../../security/signatures.ts';
import type { FaceIdParsed, Tc3Credential, V1Credential } from './parse.ts';
import {
  tc3CanonicalRequest,
  tc3Signature,
  tc3SigningKey,
  tc3StringToSign,
  utcDate,
  v1Signature,
  v1StringToSign,
} from './sign.ts';

export const SKEW_SECONDS = 300;
export const REPLAY_TTL_SECONDS = 600;

/** Host as received, then without its port. */
export const hostCandidates = (host: string | undefined): string[] => {
  const received = (host ?? '').trim().toLowerCase();
  const bare = received.replace(/:\d+$/, '');
  return bare === received ? [received] : [received, bare];
};

const tc3Expected = (c: Tc3Credential, request: WireRequest, host: string, key: Buffer): string => {
  const signedHeaders = c.signedHeaders.map(
    (name) => [name, name === 'host' ? host : (request.headers[name] ?? '')] as const,
  );
  const canonical = tc3CanonicalRequest({
    method: request.method,
    path: request.path,
    query: request.rawQuery,
    signedHeaders,
    payloadHash: sha256Hex(request.body),
  });
  const scope = `${c.date}/${c.service}/tc3_request`;
  return tc3Signature(key, tc3StringToSign(c.timestamp, scope, canonical));
};

// The SDKs sign exactly content-type;host; without both, a signature binds neither the body's
// interpretation nor the server it was meant for.
const signsEnough = (c: Tc3Credential): boolean =>
  c.signedHeaders.includes('content-type') && c.signedHeaders.includes('host');

const tc3Valid = (c: Tc3Credential, request: WireRequest, secretKey: string): boolean => {
  if (c.date !== utcDate(c.timestamp)) return false;
  const key = tc3SigningKey(secretKey, c.date, c.service);
  return hostCandidates(request.headers.host).some((host) =>
    safeEqual(tc3Expected(c, request, host, key), c.signature),
  );
};

const v1Valid = (c: V1Credential, request: WireRequest, secretKey: string): boolean =>
  hostCandidates(request.headers.host).some((host) => {
    const text = v1StringToSign(request.method, host, request.path, c.signed);
    return safeEqual(v1Signature(c.method, secretKey, text), c.signature);
  });

const replayKey = (c: V1Credential): string =>
  `tencent-faceid:v1:${c.secretId}:${c.nonce}:${c.timestamp}:${c.signature}`;

export const authenticate = async (
  parsed: FaceIdParsed,
  request: WireRequest,
  deps: AuthDeps,
): Promise<App | Refusal> => {
  const c = parsed.credential;
  if (c.scheme === 'tc3' && !signsEnough(c)) return refuse(outcome('malformed_signature'));
  const app = await deps.credentials.bySecretId(c.secretId);
  if (!app) return refuse(outcome('unknown_credential'));
  if (Math.abs(request.receivedAt / 1000 - c.timestamp) > SKEW_SECONDS) {
    return refuse(outcome('signature_expired'));
  }
  const valid =
    c.scheme === 'tc3' ? tc3Valid(c, request, app.secretKey) : v1Valid(c, request, app.secretKey);
  if (!valid) return refuse(outcome('bad_signature'));
  if (c.scheme === 'v1' && !(await deps.nonces.claim(replayKey(c), REPLAY_TTL_SECONDS))) {
    return refuse(outcome('replay'));
  }
  return app;
};
