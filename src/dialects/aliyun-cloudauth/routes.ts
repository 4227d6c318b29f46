/**
 * Which requests are Cloudauth's, and which action and signature scheme they name.
 *
 * Tencent API 3.0 (tencent-faceid) shares the path `/`. Its requests carry `X-TC-Action` or a
 * `TC3-…` Authorization (TC3), or `SecretId` / `Nonce` parameters (v1, whose SignatureMethod is
 * spelled `HmacSHA1`); any of those makes this dialect step back. Otherwise, on path `/`, a
 * request is Cloudauth's when it has (spec aliyun.md §2, §6):
 * 1. an `x-acs-action` header (ACS3, and pop-core's RPC v1 requests too), or
 * 2. an `Action` parameter with `SignatureVersion` or `AccessKeyId` — Alibaba-only RPC v1
 *    parameters, which tencent-faceid also treats as a veto; or
 * 3. weaker evidence — an `Action` parameter with `Format` or `SignatureMethod=HMAC-SHA1`, or an
 *    `ACS3-…` Authorization — but only while the request lacks the Tencent v1 shape `Action` +
 *    `Signature` that tencent-faceid claims, and only when every parameter could be read (a
 *    lenient reader might see a Tencent `Action` + `Signature` where this one sees nothing).
 *    Every honest Alibaba client sends rule 1 or 2.
 * So the two dialects never both claim a request (pinned by routes.test.ts against both rules).
 *
 * @example
 *   claims({ path: '/', headers: { 'x-acs-action': 'Id2MetaVerify' }, … }) // → true
 *   claims({ path: '/', headers: { 'x-tc-action': 'IdCardVerification', 'x-acs-action': 'X' }, … }) // → false
 */
import type { WireRequest } from '../../http/wire.ts';
import { isCloudauthAction, SERVED } from './actions.ts';
import { readParams } from './params.ts';

export type Scheme = 'rpc' | 'acs3';

const header = (request: WireRequest, name: string): string | undefined => request.headers[name];

/** Tencent API 3.0 (TC3 or v1) markers: such a request belongs to the tencent-faceid dialect. */
export const isTencentMarked = (request: WireRequest, params: ReadonlyMap<string, string>) =>
  header(request, 'x-tc-action') !== undefined ||
  (header(request, 'authorization') ?? '').startsWith('TC3-') ||
  params.has('SecretId') ||
  params.has('Nonce');

/** Rules 1–3 of the module comment. */
export const isAlibabaMarked = (
  request: WireRequest,
  params: ReadonlyMap<string, string>,
  clean = true,
) => {
  if (header(request, 'x-acs-action') !== undefined) return true;
  const action = params.has('Action');
  if (action && (params.has('SignatureVersion') || params.has('AccessKeyId'))) return true;
  if (!clean || (action && params.has('Signature'))) return false; // maybe Tencent v1
  const acs3 = (header(request, 'authorization') ?? '').startsWith('ACS3-');
  const rpcHint = params.has('Format') || params.get('SignatureMethod') === 'HMAC-SHA1';
  return acs3 || (action && rpcHint);
};

/** The claim rule above; never throws (unreadable parameters count as absent). */
export const claims = (request: WireRequest): boolean => {
  if (request.path !== '/') return false;
  // Tencent's header markers veto without reading any parameter (the hot path for TC3).
  if (isTencentMarked(request, new Map())) return false;
  const { merged, problem } = readParams(request);
  return !isTencentMarked(request, merged) && isAlibabaMarked(request, merged, !problem);
};

/**
 * ACS3 when the Authorization header says so, or when only the ACS3 headers name the action;
 * RPC v1 otherwise. pop-core sends `x-acs-action` on RPC v1 requests too (§7 A–C), so the
 * header alone does not decide.
 */
export const schemeOf = (request: WireRequest, params: ReadonlyMap<string, string>): Scheme => {
  if ((header(request, 'authorization') ?? '').startsWith('ACS')) return 'acs3';
  if (params.has('Action') || params.has('Signature')) return 'rpc';
  return header(request, 'x-acs-action') !== undefined ? 'acs3' : 'rpc';
};

/** The action a request names under its scheme (unvalidated), for routing and rendering. */
export const requestedAction = (request: WireRequest): string | undefined => {
  const params = readParams(request).merged;
  return schemeOf(request, params) === 'acs3'
    ? header(request, 'x-acs-action')
    : params.get('Action');
};

/** The requested action when it exists in 2019-03-07 but shiming does not serve it yet. */
export const notServedYet = (request: WireRequest): string | undefined => {
  const action = requestedAction(request);
  const allowedMethod = request.method === 'GET' || request.method === 'POST';
  return action && allowedMethod && isCloudauthAction(action) && !SERVED.has(action)
    ? action
    : undefined;
};

/** XML only when an RPC v1 caller asks for it (§9.3); ACS3 never sends Format. */
export const wantsXml = (request: WireRequest): boolean => {
  const params = readParams(request).merged;
  return schemeOf(request, params) === 'rpc' && params.get('Format')?.toUpperCase() === 'XML';
};
