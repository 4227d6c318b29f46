/**
 * Gateway errors as the SDKs see them (spec aliyun.md §9.4, §10), and over raw HTTP what no SDK
 * sends: Format=XML, stale or malformed timestamps, replayed nonces, oversized bodies.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import RPCClient from '@alicloud/pop-core';
import { PERSONAS } from '../../../src/authorities/sandbox/personas.ts';
import { acs3Request, freshNonce, iso, rpcRequest } from './fixtures.ts';
import {
  type Answer,
  CLIENTS,
  callerFor,
  type Credentials,
  DEMO_APP,
  type Sent,
  send,
  teaCallApi,
  teaClient,
  useWireServer,
} from './wire-client.ts';

const MAX_BODY = 64 * 1024;
const ctx = useWireServer(MAX_BODY);

const ZHANG = PERSONAS[0]!.record;
const ID = { ParamType: 'normal', UserName: ZHANG.name, IdentifyNum: ZHANG.idNumber };
const UUID_UPPER = /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/;

const gatewayError = (answer: Answer, client: string, code: string, status: number) => {
  assert.equal(answer.code, code);
  assert.equal(answer.threw, true);
  if (client.startsWith('pop')) assert.equal(answer.errorName, `${code}Error`);
  else assert.equal(answer.status, status);
};

describe('SDK-visible gateway errors', () => {
  let disabled: Promise<Credentials> | undefined;
  const disabledApp = () => {
    disabled ??= ctx.server.createApp({ name: 'disabled' }).then(async (app) => {
      await ctx.server.disableApp(app.appId);
      return app;
    });
    return disabled;
  };

  for (const client of CLIENTS) {
    test(`case=${client} wrong secret → SignatureDoesNotMatch`, async () => {
      const creds = { ...ctx.app, accessKeySecret: 'not-the-secret-0000000000000' };
      const answer = await callerFor(ctx.server, creds, client)('Id2MetaVerify', ID);
      gatewayError(answer, client, 'SignatureDoesNotMatch', 400);
    });

    test(`case=${client} unknown key → InvalidAccessKeyId.NotFound`, async () => {
      const creds = { accessKeyId: 'LTAIunknown0000000000000', accessKeySecret: 'x' };
      const answer = await callerFor(ctx.server, creds, client)('Id2MetaVerify', ID);
      gatewayError(answer, client, 'InvalidAccessKeyId.NotFound', 404);
    });

    test(`case=${client} disabled app → InvalidAccessKeyId.Inactive`, async () => {
      const answer = await callerFor(ctx.server, await disabledApp(), client)('Id2MetaVerify', ID);
      gatewayError(answer, client, 'InvalidAccessKeyId.Inactive', 400);
    });

    test(`case=${client} the demo app works`, async () => {
      const answer = await callerFor(ctx.server, DEMO_APP, client)('Id2MetaVerify', ID);
      assert.equal(answer.bizCode, '1');
    });
  }

  const pop = (creds: Credentials) =>
    new RPCClient({
      accessKeyId: creds.accessKeyId,
      accessKeySecret: creds.accessKeySecret,
      endpoint: ctx.server.url,
      apiVersion: '2019-03-07',
    });

  const popError = async (action: string): Promise<{ name: string; code: string }> => {
    try {
      await pop(ctx.app).request(action, {});
    } catch (error) {
      return error as { name: string; code: string };
    }
    assert.fail('pop-core did not throw');
  };

  test('case=pop-core unknown action → InvalidAction.NotFound', async () => {
    const e = await popError('NoSuchAction');
    assert.equal(e.code, 'InvalidAction.NotFound');
    assert.equal(e.name, 'InvalidAction.NotFoundError');
  });

  test('case=pop-core Cloudauth action not served yet → Forbidden.NotSupported', async () => {
    for (const action of ['DescribeVerifyToken', 'CompareFaceVerify', 'InitFaceVerify']) {
      assert.equal((await popError(action)).code, 'Forbidden.NotSupported');
    }
  });

  for (const v2 of [false, true]) {
    const label = v2 ? 'tea v2' : 'tea ACS3';
    test(`case=${label} unknown action → 404 InvalidAction.NotFound`, async () => {
      const answer = await teaCallApi(teaClient(ctx.server, ctx.app, v2), 'NoSuchAction');
      assert.deepEqual(
        [answer.threw, answer.status, answer.code],
        [true, 404, 'InvalidAction.NotFound'],
      );
    });
    test(`case=${label} not served yet → 400 Forbidden.NotSupported`, async () => {
      for (const action of ['InitFaceVerify', 'DescribeFaceVerify', 'CompareFaceVerify']) {
        const answer = await teaCallApi(teaClient(ctx.server, ctx.app, v2), action);
        assert.deepEqual([answer.status, answer.code], [400, 'Forbidden.NotSupported']);
      }
    });
  }

  test('case=quota used up → Code 412 (pop-core throws, Tea returns data)', async () => {
    const app = await ctx.server.createApp({ name: 'quota', quota: 1 });
    const first = await callerFor(ctx.server, app, 'tea ACS3')('Id2MetaVerify', ID);
    assert.equal(first.bizCode, '1');
    const tea = await callerFor(ctx.server, app, 'tea v2')('Id2MetaVerify', ID);
    assert.deepEqual([tea.threw, tea.status, tea.code], [false, 200, '412']);
    const popAnswer = await callerFor(ctx.server, app, 'pop-core POST')('Id2MetaVerify', ID);
    assert.deepEqual([popAnswer.threw, popAnswer.errorName], [true, '412Error']);
  });

  // qps 1: a burst of four finds the bucket empty for at least one of them, whatever the clock.
  const burst = <T>(make: () => Promise<T>) => Promise.all(Array.from({ length: 4 }, make));

  test('case=rate limited → Throttling.User (Tea, pop-core, raw)', async () => {
    const app = await ctx.server.createApp({ name: 'slow', qps: 1 });
    const tea = await burst(() => callerFor(ctx.server, app, 'tea ACS3')('Id2MetaVerify', ID));
    const teaThrottled = tea.find((a) => a.code === 'Throttling.User');
    assert.deepEqual([teaThrottled?.threw, teaThrottled?.status], [true, 400]);
    const pop = await burst(() => callerFor(ctx.server, app, 'pop-core GET')('Id2MetaVerify', ID));
    assert.ok(pop.some((a) => a.errorName === 'Throttling.UserError'));
    const raw = await burst(() =>
      send(ctx.server, rpcRequest({ ...signedBy(app), action: 'Id2MetaVerify', business: ID })),
    );
    const rawThrottled = raw.find((r) => r.json?.Code === 'Throttling.User')!;
    assertError(rawThrottled, 400, 'Throttling.User');
    assert.equal(rawThrottled.headers.get('x-acs-retry-after'), '1000');
  });
});

/** Signing options for fixtures' request builders, at the current clock. */
const signedBy = (creds: Credentials) => ({
  accessKeyId: creds.accessKeyId,
  secret: creds.accessKeySecret,
  receivedAt: Date.now(),
});

const assertError = (sent: Sent, status: number, code: string) => {
  assert.equal(sent.status, status, sent.text);
  assert.equal(sent.json?.Code, code, sent.text);
  assert.match(sent.json?.RequestId, UUID_UPPER);
  assert.equal(sent.headers.get('x-acs-request-id'), sent.json?.RequestId);
  assert.equal(sent.headers.get('content-type'), 'application/json;charset=utf-8');
};

describe('raw HTTP', () => {
  test('case=Format=XML success', async () => {
    const request = rpcRequest({
      ...signedBy(ctx.app),
      action: 'Id2MetaVerify',
      business: ID,
      extra: { Format: 'XML' },
    });
    const sent = await send(ctx.server, request);
    assert.equal(sent.status, 200);
    assert.equal(sent.headers.get('content-type'), 'text/xml;charset=utf-8');
    const requestId = sent.headers.get('x-acs-request-id')!;
    assert.match(requestId, UUID_UPPER);
    assert.equal(
      sent.text,
      `<?xml version="1.0" encoding="UTF-8"?><Id2MetaVerifyResponse><RequestId>${requestId}</RequestId><Code>200</Code><Message>success</Message><ResultObject><BizCode>1</BizCode></ResultObject></Id2MetaVerifyResponse>`,
    );
  });

  test('case=Format=XML error', async () => {
    const request = rpcRequest({
      ...signedBy(ctx.app),
      secret: 'wrong',
      action: 'Id2MetaVerify',
      method: 'POST',
      business: ID,
      extra: { Format: 'xml' },
    });
    const sent = await send(ctx.server, request);
    assert.equal(sent.status, 400);
    assert.equal(sent.headers.get('content-type'), 'text/xml;charset=utf-8');
    assert.match(
      sent.text,
      /^<\?xml version="1.0" encoding="UTF-8"\?><Error><RequestId>[0-9A-F-]{36}<\/RequestId><HostId>cloudauth.aliyuncs.com<\/HostId><Code>SignatureDoesNotMatch<\/Code>/,
    );
  });

  for (const [name, offset] of [
    ['past', -20 * 60 * 1000],
    ['future', 20 * 60 * 1000],
  ] as const) {
    test(`case=RPC Timestamp 20 min in the ${name} → InvalidTimeStamp.Expired`, async () => {
      const request = rpcRequest({
        ...signedBy(ctx.app),
        timestamp: iso(Date.now() + offset),
        action: 'Id2MetaVerify',
        business: ID,
      });
      assertError(await send(ctx.server, request), 400, 'InvalidTimeStamp.Expired');
    });
  }

  test('case=ACS3 x-acs-date 20 min old → InvalidTimeStamp.Expired', async () => {
    const request = acs3Request({
      ...signedBy(ctx.app),
      host: `127.0.0.1:${ctx.server.port}`,
      date: iso(Date.now() - 20 * 60 * 1000),
      action: 'Id2MetaVerify',
      body: ID,
    });
    assertError(await send(ctx.server, request), 400, 'InvalidTimeStamp.Expired');
  });

  test('case=Timestamp not ISO → InvalidTimeStamp.Format', async () => {
    const request = rpcRequest({
      ...signedBy(ctx.app),
      timestamp: '2024/01/01 12:00',
      action: 'Id2MetaVerify',
    });
    assertError(await send(ctx.server, request), 400, 'InvalidTimeStamp.Format');
  });

  test('case=RPC nonce replay → SignatureNonceUsed', async () => {
    const request = rpcRequest({
      ...signedBy(ctx.app),
      nonce: freshNonce(),
      action: 'Id2MetaVerify',
      business: ID,
    });
    const first = await send(ctx.server, request);
    assert.equal(first.status, 200, first.text);
    assertError(await send(ctx.server, request), 400, 'SignatureNonceUsed');
  });

  test('case=ACS3 nonce replay → SignatureNonceUsed', async () => {
    const request = acs3Request({
      ...signedBy(ctx.app),
      host: `127.0.0.1:${ctx.server.port}`,
      action: 'Id2MetaVerify',
      body: ID,
    });
    const first = await send(ctx.server, request);
    assert.equal(first.status, 200, first.text);
    assertError(await send(ctx.server, request), 400, 'SignatureNonceUsed');
  });

  test('case=unsigned → IncompleteSignature', async () => {
    const sent = await send(
      ctx.server,
      rpcRequest({ ...signedBy(ctx.app), action: 'Id2MetaVerify', extra: {} }),
    );
    assert.equal(sent.status, 200); // control: signed is fine
    const request = rpcRequest({ ...signedBy(ctx.app), action: 'Id2MetaVerify', business: ID });
    const unsigned = { ...request, rawQuery: request.rawQuery.replace(/&Signature=[^&]*/, '') };
    assertError(await send(ctx.server, unsigned), 400, 'IncompleteSignature');
  });

  test('case=missing Timestamp → MissingParameter', async () => {
    const request = rpcRequest({ ...signedBy(ctx.app), action: 'Id2MetaVerify' });
    const stripped = { ...request, rawQuery: request.rawQuery.replace(/&?Timestamp=[^&]*/, '') };
    const sent = await send(ctx.server, stripped);
    assertError(sent, 400, 'MissingParameter');
    assert.match(sent.json?.Message, /"Timestamp"/);
  });

  test('case=wrong Version → InvalidVersion', async () => {
    const request = rpcRequest({ ...signedBy(ctx.app), action: 'Id2MetaVerify' });
    const other = {
      ...request,
      rawQuery: request.rawQuery.replace('Version=2019-03-07', 'Version=2020-11-12'),
    };
    assertError(await send(ctx.server, other), 400, 'InvalidVersion');
  });

  test('case=PUT → InvalidAction.NotFound', async () => {
    const request = rpcRequest({ ...signedBy(ctx.app), action: 'Id2MetaVerify' });
    assertError(
      await send(ctx.server, { ...request, method: 'PUT' }),
      404,
      'InvalidAction.NotFound',
    );
  });

  test('case=body over the limit → 413 InvalidParameter', async () => {
    const request = acs3Request({
      ...signedBy(ctx.app),
      host: `127.0.0.1:${ctx.server.port}`,
      action: 'Id2MetaVerify',
      body: { ...ID, Padding: 'x'.repeat(MAX_BODY) },
    });
    assertError(await send(ctx.server, request), 413, 'InvalidParameter');
  });
});
