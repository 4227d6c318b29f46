/**
 * parse → authenticate on the spec's captured requests (§2.2, §4.3), clock pinned through
 * receivedAt: every vector verifies, and each way of breaking one gives its outcome.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Outcome } from '../../../src/core/outcomes.ts';
import { isRefusal } from '../../../src/http/dialect.ts';
import type { WireRequest } from '../../../src/http/wire.ts';
import type { AuthDeps } from '../../../src/security/apps.ts';
import { authenticate, hostCandidates } from '../../../src/dialects/tencent-faceid/auth.ts';
import { type FaceIdParsed, parse } from '../../../src/dialects/tencent-faceid/parse.ts';
import { v1Signature, v1StringToSign } from '../../../src/dialects/tencent-faceid/sign.ts';
import {
  AT,
  authDeps,
  GET_FACE_ID_TOKEN_BODY,
  KEYS,
  TEST_APP,
  tc3Authorization,
  tc3Get,
  tc3Post,
  V1_GET_QUERY,
  V1_POST_BODY,
  v1Get,
  v1Post,
} from './fixtures.ts';

const parsed = (request: WireRequest): FaceIdParsed => {
  const result = parse(request);
  assert.ok(!isRefusal(result), `parse refused: ${JSON.stringify(result)}`);
  return result;
};

/** The outcome code authenticate refuses with, or 'ok'. */
const auth = async (request: WireRequest, deps: AuthDeps = authDeps()): Promise<string> => {
  const result = await authenticate(parsed(request), request, deps);
  return isRefusal(result) ? (result.refused as Outcome).code : 'ok';
};

const ID_CARD_127 = tc3Authorization(
  '127',
  'efea8d3b04e9bb7dbc97be6d5102b7a9aa40db2b715deacc6be8a6f97fe05ffd',
);
const ID_CARD_LOCAL = tc3Authorization(
  'faceid',
  'accdd38f1f66dd5e547db66c1b37ebaaa58e110c4197c4d350246e52843e2b17',
);

test('case=tc3 captured POST verifies and returns the app', async () => {
  const request = tc3Post({});
  assert.deepEqual(await authenticate(parsed(request), request, authDeps()), TEST_APP);
});

test('case=tc3 GetFaceIdToken vector verifies (action not served, so parsed by hand)', async () => {
  const request = tc3Post({
    action: 'GetFaceIdToken',
    body: GET_FACE_ID_TOKEN_BODY,
    authorization: tc3Authorization(
      'faceid',
      'a2f7ab6d2e0396d9ea6467e81f6579587a9fccaf9b28586b21087144985d2169',
    ),
  });
  // X-TC-Action is not signed, so the served action's framing carries the same credential.
  const framing = parsed({
    ...request,
    headers: { ...request.headers, 'x-tc-action': 'IdCardVerification' },
  });
  assert.equal(await authenticate(framing, request, authDeps()), TEST_APP);
});

test('case=tc3 GET vector verifies', async () => {
  assert.equal(await auth(tc3Get()), 'ok');
});

test('case=tc3 Host with port: service 127 and the port stripped (Node SDK endpoint 127.0.0.1:28931)', async () => {
  assert.equal(await auth(tc3Post({ host: '127.0.0.1:28931', authorization: ID_CARD_127 })), 'ok');
  assert.equal(
    await auth(tc3Post({ host: 'faceid.local:28931', authorization: ID_CARD_LOCAL })),
    'ok',
  );
});

test('case=tc3 host candidates: as received first, then without the port', () => {
  assert.deepEqual(hostCandidates('127.0.0.1:28931'), ['127.0.0.1:28931', '127.0.0.1']);
  assert.deepEqual(hostCandidates('Faceid.TencentCloudAPI.com'), ['faceid.tencentcloudapi.com']);
  assert.deepEqual(hostCandidates('[::1]:8080'), ['[::1]:8080', '[::1]']);
  assert.deepEqual(hostCandidates(undefined), ['']);
});

test('case=tc3 a signature for another host fails', async () => {
  assert.equal(await auth(tc3Post({ host: 'faceid.example.com' })), 'bad_signature');
});

test('case=tc3 a tampered body fails', async () => {
  assert.equal(
    await auth(tc3Post({ body: '{"IdCard":"11010519491231002X","Name":"李四"}' })),
    'bad_signature',
  );
});

test('case=tc3 a wrong secret key fails', async () => {
  assert.equal(
    await auth(tc3Post({}), authDeps({ ...TEST_APP, secretKey: 'another' })),
    'bad_signature',
  );
});

test('case=tc3 unknown SecretId', async () => {
  assert.equal(
    await auth(tc3Post({}), authDeps({ ...TEST_APP, secretId: 'AKIDsomeoneelse' })),
    'unknown_credential',
  );
});

test('case=tc3 a disabled app is still returned (the pipeline refuses it)', async () => {
  const request = tc3Post({});
  const app = await authenticate(
    parsed(request),
    request,
    authDeps({ ...TEST_APP, disabled: true }),
  );
  assert.ok(!isRefusal(app) && app.disabled);
});

test('case=tc3 ±300 s skew is accepted, 301 s is expired', async () => {
  assert.equal(await auth(tc3Post({ receivedAt: AT + 300_000 })), 'ok');
  assert.equal(await auth(tc3Post({ receivedAt: AT - 300_000 })), 'ok');
  assert.equal(await auth(tc3Post({ receivedAt: AT + 301_000 })), 'signature_expired');
  assert.equal(await auth(tc3Post({ receivedAt: AT - 301_000 })), 'signature_expired');
});

test('case=tc3 scope date must be the timestamp UTC date', async () => {
  const request = tc3Post({
    authorization: tc3Authorization(
      'faceid',
      '1dd4b33902c3a3b6243928148cb3d33b7598c5efdf4e82146d3cba42d8adf276',
      '2023-11-15',
    ),
  });
  assert.equal(await auth(request), 'bad_signature');
});

test('case=tc3 SignedHeaders without host is malformed', async () => {
  const authorization = `TC3-HMAC-SHA256 Credential=${KEYS.secretId}/2023-11-14/faceid/tc3_request, SignedHeaders=content-type, Signature=${'0'.repeat(64)}`;
  assert.equal(await auth(tc3Post({ authorization })), 'malformed_signature');
});

test('case=tc3 the same signature twice is accepted (no nonce: genuine repeats share it)', async () => {
  const deps = authDeps();
  assert.equal(await auth(tc3Post({}), deps), 'ok');
  assert.equal(await auth(tc3Post({}), deps), 'ok');
});

test('case=v1 HmacSHA256 POST vector verifies', async () => {
  assert.equal(await auth(v1Post()), 'ok');
});

test('case=v1 HmacSHA1 GET vector verifies', async () => {
  assert.equal(await auth(v1Get()), 'ok');
});

test('case=v1 host with port is tried as received first (Node signs endpoint with port)', async () => {
  // The vector was signed for faceid.tencentcloudapi.com: received with a port, the
  // port-stripped retry is the one that verifies.
  assert.equal(await auth(v1Post(V1_POST_BODY, 'faceid.tencentcloudapi.com:443')), 'ok');
});

test('case=v1 a tampered parameter fails', async () => {
  assert.equal(
    await auth(v1Get(V1_GET_QUERY.replace('Nonce=39872', 'Nonce=39873'))),
    'bad_signature',
  );
  assert.equal(
    await auth(v1Post(V1_POST_BODY.replace('Region=ap-guangzhou', 'Region=ap-beijing'))),
    'bad_signature',
  );
});

test('case=v1 replay: SecretId + Nonce + Timestamp used twice', async () => {
  const deps = authDeps();
  assert.equal(await auth(v1Get(), deps), 'ok');
  assert.equal(await auth(v1Get(), deps), 'replay');
});

test('case=v1 same Nonce and Timestamp with other parameters is not a replay (16-bit SDK nonces)', async () => {
  const deps = authDeps();
  assert.equal(await auth(v1Get(), deps), 'ok');
  const params = Object.fromEntries(new URLSearchParams(V1_GET_QUERY));
  params.Name = '李四';
  const text = v1StringToSign('GET', 'faceid.tencentcloudapi.com', '/', params);
  params.Signature = v1Signature('HmacSHA1', KEYS.secretKey, text);
  assert.equal(await auth(v1Get(new URLSearchParams(params).toString()), deps), 'ok');
});

test('case=v1 expired timestamp', async () => {
  const request = { ...v1Get(), receivedAt: AT + 3_600_000 };
  assert.equal(await auth(request), 'signature_expired');
});

test('case=v1 unknown SecretId', async () => {
  assert.equal(
    await auth(v1Get(V1_GET_QUERY.replace('AKIDTESTID', 'AKIDOTHERS'))),
    'unknown_credential',
  );
});
