import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ABSENT } from '../../../src/authorities/sandbox/personas.ts';
import { sign } from './sign.ts';
import {
  assertEnvelope,
  authFor,
  BUSY,
  DEMO_APP,
  demo,
  id,
  LIMIT,
  postForm,
  postJson,
  send,
  UPGRADING,
  useWireServer,
  ZHANG,
} from './wire-client.ts';

useWireServer();

describe('tencent-legacy wire: /auth/idcard with sandbox personas', () => {
  const cases: Array<[string, Record<string, string>, number]> = [
    ['match', id(ZHANG.name, ZHANG.idNumber), 0],
    ['name-mismatch', id('李四', ZHANG.idNumber), -5803],
    ['not-found', id('张三', ABSENT.idNumber), -5804],
    ['bad-check-digit', id('张三', `${ZHANG.idNumber.slice(0, 17)}8`), -5804],
    ['bad-birth-date', id('张三', '110105199013070015'), -5804],
    ['id-format', id('张三', '12345'), -5806],
    ['name-format', id('张三1', ZHANG.idNumber), -5806],
    ['authority-busy', id(BUSY.name, BUSY.idNumber), -5807],
    ['authority-upgrading', id(UPGRADING.name, UPGRADING.idNumber), 108],
    ['attempt-limit', id(LIMIT.name, LIMIT.idNumber), -5807],
  ];
  for (const [name, fields, code] of cases) {
    test(`case=json-${name}`, async () => assertEnvelope(await demo('/auth/idcard', fields), code));
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
  const cases: Array<[string, Record<string, string>, number]> = [
    ['match', card(ZHANG.name, ZHANG.idNumber, normal), 0],
    ['name-mismatch', card('李四', ZHANG.idNumber, normal), -5803],
    ['id-mismatch', card(ZHANG.name, BUSY.idNumber, normal), -5803],
    ['card-not-found', card(ZHANG.name, ZHANG.idNumber, ABSENT.bankCard), -5804],
    ['card-luhn-unknown', card(ZHANG.name, ZHANG.idNumber, '6222021000000000001'), -5804],
    ['card-format', card(ZHANG.name, ZHANG.idNumber, '6222-0210'), -5806],
    ['id-format', card(ZHANG.name, '123', normal), -5806],
    ['authority-busy', card(BUSY.name, BUSY.idNumber, BUSY.bankCards[0]!.number), -5807],
    ['attempt-limit', card(LIMIT.name, LIMIT.idNumber, LIMIT.bankCards[0]!.number), -5807],
  ];
  for (const [name, fields, code] of cases) {
    test(`case=json-${name}`, async () =>
      assertEnvelope(await demo('/auth/idbankcard', fields), code));
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
