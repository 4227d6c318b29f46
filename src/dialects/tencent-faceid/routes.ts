/**
 * Which requests are FaceID's (spec tencent.md §0.1, §2): everything lands on `/`, so the claim
 * rests on the signature's markers. The Alibaba RPC dialect shares `/` and also sends `Action`
 * and `Signature` parameters, so its own markers (`x-acs-action`, `SignatureVersion`,
 * `AccessKeyId`) veto the claim before anything else is looked at.
 *
 * Claimed, on path `/` and without an Alibaba marker:
 * 1. any method with `Authorization: TC3-HMAC-SHA256 …` (a wrong method is then answered in
 *    this dialect's envelope);
 * 2. POST or GET with an `X-TC-Action` header (TC3, possibly unsigned → InvalidAuthorization);
 * 3. POST or GET with an `Action` parameter (query or form body) plus `Signature` or `SecretId`
 *    (v1).
 *
 * @example
 *   claims({ method: 'POST', path: '/', headers: { 'x-tc-action': 'IdCardVerification' }, … }) // true
 */
import type { WireRequest } from '../../http/wire.ts';
import { peekParams } from './params.ts';

export const VERSION = '2018-03-01';

/** The FaceID actions shiming answers. */
export const SERVED_ACTIONS = [
  'IdCardVerification',
  'CheckIdNameDate',
  'BankCardVerification',
  'BankCard2EVerification',
  'BankCard4EVerification',
  'CheckBankCardInformation',
  'PhoneVerification',
  'PhoneVerificationCMCC',
  'PhoneVerificationCTCC',
  'PhoneVerificationCUCC',
  'MinorsVerification',
  'ImageRecognitionV2',
  'IdCardOCRVerification',
  'CheckIdCardInformation',
  // Removed from SDK 4.1.313 but still called by older integrations (§1.1).
  'ImageRecognition',
] as const;
export type ServedAction = (typeof SERVED_ACTIONS)[number];

/**
 * FaceID actions that exist (SDK 4.1.313 and the historical ones, §1.1) but that shiming does not
 * serve yet: answered `UnsupportedOperation`, not `InvalidAction`, so a caller can tell "not
 * here yet" from a typo.
 */
export const UNSERVED_ACTIONS: ReadonlySet<string> = new Set([
  'CheckEidTokenStatus',
  'CheckPhoneAndName',
  'DetectAIFakeFaces',
  'DetectAuth',
  'EncryptedPhoneVerification',
  'GetActionSequence',
  'GetDetectInfo',
  'GetDetectInfoEnhanced',
  'GetEidResult',
  'GetEidToken',
  'GetFaceIdResult',
  'GetFaceIdRiskInfo',
  'GetFaceIdToken',
  'GetFaceidRiskInfoToken',
  'GetLiveCode',
  'GetNFCToken',
  'GetWeChatBillDetails',
  'GetWxNFCResult',
  'LivenessCompare',
  'LivenessRecognition',
  'MobileNetworkTimeVerification',
  'MobileStatus',
  'ParseNfcData',
  // Removed from the SDK but still called by older integrations.
  'Liveness',
  'DetectReflectLivenessAndCompare',
  'GetRealNameAuthResult',
  'GetRealNameAuthToken',
]);

const SERVED: ReadonlySet<string> = new Set(SERVED_ACTIONS);
export const isServed = (action: string): action is ServedAction => SERVED.has(action);

const TC3_AUTHORIZATION = /^TC3-HMAC-SHA256(?:\s|$)/;

const hasAlibabaMarker = (request: WireRequest, params: URLSearchParams): boolean =>
  request.headers['x-acs-action'] !== undefined ||
  params.has('SignatureVersion') ||
  params.has('AccessKeyId');

const isV1 = (params: URLSearchParams): boolean =>
  params.has('Action') && (params.has('Signature') || params.has('SecretId'));

const paramsOf = (request: WireRequest): URLSearchParams =>
  peekParams(request.rawQuery, request.headers['content-type'], request.body);

/**
 * Every `/` request without an Alibaba marker: besides TC3 (Authorization or `X-TC-Action`)
 * and v1 (`Action` + `Signature`/`SecretId`), requests no dialect recognises — no markers at
 * all, an unknown method, a body too large to read — are answered in this envelope, because
 * the Tencent SDKs need `{"Response":{"Error"…}}` with HTTP 200 while the Alibaba SDKs throw on
 * any non-2xx status anyway. The Alibaba dialect is asked first (src/dialects/index.ts).
 */
export const claims = (request: WireRequest): boolean =>
  request.path === '/' && !hasAlibabaMarker(request, paramsOf(request));

/**
 * A FaceID request by its own markers (used to keep the Alibaba rule disjoint from it):
 * 1. any method with `Authorization: TC3-HMAC-SHA256 …`;
 * 2. POST or GET with an `X-TC-Action` header (TC3, possibly unsigned → InvalidAuthorization);
 * 3. POST or GET with an `Action` parameter plus `Signature` or `SecretId` (v1).
 */
export const hasTencentMarker = (request: WireRequest): boolean => {
  if (!claims(request)) return false;
  if (TC3_AUTHORIZATION.test(request.headers.authorization ?? '')) return true;
  if (request.method !== 'POST' && request.method !== 'GET') return false;
  return request.headers['x-tc-action'] !== undefined || isV1(paramsOf(request));
};

/** The action a request names (TC3 header first, then the v1 parameter), for error rendering. */
export const actionNameOf = (request: WireRequest): string =>
  request.headers['x-tc-action'] ?? paramsOf(request).get('Action') ?? '';
