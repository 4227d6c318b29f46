/**
 * The spec's captured requests and dummy keys (tencent.md §2.2, §4.3, §4.4), as WireRequests
 * with the clock pinned to their timestamp, plus in-memory auth deps that know the dummy key.
 */
import type { WireRequest } from '../../../src/http/wire.ts';
import type { App, AuthDeps } from '../../../src/security/apps.ts';
import { memoryNonces } from '../../../src/security/nonces.ts';

export const KEYS = {
  secretId: 'AKIDTESTID00000000000000000000000000',
  secretKey: 'TestSecretKey00000000000000000000',
} as const;

export const TIMESTAMP = 1700000000;
export const AT = TIMESTAMP * 1000;
export const TRACE_ID = '00000000-0000-4000-8000-000000000000';

export const GET_FACE_ID_TOKEN_BODY =
  '{"CompareLib":"BUSINESS","IdCard":"11010519491231002X","Name":"张三","Extra":"order-42"}';
export const ID_CARD_BODY = '{"IdCard":"11010519491231002X","Name":"张三"}';

export const tc3Authorization = (service: string, signature: string, date = '2023-11-14') =>
  `TC3-HMAC-SHA256 Credential=${KEYS.secretId}/${date}/${service}/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`;

/** §4.3: the Node SDK's TC3 POST as received (host faceid.tencentcloudapi.com unless given). */
export const tc3Post = (over: {
  action?: string;
  body?: string;
  host?: string;
  authorization?: string;
  headers?: Record<string, string | undefined>;
  receivedAt?: number;
}): WireRequest => ({
  method: 'POST',
  path: '/',
  rawQuery: '',
  headers: {
    'x-tc-traceid': TRACE_ID,
    host: over.host ?? 'faceid.tencentcloudapi.com',
    'x-tc-action': over.action ?? 'IdCardVerification',
    'x-tc-region': 'ap-guangzhou',
    'x-tc-timestamp': String(TIMESTAMP),
    'x-tc-version': '2018-03-01',
    'x-tc-requestclient': 'SDK_NODEJS_4.1.313',
    'content-type': 'application/json',
    authorization:
      over.authorization ??
      tc3Authorization(
        'faceid',
        '1dd4b33902c3a3b6243928148cb3d33b7598c5efdf4e82146d3cba42d8adf276',
      ),
    ...over.headers,
  },
  body: Buffer.from(over.body ?? ID_CARD_BODY),
  receivedAt: over.receivedAt ?? AT,
});

/** §4.3 GET variant of IdCardVerification. */
export const tc3Get = (): WireRequest => ({
  method: 'GET',
  path: '/',
  rawQuery: 'IdCard=11010519491231002X&Name=%E5%BC%A0%E4%B8%89',
  headers: {
    host: 'faceid.tencentcloudapi.com',
    'x-tc-action': 'IdCardVerification',
    'x-tc-timestamp': String(TIMESTAMP),
    'x-tc-version': '2018-03-01',
    'content-type': 'application/x-www-form-urlencoded',
    authorization: tc3Authorization(
      'faceid',
      '87a8cbff82a65abe50e371c1e8d2e599d2e841d916fc246bc321994b8b343c71',
    ),
  },
  body: Buffer.alloc(0),
  receivedAt: AT,
});

/** §2.2: the captured v1 POST body (HmacSHA256). */
export const V1_POST_BODY =
  'IdCard=11010519491231002X&Name=%E5%BC%A0%E4%B8%89&Action=IdCardVerification&RequestClient=SDK_NODEJS_4.1.313&Nonce=42264&Timestamp=1700000000&Version=2018-03-01&SecretId=AKIDTESTID00000000000000000000000000&Region=ap-guangzhou&SignatureMethod=HmacSHA256&Signature=6X5uc%2BoD8%2Bv54K8wj26C%2FfbV%2BCc83WOwbEgsbfBDaZk%3D';

export const v1Post = (body = V1_POST_BODY, host = 'faceid.tencentcloudapi.com'): WireRequest => ({
  method: 'POST',
  path: '/',
  rawQuery: '',
  headers: { host, 'content-type': 'application/x-www-form-urlencoded' },
  body: Buffer.from(body),
  receivedAt: AT,
});

/** §2.2: the v1 GET (HmacSHA1), its query in the Node SDK's order. */
export const V1_GET_QUERY =
  'IdCard=11010519491231002X&Name=%E5%BC%A0%E4%B8%89&Action=IdCardVerification&RequestClient=SDK_NODEJS_4.1.313&Nonce=39872&Timestamp=1700000000&Version=2018-03-01&SecretId=AKIDTESTID00000000000000000000000000&Region=ap-guangzhou&SignatureMethod=HmacSHA1&Signature=1JiMxUZ%2BLaUcB1WrI330GowQ2xQ%3D';

export const v1Get = (query = V1_GET_QUERY): WireRequest => ({
  method: 'GET',
  path: '/',
  rawQuery: query,
  headers: {
    host: 'faceid.tencentcloudapi.com',
    'content-type': 'application/x-www-form-urlencoded',
  },
  body: Buffer.alloc(0),
  receivedAt: AT,
});

export const TEST_APP: App = {
  appId: '1250000001',
  name: 'spec-keys',
  secretId: KEYS.secretId,
  secretKey: KEYS.secretKey,
  accessKeyId: 'LTAI-unused',
  accessKeySecret: 'unused',
  qps: null,
  quota: null,
  disabled: false,
  createdAt: 0,
};

/** Auth deps that know only the spec's dummy key; a fresh nonce store each call. */
export const authDeps = (app: App = TEST_APP): AuthDeps => ({
  credentials: {
    bySecretId: async (id) => (id === app.secretId ? app : undefined),
    byAccessKeyId: async () => undefined,
    byAppId: async () => undefined,
  },
  nonces: memoryNonces(() => AT),
});
