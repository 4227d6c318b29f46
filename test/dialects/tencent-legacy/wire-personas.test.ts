import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LEGACY_ROWS } from '../../sandbox/cases/tencent-legacy.ts';
import { sign } from './sign.ts';
import {
  assertEnvelope,
  authFor,
  DEMO_APP,
  demo,
  id,
  postForm,
  postJson,
  send,
  useWireServer,
  ZHANG,
} from './wire-client.ts';

useWireServer();

/**
 * The shared sandbox table's rows of a route (test/sandbox/cases/tencent-legacy.ts, rendered as
 * docs/sandbox.md) that need no platform trigger, sent as signed JSON by the demo app.
 */
const tableRows = (route: string) =>
  LEGACY_ROWS.filter(
    (row) => row.action === route && row.trigger === undefined && row.unreachable === undefined,
  );

describe('tencent-legacy wire: /auth/idcard with sandbox personas', () => {
  for (const row of tableRows('/auth/idcard')) {
    test(`case=json-${row.description}`, async () =>
      assertEnvelope(await demo(row.action, row.inputs), row.expect.code));
  }
  test('case=multipart-match', async () => {
    const fields = { appid: DEMO_APP.appId, bucket: 'test', ...id(ZHANG.name, ZHANG.idNumber) };
    assertEnvelope(
      await postForm('/auth/idcard', fields, authFor(DEMO_APP, { bucket: 'test' })),
      0,
    );
  });
  test('case=multipart-mismatch', async () => {
    const fields = { appid: DEMO_APP.appId, ...id('李四', ZHANG.idNumber) };
    assertEnvelope(await postForm('/auth/idcard', fields, authFor(DEMO_APP, {}, 'java')), -5803);
  });
  test('case=seed-000-AppID-spelling', async () => {
    const fields = { AppID: DEMO_APP.appId, ...id(ZHANG.name, ZHANG.idNumber) };
    assertEnvelope(await postJson('/auth/idcard', fields, authFor(DEMO_APP)), 0);
  });
});

describe('tencent-legacy wire: /auth/idbankcard with sandbox personas', () => {
  const card = (name: string, idNumber: string, bankcard_number: string) => ({
    ...id(name, idNumber),
    bankcard_number,
  });
  const normal = ZHANG.bankCards.find((c) => c.state === 'normal')!.number;
  for (const row of tableRows('/auth/idbankcard')) {
    test(`case=json-${row.description}`, async () =>
      assertEnvelope(await demo(row.action, row.inputs), row.expect.code));
  }
  test('case=multipart-match', async () => {
    const fields = { appid: DEMO_APP.appId, ...card(ZHANG.name, ZHANG.idNumber, normal) };
    assertEnvelope(await postForm('/auth/idbankcard', fields, authFor(DEMO_APP, {}, 'php')), 0);
  });
  test('case=every-card-state-is-5803', async () => {
    for (const { number, state } of ZHANG.bankCards.filter((c) => c.state !== 'normal')) {
      const sent = await demo('/auth/idbankcard', card(ZHANG.name, ZHANG.idNumber, number));
      assertEnvelope(sent, -5803);
      assert.equal(sent.outcome, 'card_refused', state);
    }
  });
});

describe('tencent-legacy wire: image-node-sdk style request', () => {
  test('case=image-node-sdk-signing-order', async () => {
    // image-node-sdk: a,k,e,t,r,u=0,f with t = ceil(now), e = t + 100; JSON body with appid.
    const t = Math.ceil(Date.now() / 1000);
    const authorization = sign(
      [
        ['a', DEMO_APP.appId],
        ['k', DEMO_APP.secretId],
        ['e', t + 100],
        ['t', t],
        ['r', 12345],
        ['u', 0],
        ['f', ''],
      ],
      DEMO_APP.secretKey,
    );
    const sent = await send('/auth/idcard', {
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ ...id(ZHANG.name, ZHANG.idNumber), appid: DEMO_APP.appId }),
    });
    assertEnvelope(sent, 0);
    assert.equal(sent.body.message, 'OK');
  });
});
