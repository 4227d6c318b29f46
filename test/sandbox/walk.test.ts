/**
 * Walks the sandbox tables (test/sandbox/cases/, rendered as docs/sandbox.md) through one real
 * server in demo mode: every reachable row is sent the way a caller would send it — the
 * official tencentcloud-sdk-nodejs, @alicloud/pop-core and @alicloud/cloudauth20190307 SDKs,
 * hand-signed HTTP for the legacy routes and for what no SDK sends — and its code is checked.
 * Rows with photos need the face engine and OCR: walk-photos.test.ts walks them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as $Cloudauth from '@alicloud/cloudauth20190307';
import { freshNonce, iso, rpcRequest } from '../dialects/aliyun-cloudauth/fixtures.ts';
import {
  callerFor,
  type ClientName,
  send,
  teaCallApi,
  teaClient,
} from '../dialects/aliyun-cloudauth/wire-client.ts';
import { rawCall } from '../dialects/tencent-faceid/raw-client.ts';
import {
  type AppCredentials,
  DEMO_APP,
  startTestServer,
  type TestServer,
} from '../support/server.ts';
import { ALIYUN_ROWS, type AliyunRow } from './cases/aliyun-cloudauth.ts';
import { TENCENT_ROWS, type TencentRow } from './cases/tencent-faceid.ts';
import { LEGACY_ROWS, type LegacyRow } from './cases/tencent-legacy.ts';
import { withoutPhotos } from './cases/types.ts';
import { checkAliyun, checkTencent } from './checks.ts';
import {
  faceid,
  legacyAuthorization,
  legacySend,
  popCall,
  recordingAgent,
  resend,
  type TencentAnswer,
  tencentAnswer,
  tencentCommon,
} from './clients.ts';

/** Small enough that "too large" rows stay cheap; docs/sandbox.md names the setting. */
const MAX_BODY = 64 * 1024;
/** Rows in flight at once, per dialect. */
const CONCURRENCY = 8;
const BURST = 8;

let server: TestServer;
/** The walk's own app: a roomy rate limit, so hundreds of calls in a burst stay under it. */
let app: AppCredentials;
let slow: AppCredentials;
let disabled: AppCredentials;
/** Another app, for "signed by one app, sent for another": the demo app will do. */
const other = DEMO_APP;
/** One app with --quota 1 per dialect: each quota row needs a fresh one. */
const metered = {} as Record<'tencent' | 'aliyun' | 'legacy', AppCredentials>;

before(async () => {
  server = await startTestServer({ config: { maxBodyBytes: MAX_BODY } });
  [app, slow, disabled, metered.tencent, metered.aliyun, metered.legacy] = await Promise.all([
    server.createApp({ name: 'sandbox-walk', qps: 100_000 }),
    server.createApp({ name: 'sandbox-slow', qps: 1 }),
    server.createApp({ name: 'sandbox-disabled' }),
    server.createApp({ name: 'sandbox-quota-tencent', quota: 1 }),
    server.createApp({ name: 'sandbox-quota-aliyun', quota: 1 }),
    server.createApp({ name: 'sandbox-quota-legacy', quota: 1 }),
  ]);
  await server.disableApp(disabled.appId);
});
after(() => server.close());

const nowSeconds = () => Math.floor(Date.now() / 1000);
const burst = <T>(make: () => Promise<T>): Promise<T[]> =>
  Promise.all(Array.from({ length: BURST }, make));
const name = (row: { dialect: string; action: string; description: string }) =>
  `case=${row.dialect} ${row.action} ${row.description}`;

// ---- Tencent Cloud API 3.0 ----

const tencentParams = (row: TencentRow): Record<string, unknown> => ({ ...row.inputs });

const walkTencent = async (row: TencentRow): Promise<void> => {
  const { port } = server;
  const call = (
    creds: Pick<AppCredentials, 'secretId' | 'secretKey'>,
    params = tencentParams(row),
  ) => tencentAnswer(faceid(port, creds).request(row.action, params));
  const check = (answer: TencentAnswer) => checkTencent(answer, row.expect, row.action);
  switch (row.trigger) {
    case undefined:
      return check(await call(app));
    case 'wrong-secret':
      return check(await call({ secretId: app.secretId, secretKey: 'not-the-key' }));
    case 'unknown-key':
      return check(await call({ secretId: 'AKIDsandboxNobody000000000000000000', secretKey: 'x' }));
    case 'disabled':
      return check(await call(disabled));
    case 'skip-sign':
      return check(
        await tencentAnswer(
          faceid(port, app).request(row.action, tencentParams(row), { skipSign: true }),
        ),
      );
    case 'other-version':
      return check(
        await tencentAnswer(
          tencentCommon(port, app, '2017-03-12').request(row.action, tencentParams(row)),
        ),
      );
    case 'too-large':
      return check(await call(app, { ...tencentParams(row), Extra: 'x'.repeat(MAX_BODY) }));
    case 'quota': {
      assert.equal(
        await call(metered.tencent).then((a) => ('result' in a ? a.result : a.error)),
        '0',
      );
      return check(await call(metered.tencent));
    }
    case 'rate-limit': {
      const answers = await burst(() => call(slow));
      const refused = answers.filter((a) => 'error' in a);
      assert.ok(refused.length > 0, 'no call of the burst was refused');
      for (const answer of refused) check(answer);
      return;
    }
    case 'replay': {
      // v1 HmacSHA1 over GET: the SDK's own request, captured and then sent again unchanged.
      const recorder = recordingAgent();
      const client = faceid(port, app, {
        signMethod: 'HmacSHA1',
        reqMethod: 'GET',
        agent: recorder.agent,
      });
      const first = await tencentAnswer(client.request(row.action, tencentParams(row)));
      assert.equal('result' in first && first.result, '0');
      const again = await resend(server.url, recorder.sent());
      const body = (await again.json()) as {
        Response: { Error?: { Code: string; Message: string } };
      };
      const error = body.Response.Error;
      assert.ok(error, 'the replayed request was answered');
      check({ error: error.Code, message: error.Message });
      assert.match(error.Message, /already been used/);
      return;
    }
    case 'expired': {
      const answer = await rawCall(
        port,
        { action: row.action, body: JSON.stringify(row.inputs), timestamp: nowSeconds() - 3600 },
        app,
      );
      const error = answer.body.Response.Error;
      return check(
        error
          ? { error: error.Code, message: error.Message }
          : { result: String(answer.body.Response.Result), response: answer.body.Response },
      );
    }
  }
};

// ---- Alibaba Cloud Cloudauth ----

/** pop-core in its default method (GET) and the Tea client in its default scheme (ACS3). */
const ALIYUN_CLIENTS: ClientName[] = ['pop-core GET', 'tea ACS3'];
type AliCreds = Pick<AppCredentials, 'accessKeyId' | 'accessKeySecret'>;

const hasTeaModel = (action: string): boolean =>
  `${action}Request` in ($Cloudauth as unknown as Record<string, unknown>);

const aliyunCall = (
  client: ClientName,
  creds: AliCreds,
  action: string,
  params: Record<string, string>,
) =>
  client.startsWith('tea') && !hasTeaModel(action)
    ? teaCallApi(teaClient(server, creds, client === 'tea v2'), action)
    : callerFor(server, creds, client)(action, params);

const aliParams = (row: AliyunRow): Record<string, string> => ({
  ...(row.inputs as Record<string, string>),
});

/** Raw HTTP: an RPC request built and signed by the test fixtures. */
const rawAliyun = async (
  row: AliyunRow,
  edit: (query: string) => string,
  method: 'GET' | 'POST' = 'GET',
) => {
  const request = rpcRequest({
    accessKeyId: app.accessKeyId,
    secret: app.accessKeySecret,
    receivedAt: Date.now(),
    action: row.action,
    business: aliParams(row),
    method,
  });
  const sent = await send(server, { ...request, rawQuery: edit(request.rawQuery) });
  assert.equal(sent.status, row.expect.status, sent.text);
  assert.equal(sent.json?.Code, row.expect.code, sent.text);
};

const walkAliyun = async (row: AliyunRow): Promise<void> => {
  const params = aliParams(row);
  const pop = (creds: AliCreds, extra: Record<string, string> = {}, o = {}) =>
    popCall(server.url, creds, row.action, { ...params, ...extra }, o);
  const everyClient = async (creds: AliCreds) => {
    for (const client of ALIYUN_CLIENTS) {
      checkAliyun(
        await aliyunCall(client, creds, row.action, params),
        row.expect,
        client.startsWith('pop'),
      );
    }
  };
  switch (row.trigger) {
    case undefined:
      return everyClient(app);
    case 'wrong-secret':
      return everyClient({
        accessKeyId: app.accessKeyId,
        accessKeySecret: 'not-the-secret-0000000000000',
      });
    case 'unknown-key':
      return everyClient({ accessKeyId: 'LTAIsandboxNobody0000000', accessKeySecret: 'x' });
    case 'disabled':
      return everyClient(disabled);
    case 'rate-limit': {
      for (const client of ALIYUN_CLIENTS) {
        const answers = await burst(() => aliyunCall(client, slow, row.action, params));
        const refused = answers.filter((a) => a.code !== '200');
        assert.ok(refused.length > 0, `${client}: no call of the burst was refused`);
        for (const answer of refused) checkAliyun(answer, row.expect, client.startsWith('pop'));
      }
      return;
    }
    case 'quota': {
      const first = await aliyunCall('tea ACS3', metered.aliyun, row.action, params);
      assert.equal(first.bizCode, '1');
      for (const client of ALIYUN_CLIENTS) {
        const answer = await aliyunCall(client, metered.aliyun, row.action, params);
        checkAliyun(answer, row.expect, client.startsWith('pop'));
      }
      return;
    }
    // pop-core lets the caller's parameters override its own common ones.
    case 'expired':
      return checkAliyun(
        await pop(app, { Timestamp: iso(Date.now() - 20 * 60 * 1000) }),
        row.expect,
        true,
      );
    case 'bad-timestamp':
      return checkAliyun(await pop(app, { Timestamp: '2024/01/01 12:00' }), row.expect, true);
    case 'replay': {
      const nonce = { SignatureNonce: freshNonce() };
      assert.equal((await pop(app, nonce)).bizCode, '1');
      return checkAliyun(await pop(app, nonce), row.expect, true);
    }
    case 'other-version':
      return checkAliyun(await pop(app, {}, { apiVersion: '2020-11-12' }), row.expect, true);
    case 'too-large':
      return checkAliyun(
        await pop(app, { Padding: 'x'.repeat(MAX_BODY) }, { method: 'POST' }),
        row.expect,
        true,
      );
    case 'unsigned':
      return rawAliyun(row, (query) => query.replace(/&Signature=[^&]*/, ''));
    case 'no-timestamp':
      return rawAliyun(row, (query) => query.replace(/&?Timestamp=[^&]*/, ''));
    case 'duplicate':
      return rawAliyun(
        row,
        () => `UserName=${encodeURIComponent(String(row.inputs.UserName))}`,
        'POST',
      );
  }
};

// ---- Tencent legacy image service ----

const walkLegacy = async (row: LegacyRow): Promise<void> => {
  const body = (creds: { appId: string }, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ appid: creds.appId, ...row.inputs, ...extra });
  const post = (text: string, authorization?: string) =>
    legacySend(server.url, row.action, text, authorization);
  const signed = (creds: typeof app, over = {}) =>
    post(body(creds), legacyAuthorization(creds, over));
  const check = (sent: Awaited<ReturnType<typeof post>>) => {
    assert.equal(sent.status, 200);
    assert.equal(sent.code, row.expect.code, sent.message);
    assert.match(sent.sessionId, /^[0-9a-f-]{36}$/);
  };
  const now = nowSeconds();
  switch (row.trigger) {
    case undefined:
      return check(await signed(app));
    case 'broken-json':
      return check(await post('{"appid"', legacyAuthorization(app)));
    case 'unsigned':
      return check(await post(body(app)));
    case 'malformed-signature':
      return check(await post(body(app), 'FCHXdPTEwMDAwMzc5Jms9QUtJRGVRZDBrRU1yM2J4ZjhRckJi=='));
    case 'other-appid':
      return check(await post(body(other), legacyAuthorization(app)));
    case 'expired':
      return check(await signed(app, { now: now - 7200, expire: now - 3600 }));
    case 'unknown-appid': {
      const nobody = { ...app, appId: '1299999998' };
      return check(await post(body(nobody), legacyAuthorization(nobody)));
    }
    case 'unknown-secretid':
      return check(
        await post(body(app), legacyAuthorization({ ...app, secretId: 'AKIDsandboxNobody' })),
      );
    case 'secretid-of-other-app':
      return check(await post(body(app), legacyAuthorization({ ...other, appId: app.appId })));
    case 'replay': {
      const authorization = legacyAuthorization(app, {
        expire: 0,
        fileid: `sandbox-${process.pid}-${now}`,
      });
      assert.equal((await post(body(app), authorization)).code, 0);
      return check(await post(body(app), authorization));
    }
    case 'wrong-secret':
      return check(
        await post(body(app), legacyAuthorization({ ...app, secretKey: 'not-the-key' })),
      );
    case 'rate-limit': {
      const sent = await burst(() => signed(slow));
      const refused = sent.filter((s) => s.code !== 0);
      assert.ok(refused.length > 0, 'no call of the burst was refused');
      for (const s of refused) check(s);
      return;
    }
    case 'too-large':
      return check(
        await post(body(app, { padding: 'x'.repeat(MAX_BODY) }), legacyAuthorization(app)),
      );
    case 'disabled':
      return check(await signed(disabled));
    case 'quota': {
      assert.equal((await signed(metered.legacy)).code, 0);
      return check(await signed(metered.legacy));
    }
  }
};

const walk = <
  R extends {
    dialect: string;
    action: string;
    description: string;
    unreachable?: string;
    photos?: true;
  },
>(
  title: string,
  rows: readonly R[],
  run: (row: R) => Promise<void>,
) =>
  describe(title, { concurrency: CONCURRENCY }, () => {
    for (const row of withoutPhotos(rows)) test(name(row), () => run(row));
  });

walk('tencent-faceid: tencentcloud-sdk-nodejs', TENCENT_ROWS, walkTencent);
walk(
  'aliyun-cloudauth: @alicloud/pop-core and @alicloud/cloudauth20190307',
  ALIYUN_ROWS,
  walkAliyun,
);
walk('tencent-legacy: hand-signed JSON', LEGACY_ROWS, walkLegacy);
