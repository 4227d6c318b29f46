/**
 * Signature → caller, for both schemes. Order: key look-up (unknown → InvalidAccessKeyId.NotFound),
 * constant-time signature comparison, the ±15-minute window, and last the nonce, so that only
 * correctly signed, fresh requests consume a nonce (spec aliyun.md §6.1 "Replay and skew", §11.4).
 *
 * @example
 *   const app = await authenticate(parsed, request, deps);
 *   if (isRefusal(app)) return app; // bad_signature, signature_expired, replay, …
 */
import { outcome } from '../../core/outcomes.ts';
import { type Refusal, refuse } from '../../http/dialect.ts';
import type { WireRequest } from '../../http/wire.ts';
import type { App, AuthDeps } from '../../security/apps.ts';
import { safeEqual } from '../../security/signatures.ts';
import type { CloudauthRequest, Proof } from './framing.ts';
import { acs3Signature, rpcSignature } from './signing.ts';

/** Alibaba's window for Timestamp / x-acs-date (§6.1; assumed the same for ACS3, §6.2). */
export const SKEW_MS = 15 * 60 * 1000;

/** A nonce is remembered for the window on both sides of "now" (30 min), so a replay is caught. */
export const NONCE_TTL_SECONDS = 1800;

/** The replay key: per AccessKey, since Alibaba's own cache scope is unconfirmed (§12). */
export const nonceKey = (accessKeyId: string, nonce: string): string =>
  `aliyun:${accessKeyId}:${nonce}`;

const expected = (proof: Proof, secret: string): string =>
  proof.scheme === 'rpc'
    ? rpcSignature(secret, proof.stringToSign)
    : acs3Signature(secret, proof.stringToSign);

/** Constant-time check of the caller's signature (and, for ACS3, of the body hash it signed). */
export const signatureMatches = (proof: Proof, secret: string): boolean => {
  const received = proof.scheme === 'acs3' ? proof.signature.toLowerCase() : proof.signature;
  return safeEqual(expected(proof, secret), received) && proof.payloadHashMatches;
};

/** Dialect step 2; returns the app even when it is disabled (the pipeline refuses those). */
export const authenticate = async (
  parsed: CloudauthRequest,
  request: WireRequest,
  deps: AuthDeps,
): Promise<App | Refusal> => {
  const app = await deps.credentials.byAccessKeyId(parsed.accessKeyId);
  if (!app) return refuse(outcome('unknown_credential'));
  if (!signatureMatches(parsed.proof, app.accessKeySecret)) return refuse(outcome('bad_signature'));
  if (Math.abs(request.receivedAt - parsed.signedAt) > SKEW_MS) {
    return refuse(outcome('signature_expired'));
  }
  const fresh = await deps.nonces.claim(nonceKey(app.accessKeyId, parsed.nonce), NONCE_TTL_SECONDS);
  return fresh ? app : refuse(outcome('replay'));
};
