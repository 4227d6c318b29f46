import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertEnvelope,
  authFor,
  DEMO_APP,
  demo,
  id,
  MAX_BODY,
  nowSeconds,
  postJson,
  type Sent,
  send,
  useWireServer,
  ZHANG,
} from './wire-client.ts';

const apps = useWireServer();

describe('tencent-legacy wire: platform codes', () => {
  const ok = id(ZHANG.name, ZHANG.idNumber);
  const cases: Array<[string, number, () => Promise<Sent>]> = [
    ['3-get', 3, () => send('/auth/idcard', { method: 'GET' })],
    ['3-put-idbankcard', 3, () => send('/auth/idbankcard', { method: 'PUT', body: '{}' })],
    [
      '3-text-plain',
      3,
      () =>
        send('/auth/idcard', {
          headers: { 'content-type': 'text/plain', authorization: authFor(DEMO_APP) },
          body: '{}',
        }),
    ],
    [
      '3-broken-json',
      3,
      () =>
        send('/auth/idcard', {
          headers: { 'content-type': 'application/json', authorization: authFor(DEMO_APP) },
          body: '{"appid"',
        }),
    ],
    [
      '3-multipart-without-boundary',
      3,
      () =>
        send('/auth/idcard', {
          headers: { 'content-type': 'multipart/form-data', authorization: authFor(DEMO_APP) },
          body: 'x',
        }),
    ],
    ['4-unsigned', 4, () => postJson('/auth/idcard', { appid: DEMO_APP.appId, ...ok })],
    [
      '5-malformed-signature',
      5,
      () =>
        postJson(
          '/auth/idcard',
          { appid: DEMO_APP.appId, ...ok },
          'FCHXdPTEwMDAwMzc5Jms9QUtJRGVRZDBrRU1yM2J4ZjhRckJi==',
        ),
    ],
    [
      '6-signed-for-another-appid',
      6,
      () => postJson('/auth/idcard', { appid: apps.other.appId, ...ok }, authFor(DEMO_APP)),
    ],
    [
      '6-signed-for-another-bucket',
      6,
      () => demo('/auth/idcard', { bucket: 'mine', ...ok }, { bucket: 'theirs' }),
    ],
    [
      '9-expired',
      9,
      () => demo('/auth/idcard', ok, { now: nowSeconds() - 7200, expire: nowSeconds() - 3600 }),
    ],
    ['9-e-zero-without-fileid', 9, () => demo('/auth/idcard', ok, { expire: 0 })],
    [
      '9-signed-in-the-future',
      9,
      () => demo('/auth/idcard', ok, { now: nowSeconds() + 3600, expire: nowSeconds() + 7200 }),
    ],
    [
      '10-appid-unknown',
      10,
      () =>
        postJson(
          '/auth/idcard',
          { appid: '1299999999', ...ok },
          authFor({ ...DEMO_APP, appId: '1299999999' }),
        ),
    ],
    [
      '11-secretid-unknown',
      11,
      () =>
        demo('/auth/idcard', ok).then(() =>
          postJson(
            '/auth/idcard',
            { appid: DEMO_APP.appId, ...ok },
            authFor({ ...DEMO_APP, secretId: 'AKIDnobody' }),
          ),
        ),
    ],
    [
      '12-secretid-of-another-app',
      12,
      () =>
        postJson(
          '/auth/idcard',
          { appid: DEMO_APP.appId, ...ok },
          authFor({ ...apps.other, appId: DEMO_APP.appId }),
        ),
    ],
    [
      '14-wrong-secret-key',
      14,
      () =>
        postJson(
          '/auth/idcard',
          { appid: DEMO_APP.appId, ...ok },
          authFor({ ...DEMO_APP, secretKey: 'wrong' }),
        ),
    ],
    [
      '16-bucket-of-another-app',
      16,
      () => demo('/auth/idcard', { bucket: `photos-${apps.other.appId}`, ...ok }),
    ],
    ['21-missing-appid', 21, () => postJson('/auth/idcard', ok, authFor(DEMO_APP))],
    ['21-missing-idcard-name', 21, () => demo('/auth/idcard', { idcard_number: ZHANG.idNumber })],
    ['21-missing-bankcard-number', 21, () => demo('/auth/idbankcard', ok)],
    [
      '21-idcard-number-as-json-number',
      21,
      () => demo('/auth/idcard', { ...ok, idcard_number: Number(ZHANG.idNumber) }),
    ],
    [
      '24-disabled-app',
      24,
      () => postJson('/auth/idcard', { appid: apps.disabled.appId, ...ok }, authFor(apps.disabled)),
    ],
  ];
  for (const [name, code, run] of cases) {
    test(`case=${name}`, async () => assertEnvelope(await run(), code));
  }

  test('case=13-single-use-signature-replayed', async () => {
    const authorization = authFor(DEMO_APP, { expire: 0, fileid: `wire-${process.pid}` });
    const fields = { appid: DEMO_APP.appId, ...ok };
    assertEnvelope(await postJson('/auth/idcard', fields, authorization), 0);
    assertEnvelope(await postJson('/auth/idcard', fields, authorization), 13);
  });
  test('case=multi-use-signature-reused', async () => {
    const authorization = authFor(DEMO_APP);
    for (let i = 0; i < 3; i += 1) {
      assertEnvelope(
        await postJson('/auth/idcard', { appid: DEMO_APP.appId, ...ok }, authorization),
        0,
      );
    }
  });
  test('case=15-rate-limited', async () => {
    const fields = { appid: apps.limited.appId, ...ok };
    const sent = await Promise.all(
      Array.from({ length: 8 }, () => postJson('/auth/idcard', fields, authFor(apps.limited))),
    );
    for (const s of sent) assert.ok([0, 15].includes(s.body.code), String(s.body.code));
    assert.ok(sent.some((s) => s.body.code === 15));
  });
  test('case=25-quota-used-up', async () => {
    const fields = { appid: apps.metered.appId, ...ok };
    assertEnvelope(await postJson('/auth/idcard', fields, authFor(apps.metered)), 0);
    assertEnvelope(await postJson('/auth/idcard', fields, authFor(apps.metered)), 25);
  });
  test('case=23-body-too-large', async () => {
    const fields = { appid: DEMO_APP.appId, ...ok, padding: 'x'.repeat(MAX_BODY) };
    assertEnvelope(await postJson('/auth/idcard', fields, authFor(DEMO_APP)), 23);
  });
  test('case=107-record-store-down', async () => {
    const records = apps.server.app.store.records;
    const append = records.append;
    records.append = async () => {
      throw new Error('injected: store down');
    };
    try {
      const sent = await demo('/auth/idcard', ok);
      assertEnvelope(sent, 107);
      assert.equal(sent.outcome, 'service_unavailable');
    } finally {
      records.append = append;
    }
  });
  test('case=213-internal-error', async () => {
    const store = apps.server.app.store.apps;
    const byAppId = store.byAppId;
    store.byAppId = async () => {
      throw new Error('injected: lookup failed');
    };
    try {
      const sent = await demo('/auth/idcard', ok);
      assertEnvelope(sent, 213);
      assert.equal(sent.outcome, 'internal');
    } finally {
      store.byAppId = byAppId;
    }
  });
});
