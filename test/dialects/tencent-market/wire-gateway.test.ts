/**
 * Wire, without the face engine (facePack 'none', the cheap server): the gateway's signature
 * answers (spec tencent.md §6) through the real server with raw HTTP signed like seed 002's
 * samples, the platform answers (429, 403, 604, 404, 500), and every answer the core gives
 * before it looks at a photo — including 106, the face system being unavailable.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ABSENT } from '../../../src/authorities/sandbox/personas.ts';
import {
  type AppCredentials,
  DEMO_APP,
  startTestServer,
  type TestServer,
} from '../../support/server.ts';
import {
  form,
  httpDate,
  type MarketAnswer,
  PATH,
  postForm,
  postJson,
  send,
  signedHeaders,
} from './client.ts';

const MAX_BODY = 256 * 1024;
const ZHANG = { idcard: '110105199003070017', name: '张三' };
// The photo is never looked at in this file: identity answers come first, and without an
// engine a photo cannot be analysed at all.
const PHOTO = { image: '/9j/AAAA', url: '' };

let server: TestServer;
let app: AppCredentials;

before(async () => {
  server = await startTestServer({ config: { maxBodyBytes: MAX_BODY } });
  app = await server.createApp({ name: 'market-gateway', qps: 100_000 });
});
after(() => server.close());

const verify = (fields: Record<string, string>, options?: Parameters<typeof postForm>[3]) =>
  postForm(server.url, app, { ...PHOTO, ...fields }, options);

const assertResult = (answer: MarketAnswer, incorrect: number) => {
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(answer.body.code, 200);
  assert.equal(answer.body.success, true);
  assert.equal(answer.body.data?.incorrect, incorrect, JSON.stringify(answer.body));
  assert.match(answer.body.data?.order_no ?? '', /^\d{18}$/);
};

const assertFailure = (answer: MarketAnswer, code: number, msg?: string) => {
  assert.equal(answer.status, 200);
  assert.deepEqual(
    { code: answer.body.code, success: answer.body.success, data: answer.body.data },
    { code, success: false, data: {} },
  );
  if (msg !== undefined) assert.equal(answer.body.msg, msg);
};

const assertGateway = (answer: MarketAnswer, status: number, message: string) => {
  assert.equal(answer.status, status);
  assert.deepEqual(answer.body, { message });
};

test('case=identity answers before the photo (sandbox personas)', async (t) => {
  const cases: Array<[string, Record<string, string>, number]> = [
    ['101 name and ID number disagree', { ...ZHANG, name: '李四' }, 101],
    ['102 no such ID number', { ...ZHANG, idcard: ABSENT.idNumber }, 102],
    ['104 check digit wrong', { ...ZHANG, idcard: '110105199003070018' }, 104],
    ['104 impossible birth date', { ...ZHANG, idcard: '110105199013070015' }, 104],
    ['109 no portrait (王芳)', { name: '王芳', idcard: '440305198811200046' }, 109],
    ['106 face system unavailable after identity ok', ZHANG, 106],
  ];
  for (const [name, fields, incorrect] of cases) {
    await t.test(`case=${name}`, async () => assertResult(await verify(fields), incorrect));
  }
});

test('case=authority answers are 501 (third-party service error)', async (t) => {
  const personas: Array<[string, string, string]> = [
    ['busy', '陈忙', '33010619700101006X'],
    ['upgrading', '赵升', '510107199505050072'],
    ['attempt limit', '孙限', '110108197910100080'],
  ];
  for (const [name, person, idcard] of personas) {
    await t.test(`case=${name}`, async () =>
      assertFailure(await verify({ name: person, idcard }), 501, '第三方服务异常'),
    );
  }
});

test('case=400 parameter errors, the seed failure example first', async (t) => {
  const cases: Array<[string, Record<string, string>, string]> = [
    ['idcard format', { ...ZHANG, idcard: '123' }, '入参错误,身份证号[idcard]格式错误'],
    ['name format', { ...ZHANG, name: '张三1' }, '入参错误,姓名[name]格式错误'],
    ['idcard missing', { ...ZHANG, idcard: '' }, '入参错误,身份证号[idcard]不能为空'],
    ['no photo', { ...ZHANG, image: '' }, '入参错误,图片[image]和图片地址[url]不能都为空'],
    [
      'two photos',
      { ...ZHANG, url: 'http://127.0.0.1/a.jpg' },
      '入参错误,图片[image]和图片地址[url]只能二选一',
    ],
  ];
  for (const [name, fields, msg] of cases) {
    await t.test(`case=${name}`, async () => assertFailure(await verify(fields), 400, msg));
  }
  await t.test('case=broken JSON', async () => {
    const headers = { ...signedHeaders(app), 'content-type': 'application/json' };
    const answer = await send(server.url, { headers, body: '{"idcard":' });
    assertFailure(answer, 400, '入参错误,请求体格式错误');
  });
});

test('case=body forms: JSON, and the seed curl line (JSON, trailing comma, form type)', async () => {
  assertResult(await postJson(server.url, app, { ...ZHANG, image: '/9j/AAAA' }), 106);
  const curl = `{"idcard":"${ZHANG.idcard}","image":"/9j/AAAA","name":"${ZHANG.name}","url":"",}`;
  const headers = { ...signedHeaders(app), 'content-type': 'application/x-www-form-urlencoded' };
  assertResult(await send(server.url, { headers, body: curl }), 106);
});

test('case=every algorithm of §6, and the demo app', async () => {
  for (const algorithm of ['hmac-sha1', 'hmac-sha256', 'hmac-sha384', 'hmac-sha512'] as const) {
    assertResult(await verify(ZHANG, { algorithm }), 106);
  }
  assertResult(await postForm(server.url, DEMO_APP, { ...PHOTO, ...ZHANG }), 106);
});

test('case=seed curl signature: signed date and source headers instead of x-date', async () => {
  const signed: Array<[string, string]> = [
    ['date', httpDate(Date.now())],
    ['source', 'source'],
  ];
  assertResult(await verify(ZHANG, { signed }), 106);
  const stale: Array<[string, string]> = [['date', httpDate(Date.now() - 3_600_000)]];
  assertGateway(
    await verify(ZHANG, { signed: stale }),
    401,
    'HMAC signature cannot be verified, the x-date header is out of date for HMAC Authentication.',
  );
});

test('case=a replay inside the window is the same request, answered again', async () => {
  const headers = {
    ...signedHeaders(app),
    'content-type': 'application/x-www-form-urlencoded',
  };
  const body = form({ ...PHOTO, ...ZHANG });
  assertResult(await send(server.url, { headers, body }), 106);
  assertResult(await send(server.url, { headers, body }), 106);
});

test('case=the gateway 401 messages of §6', async (t) => {
  const good = signedHeaders(app);
  const auth = good.authorization!;
  const cases: Array<[string, Record<string, string>, string]> = [
    [
      'no Authorization',
      { 'x-date': good['x-date']!, 'x-source': 'market' },
      'HMAC signature cannot be verified, a validate authorization header is required',
    ],
    ['unreadable', { ...good, authorization: 'Basic YTpi' }, 'HMAC authorization format error.'],
    [
      'id missing',
      { ...good, authorization: auth.replace(/id="[^"]*", /, '') },
      'HMAC id or signature missing.',
    ],
    [
      'headers list empty',
      { ...good, authorization: auth.replace('headers="x-date x-source"', 'headers=""') },
      'HMAC authorization headers is invalidate.',
    ],
    [
      'unsupported algorithm',
      { ...good, authorization: auth.replace('hmac-sha1', 'hmac-md5') },
      'HMAC algorithm hmac-md5 not supported.',
    ],
    [
      'listed header absent',
      { authorization: auth, 'x-date': good['x-date']! },
      'HMAC signature cannot be verified, a valid x-source header is required.',
    ],
    [
      'x-date absent',
      { authorization: auth, 'x-source': 'market' },
      'HMAC signature cannot be verified, a valid x-date header is required for HMAC Authentication.',
    ],
    [
      'x-date garbled',
      { ...good, 'x-date': '2023-11-14T22:13:20Z' },
      'HMAC signature cannot be verified, a valid x-date header is required for HMAC Authentication.',
    ],
    [
      'x-date twice',
      { ...good, 'x-date': `${good['x-date']}, ${good['x-date']}` },
      'HMAC do not support multiple HTTP header.',
    ],
    [
      'no date header signed',
      { ...good, authorization: auth.replace('headers="x-date x-source"', 'headers="x-source"') },
      'HMAC signature cannot be verified, a valid date or x-date header is required.',
    ],
    [
      'unknown SecretId',
      { ...good, authorization: auth.replace(app.secretId, 'AKIDnobody') },
      'HMAC signature cannot be verified.',
    ],
    [
      'wrong key',
      signedHeaders(app, { secretKey: 'not-the-key' }),
      'HMAC signature does not match.',
    ],
    [
      'another x-source than signed',
      { ...good, 'x-source': 'other' },
      'HMAC signature does not match.',
    ],
  ];
  for (const [name, headers, message] of cases) {
    await t.test(`case=${name}`, async () => {
      const body = form({ ...PHOTO, ...ZHANG });
      const answer = await send(server.url, {
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      assertGateway(answer, 401, message);
      assert.ok(answer.headers.get('x-shiming-outcome'));
    });
  }
  await t.test('case=x-date out of the 900 s window, either way', async () => {
    for (const skew of [-901, 901]) {
      assertGateway(
        await verify(ZHANG, { skew }),
        401,
        'HMAC signature cannot be verified, the x-date header is out of date for HMAC Authentication.',
      );
    }
    assertResult(await verify(ZHANG, { skew: -600 }), 106);
  });
  await t.test('case=the signature is judged before the body', async () => {
    const answer = await send(server.url, {
      headers: { 'content-type': 'application/json' },
      body: '{broken',
    });
    assertGateway(
      answer,
      401,
      'HMAC signature cannot be verified, a validate authorization header is required',
    );
  });
});

test('case=429 rate limit in the gateway style', async () => {
  const slow = await server.createApp({ name: 'market-slow', qps: 1 });
  const answers = await Promise.all(
    Array.from({ length: 6 }, () => postForm(server.url, slow, { ...PHOTO, ...ZHANG })),
  );
  const limited = answers.filter((a) => a.status === 429);
  assert.ok(limited.length > 0);
  assert.deepEqual(limited[0]!.body, { message: 'API rate limit exceeded' });
  assert.ok(limited[0]!.headers.get('retry-after'));
});

test('case=403 quota used up: no valid usage plan', async () => {
  const metered = await server.createApp({ name: 'market-metered', quota: 0 });
  const answer = await postForm(server.url, metered, { ...PHOTO, ...ZHANG });
  assertGateway(answer, 403, 'Found no validate usage plan');
});

test('case=604 a disabled app: the API is stopped for it', async () => {
  const stopped = await server.createApp({ name: 'market-stopped' });
  await server.disableApp(stopped.appId);
  assertFailure(await postForm(server.url, stopped, { ...PHOTO, ...ZHANG }), 604, '接口停用');
});

test('case=404 for other paths and methods under /release/', async () => {
  const headers = signedHeaders(app);
  for (const [path, method] of [
    ['/release/face_id_card/get', 'POST'],
    ['/release/', 'POST'],
    [PATH, 'GET'],
  ] as const) {
    const answer = await send(server.url, { path, method, headers });
    assertFailure(answer, 404, '请求资源不存在');
    assert.equal(answer.headers.get('x-shiming-outcome'), 'unknown_action');
  }
});

test('case=108 a body over the server limit (the photo is what makes bodies big)', async () => {
  const answer = await verify({ ...ZHANG, image: 'A'.repeat(MAX_BODY + 1) });
  assertResult(answer, 108);
  assert.equal(answer.headers.get('x-shiming-outcome'), 'payload_too_large');
});

test('case=500 internal error', async () => {
  const store = server.app.store.apps;
  const bySecretId = store.bySecretId;
  store.bySecretId = async () => {
    throw new Error('injected: lookup failed');
  };
  try {
    assertFailure(await verify(ZHANG), 500, '系统内部错误,请联系服务商');
  } finally {
    store.bySecretId = bySecretId;
  }
});
