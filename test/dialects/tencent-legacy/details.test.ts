import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Outcome } from '../../../src/core/outcomes.ts';
import { tencentLegacy } from '../../../src/dialects/tencent-legacy/index.ts';
import {
  codeOfSteps,
  fakeDeps,
  ID,
  NOW,
  runSteps,
  SPEC_APP,
  signed,
  signFor,
  wireRequest,
} from './fixtures.ts';

describe('tencent-legacy steps: details', () => {
  test('case=13-single-use-claimed-once', async () => {
    const deps = fakeDeps();
    const request = signed({}, { expire: 0, fileid: 'file-7' });
    assert.equal(await codeOfSteps(request, deps), 0);
    assert.equal(await codeOfSteps(request, deps), 13);
    // Another single-use signature for the same file is a new signature.
    assert.equal(
      await codeOfSteps(signed({}, { expire: 0, fileid: 'file-7', now: NOW + 1 }), deps),
      0,
    );
  });
  test('case=13-forgery-does-not-burn-a-single-use-signature', async () => {
    const deps = fakeDeps();
    const forged = signed(
      {},
      {},
      { authorization: signFor(SPEC_APP, { expire: 0, fileid: 'f9' }, 'docs', 'bad') },
    );
    assert.equal(await codeOfSteps(forged, deps), 14);
    assert.equal(await codeOfSteps(signed({}, { expire: 0, fileid: 'f9' }), deps), 0);
  });
  test('case=multi-use-signature-is-reusable-until-e', async () => {
    const deps = fakeDeps();
    const request = signed({});
    for (let i = 0; i < 3; i += 1) assert.equal(await codeOfSteps(request, deps), 0);
  });
  test('case=commands', async () => {
    assert.deepEqual(await runSteps(signed({})), {
      kind: 'identity.verify',
      name: '张三',
      idNumber: ID.idcard_number,
    });
    const bank = signed(
      { bankcard_number: '6222021000000000009' },
      {},
      { path: '/auth/idbankcard' },
    );
    assert.deepEqual(await runSteps(bank), {
      kind: 'bankcard.verify',
      name: '张三',
      idNumber: ID.idcard_number,
      bankCard: '6222021000000000009',
    });
  });
  test('case=21-names-the-parameter', async () => {
    const request = signed({ idcard_name: undefined });
    const stage = await runSteps(request);
    const rendered = tencentLegacy.render({ requestId: 'r', request, outcome: stage as Outcome });
    assert.match(JSON.parse(String(rendered.body)).message, /: idcard_name$/);
  });
  test('case=claims', () => {
    for (const path of ['/auth/idcard', '/auth/idbankcard']) {
      for (const method of ['POST', 'GET', 'PUT'])
        assert.ok(tencentLegacy.claims(wireRequest({ path, method })));
    }
    for (const path of ['/auth/idcard/', '/auth', '/AUTH/IDCARD', '/', '/auth/idcardx']) {
      assert.ok(!tencentLegacy.claims(wireRequest({ path })));
    }
  });
});

describe('tencent-legacy parse never throws', () => {
  const bodies: (string | Buffer)[] = [
    '',
    '{',
    'null',
    '1',
    '"x"',
    '{"appid":{"__proto__":1}}',
    '{"__proto__":{"appid":"1"}}',
    Buffer.from([0xc3, 0x28]),
    'x'.repeat(100_000),
    '--b--',
    '--b\r\n\r\n\r\n--b--',
    `--b\r\n${'a: b\r\n'.repeat(1000)}\r\nv\r\n--b--`,
    Buffer.alloc(2048, 0xff),
  ];
  const types = [
    'application/json',
    'multipart/form-data; boundary=b',
    'multipart/form-data; boundary="b"',
    'multipart/form-data; boundary=',
    'multipart/form-data; boundary=b; boundary=c',
    'text/plain',
    '',
  ];
  test('case=fuzz', () => {
    for (const body of bodies) {
      for (const contentType of types) {
        for (const path of ['/auth/idcard', '/auth/idbankcard']) {
          const parsed = tencentLegacy.parse(wireRequest({ path, contentType, body }));
          assert.ok(parsed);
          if ('fields' in parsed) tencentLegacy.toCommand(parsed);
        }
      }
    }
  });
  test('case=random-bytes', () => {
    for (let i = 0; i < 300; i += 1) {
      const body = Buffer.from(Array.from({ length: i }, () => Math.floor(Math.random() * 256)));
      tencentLegacy.parse(wireRequest({ contentType: types[i % types.length], body }));
    }
  });
});
