/** Every TC3 and v1 vector of spec tencent.md §2.2 and §4.4, through the pure signing functions. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hmac, sha256Hex } from '../../../src/security/signatures.ts';
import {
  tc3CanonicalRequest,
  tc3Signature,
  tc3SigningKey,
  tc3StringToSign,
  utcDate,
  v1Signature,
  v1StringToSign,
} from '../../../src/dialects/tencent-faceid/sign.ts';
import { GET_FACE_ID_TOKEN_BODY, ID_CARD_BODY, KEYS, TIMESTAMP } from './fixtures.ts';

const SCOPE = '2023-11-14/faceid/tc3_request';
const JSON_HEADERS = (host: string) =>
  [
    ['content-type', 'application/json'],
    ['host', host],
  ] as const;

const post = (body: string, host = 'faceid.tencentcloudapi.com') =>
  tc3CanonicalRequest({
    method: 'POST',
    path: '/',
    query: '',
    signedHeaders: JSON_HEADERS(host),
    payloadHash: sha256Hex(body),
  });

const sign = (canonical: string, service = 'faceid') =>
  tc3Signature(
    tc3SigningKey(KEYS.secretKey, '2023-11-14', service),
    tc3StringToSign(TIMESTAMP, `2023-11-14/${service}/tc3_request`, canonical),
  );

test('case=tc3 GetFaceIdToken vector, every intermediate value (§4.4)', () => {
  assert.equal(
    sha256Hex(GET_FACE_ID_TOKEN_BODY),
    '0ab9688548069845cfb780bcb6eda2846eaa7376bc217e7f9f69f5008fbf1c71',
  );
  const canonical = post(GET_FACE_ID_TOKEN_BODY);
  assert.equal(
    canonical,
    'POST\n/\n\ncontent-type:application/json\nhost:faceid.tencentcloudapi.com\n\ncontent-type;host\n0ab9688548069845cfb780bcb6eda2846eaa7376bc217e7f9f69f5008fbf1c71',
  );
  assert.equal(
    sha256Hex(canonical),
    'c231fa0cbc23cea630eb40a5600e5529cae02ed6e0e8ff173c08d78951995a71',
  );
  assert.equal(
    tc3StringToSign(TIMESTAMP, SCOPE, canonical),
    'TC3-HMAC-SHA256\n1700000000\n2023-11-14/faceid/tc3_request\nc231fa0cbc23cea630eb40a5600e5529cae02ed6e0e8ff173c08d78951995a71',
  );
  const kDate = hmac('sha256', `TC3${KEYS.secretKey}`, '2023-11-14');
  assert.equal(
    kDate.toString('hex'),
    'a8838fd05539f6a95ce78d9fa921aedee1fa2b99856b887baaef4a4667e7172e',
  );
  assert.equal(
    hmac('sha256', kDate, 'faceid').toString('hex'),
    'c4b08adcc618ee6f95b3c48872b5429a118c6b460bd704081ed5ab23dd1238d1',
  );
  assert.equal(
    tc3SigningKey(KEYS.secretKey, '2023-11-14', 'faceid').toString('hex'),
    '7bf1a041f32eb27cddd785d0cf55093b06486314b4d1e7cbf80de34ebfe6716a',
  );
  assert.equal(sign(canonical), 'a2f7ab6d2e0396d9ea6467e81f6579587a9fccaf9b28586b21087144985d2169');
});

test('case=tc3 IdCardVerification vector (§4.4)', () => {
  assert.equal(
    sha256Hex(ID_CARD_BODY),
    'aa670e2c1c033ac7c7671728bede9696f054e281e70e0ad293b3aca359ed022c',
  );
  assert.equal(
    sha256Hex(post(ID_CARD_BODY)),
    '5587e18bab421d94ddcea3f12c6d057616fa066ba825399a7ab0e8450b99ba5b',
  );
  assert.equal(
    sign(post(ID_CARD_BODY)),
    '1dd4b33902c3a3b6243928148cb3d33b7598c5efdf4e82146d3cba42d8adf276',
  );
});

test('case=tc3 endpoint 127.0.0.1:28931 signs service 127 and host without port (§4.3)', () => {
  assert.equal(
    sign(post(ID_CARD_BODY, '127.0.0.1'), '127'),
    'efea8d3b04e9bb7dbc97be6d5102b7a9aa40db2b715deacc6be8a6f97fe05ffd',
  );
});

test('case=tc3 endpoint faceid.local:28931 (§4.3)', () => {
  assert.equal(
    sign(post(ID_CARD_BODY, 'faceid.local')),
    'accdd38f1f66dd5e547db66c1b37ebaaa58e110c4197c4d350246e52843e2b17',
  );
});

test('case=tc3 GET vector (§4.4)', () => {
  const canonical = tc3CanonicalRequest({
    method: 'GET',
    path: '/',
    query: 'IdCard=11010519491231002X&Name=%E5%BC%A0%E4%B8%89',
    signedHeaders: [
      ['content-type', 'application/x-www-form-urlencoded'],
      ['host', 'faceid.tencentcloudapi.com'],
    ],
    payloadHash: sha256Hex(''),
  });
  assert.equal(
    canonical,
    'GET\n/\nIdCard=11010519491231002X&Name=%E5%BC%A0%E4%B8%89\ncontent-type:application/x-www-form-urlencoded\nhost:faceid.tencentcloudapi.com\n\ncontent-type;host\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  );
  assert.equal(
    sha256Hex(canonical),
    '88de908a520e76a34e6ff00709d79e71c8da403bd3df051c60582ad06bb333fc',
  );
  assert.equal(sign(canonical), '87a8cbff82a65abe50e371c1e8d2e599d2e841d916fc246bc321994b8b343c71');
});

test('case=tc3 canonical header values are trimmed and lower-cased', () => {
  const canonical = tc3CanonicalRequest({
    method: 'POST',
    path: '/',
    query: '',
    signedHeaders: [['content-type', ' Application/JSON; Charset=UTF-8 ']],
    payloadHash: 'x',
  });
  assert.equal(
    canonical,
    'POST\n/\n\ncontent-type:application/json; charset=utf-8\n\ncontent-type\nx',
  );
});

test('case=utc date of the credential scope', () => {
  assert.equal(utcDate(TIMESTAMP), '2023-11-14');
  assert.equal(utcDate(1700006400), '2023-11-15'); // 00:00 UTC, already the 15th
});

const V1_PARAMS = (nonce: string, method: string) => ({
  Action: 'IdCardVerification',
  IdCard: '11010519491231002X',
  Name: '张三',
  Nonce: nonce,
  Region: 'ap-guangzhou',
  RequestClient: 'SDK_NODEJS_4.1.313',
  SecretId: KEYS.secretId,
  SignatureMethod: method,
  Timestamp: '1700000000',
  Version: '2018-03-01',
  Signature: 'ignored: never signed',
});

test('case=v1 HmacSHA256 POST vector (§2.2)', () => {
  const text = v1StringToSign(
    'POST',
    'faceid.tencentcloudapi.com',
    '/',
    V1_PARAMS('42264', 'HmacSHA256'),
  );
  assert.equal(
    text,
    'POSTfaceid.tencentcloudapi.com/?Action=IdCardVerification&IdCard=11010519491231002X&Name=张三&Nonce=42264&Region=ap-guangzhou&RequestClient=SDK_NODEJS_4.1.313&SecretId=AKIDTESTID00000000000000000000000000&SignatureMethod=HmacSHA256&Timestamp=1700000000&Version=2018-03-01',
  );
  assert.equal(
    v1Signature('HmacSHA256', KEYS.secretKey, text),
    '6X5uc+oD8+v54K8wj26C/fbV+Cc83WOwbEgsbfBDaZk=',
  );
});

test('case=v1 HmacSHA1 GET vector (§2.2)', () => {
  const text = v1StringToSign(
    'GET',
    'faceid.tencentcloudapi.com',
    '/',
    V1_PARAMS('39872', 'HmacSHA1'),
  );
  assert.equal(
    text,
    'GETfaceid.tencentcloudapi.com/?Action=IdCardVerification&IdCard=11010519491231002X&Name=张三&Nonce=39872&Region=ap-guangzhou&RequestClient=SDK_NODEJS_4.1.313&SecretId=AKIDTESTID00000000000000000000000000&SignatureMethod=HmacSHA1&Timestamp=1700000000&Version=2018-03-01',
  );
  assert.equal(v1Signature('HmacSHA1', KEYS.secretKey, text), '1JiMxUZ+LaUcB1WrI330GowQ2xQ=');
});
