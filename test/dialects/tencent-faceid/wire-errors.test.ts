/**
 * Wire: errors as the official SDK sees them (spec tencent.md §3, §4.5) — thrown as
 * TencentCloudSDKHttpException with the code, the request id and the echoed trace id — plus
 * the platform refusals only a hand-made request can provoke.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  type AppCredentials,
  DEMO_APP,
  startTestServer,
  type TestServer,
} from '../../support/server.ts';
import { rawCall } from './raw-client.ts';
import { type Credentials, faceidClient, MODES, type Mode, sdkError } from './sdk-client.ts';

let server: TestServer;
let app: AppCredentials;

before(async () => {
  server = await startTestServer();
  app = await server.createApp({ name: 'faceid-errors', qps: 100_000 });
});
after(() => server.close());

const TC3 = MODES[0]!;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ZHANG = { IdCard: '110105199003070017', Name: '张三' };
const client = (
  mode: Mode = TC3,
  credentials: Credentials = app,
  headers?: Record<string, string>,
) => faceidClient(server.port, mode, credentials, headers);

for (const mode of MODES) {
  test(`case=${mode.name} a wrong secret key throws AuthFailure.SignatureFailure with ids`, async () => {
    const traceId = '00000000-0000-4000-8000-00000000000a';
    const wrong = { secretId: app.secretId, secretKey: 'not-the-key' };
    const error = await sdkError(
      client(mode, wrong, { 'X-TC-TraceId': traceId }).IdCardVerification(ZHANG),
    );
    assert.equal(error.constructor.name, 'TencentCloudSDKHttpException');
    assert.equal(error.code, 'AuthFailure.SignatureFailure');
    assert.equal(
      error.message,
      'The provided credentials could not be validated. Please check your signature is correct.',
    );
    assert.match(error.requestId, UUID);
    assert.equal(error.traceId, traceId);
  });
}

test('case=the demo app answers through the production endpoint', async () => {
  const response = await client(MODES[1], DEMO_APP).IdCardVerification({ ...ZHANG, Name: '李四' });
  assert.equal(response.Result, '-1');
});

test('case=unknown SecretId', async () => {
  const error = await sdkError(
    client(TC3, { secretId: 'AKIDnobody', secretKey: 'x' }).IdCardVerification(ZHANG),
  );
  assert.equal(error.code, 'AuthFailure.SecretIdNotFound');
});

test('case=unknown action and FaceID actions not served yet', async () => {
  assert.equal((await sdkError(client().request('NoSuchAction', {}))).code, 'InvalidAction');
  const token = await sdkError(client().GetFaceIdToken({ CompareLib: 'BUSINESS', ...ZHANG }));
  assert.equal(token.code, 'UnsupportedOperation');
  const video = await sdkError(
    client(MODES[3]).LivenessCompare({ LivenessType: 'SILENT', ImageBase64: 'AAAA' }),
  );
  assert.equal(video.code, 'UnsupportedOperation');
});

test('case=missing, mistyped and invalid parameters', async () => {
  const missing = await sdkError(client().request('IdCardVerification', { IdCard: ZHANG.IdCard }));
  assert.deepEqual(
    [missing.code, missing.message],
    ['MissingParameter', 'The request is missing a required parameter: Name.'],
  );
  const mistyped = await sdkError(client().request('IdCardVerification', { ...ZHANG, Name: 42 }));
  assert.equal(mistyped.code, 'InvalidParameter');
  const type = await sdkError(client().MinorsVerification({ Type: '9', Mobile: '13800138000' }));
  assert.equal(type.code, 'InvalidParameterValue');
});

test('case=encrypted input is refused with InvalidParameter.UnsupportEncryptField', async () => {
  const Encryption = {
    EncryptList: ['IdCard'],
    CiphertextBlob: 'blob',
    Iv: 'aXZpdml2aXZpdml2aXZpdg==',
  };
  for (const mode of [TC3, MODES[2]!, MODES[4]!]) {
    const error = await sdkError(client(mode).IdCardVerification({ ...ZHANG, Encryption }));
    assert.equal(error.code, 'InvalidParameter.UnsupportEncryptField', mode.name);
  }
});

test('case=a disabled app is AuthFailure.SecretIdNotFound', async () => {
  const disabled = await server.createApp({ name: 'faceid-disabled' });
  await server.disableApp(disabled.appId);
  assert.equal(
    (await sdkError(client(TC3, disabled).IdCardVerification(ZHANG))).code,
    'AuthFailure.SecretIdNotFound',
  );
});

test('case=a used-up quota is LimitExceeded', async () => {
  const limited = await server.createApp({ name: 'faceid-quota', quota: 1 });
  assert.equal((await client(TC3, limited).IdCardVerification(ZHANG)).Result, '0');
  const error = await sdkError(client(TC3, limited).IdCardVerification({ ...ZHANG, Name: '李四' }));
  assert.equal(error.code, 'LimitExceeded');
});

test('case=a burst over the app rate is RequestLimitExceeded', async () => {
  const slow = await server.createApp({ name: 'faceid-qps', qps: 1 });
  const names = ['张三', '李四', '王五', '赵六', '钱七'];
  const codes = await Promise.all(
    names.map((Name) =>
      client(TC3, slow)
        .IdCardVerification({ ...ZHANG, Name })
        .then(
          () => 'ok',
          (error: { code?: string }) => error.code,
        ),
    ),
  );
  assert.ok(codes.includes('RequestLimitExceeded'), codes.join());
});

const body = JSON.stringify(ZHANG);

test('case=raw a Result answer: HTTP 200, exact JSON type, trace id echoed', async () => {
  const traceId = 'c0ffee00-0000-4000-8000-000000000001';
  const answer = await rawCall(
    server.port,
    {
      action: 'IdCardVerification',
      body: JSON.stringify({ ...ZHANG, Name: '王五' }),
      headers: { 'x-tc-traceid': traceId },
    },
    app,
  );
  assert.equal(answer.status, 200);
  assert.equal(answer.headers.get('content-type'), 'application/json');
  assert.equal(answer.headers.get('x-tc-traceid'), traceId);
  assert.equal(answer.body.Response.Result, '-1');
});

test('case=raw the same TC3 request twice in one second is answered twice (no nonce)', async () => {
  const call = { action: 'IdCardVerification', body: JSON.stringify({ ...ZHANG, Name: '赵六' }) };
  const timestamp = Math.floor(Date.now() / 1000);
  for (const _ of [1, 2]) {
    assert.equal(
      (await rawCall(server.port, { ...call, timestamp }, app)).body.Response.Result,
      '-1',
    );
  }
});

test('case=raw host signed with its port (Python SDK) and service faceid', async () => {
  const answer = await rawCall(
    server.port,
    { action: 'IdCardVerification', body, signedHost: `127.0.0.1:${server.port}` },
    app,
  );
  assert.equal(answer.body.Response.Result, '0');
});

test('case=raw platform refusals', async () => {
  const call = (over: Record<string, unknown>) =>
    rawCall(
      server.port,
      {
        action: 'IdCardVerification',
        body: JSON.stringify({ ...ZHANG, Name: `钱${Math.random()}` }),
        ...over,
      },
      app,
    );
  const code = async (over: Record<string, unknown>) =>
    (await call(over)).body.Response.Error?.Code;
  assert.equal(await code({ version: '2017-03-12' }), 'NoSuchVersion');
  assert.equal(await code({ unsigned: true }), 'AuthFailure.InvalidAuthorization');
  assert.equal(
    await code({ timestamp: Math.floor(Date.now() / 1000) - 3600 }),
    'AuthFailure.SignatureExpire',
  );
  assert.equal(
    await code({ signedHost: 'faceid.tencentcloudapi.com' }),
    'AuthFailure.SignatureFailure',
  );
  assert.equal(await code({ body: '{"IdCard":' }), 'InvalidParameter');
});

test('case=raw a body over the server limit is RequestSizeLimitExceeded, HTTP 200', async () => {
  const huge = JSON.stringify({ ...ZHANG, Extra: 'x'.repeat(server.app.config.maxBodyBytes) });
  const answer = await rawCall(server.port, { action: 'IdCardVerification', body: huge }, app);
  assert.equal(answer.status, 200);
  assert.equal(answer.body.Response.Error?.Code, 'RequestSizeLimitExceeded');
});

test('case=raw v1 without Signature is MissingParameter', async () => {
  const query = `Action=IdCardVerification&Version=2018-03-01&SecretId=${app.secretId}&Nonce=1&Timestamp=${Math.floor(Date.now() / 1000)}&IdCard=1&Name=x`;
  const response = await fetch(`http://127.0.0.1:${server.port}/?${query}`);
  const answer = (await response.json()) as {
    Response: { Error: { Code: string; Message: string } };
  };
  assert.deepEqual(answer.Response.Error, {
    Code: 'MissingParameter',
    Message: 'The request is missing a required parameter: Signature.',
  });
});
