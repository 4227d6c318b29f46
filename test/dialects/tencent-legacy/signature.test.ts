import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { isRefusal } from '../../../src/http/dialect.ts';
import {
  decodeToken,
  digestMatches,
  readPairs,
} from '../../../src/dialects/tencent-legacy/signature.ts';
import { codeOfSteps, jsonRequest, NOW, SPEC_APP } from './fixtures.ts';
import { sign, signOriginal, VARIANTS } from './sign.ts';

// tencent.md §5 test vectors (computed independently in Node and Python by the spec's author).
const VECTORS = [
  {
    name: 'docs-order',
    original:
      'a=1250000000&b=tencentyun&k=AKIDTESTID00000000000000000000000000&e=1700003600&t=1700000000&r=123456789&u=0&f=',
    hmac: '6606cdf7b36235e6108e34a32dbb53c20fea021f',
    sign: 'ZgbN97NiNeYQjjSjLbtTwg/qAh9hPTEyNTAwMDAwMDAmYj10ZW5jZW50eXVuJms9QUtJRFRFU1RJRDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwJmU9MTcwMDAwMzYwMCZ0PTE3MDAwMDAwMDAmcj0xMjM0NTY3ODkmdT0wJmY9',
    bucket: 'tencentyun',
  },
  {
    name: 'java-order',
    original:
      'a=1250000000&b=&k=AKIDTESTID00000000000000000000000000&t=1700000000&e=1700003600&r=123456789&f=',
    hmac: 'bd119ea460b289d931f92537cf2c59bbb4822ac8',
    sign: 'vRGepGCyidkx+SU3zyxZu7SCKshhPTEyNTAwMDAwMDAmYj0maz1BS0lEVEVTVElEMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAmdD0xNzAwMDAwMDAwJmU9MTcwMDAwMzYwMCZyPTEyMzQ1Njc4OSZmPQ==',
    bucket: undefined,
  },
];

const body = (bucket?: string) => ({
  appid: '1250000000',
  ...(bucket ? { bucket } : {}),
  idcard_number: '110105199003070017',
  idcard_name: '张三',
});

describe('tencent-legacy signature: spec §5 test vectors', () => {
  for (const v of VECTORS) {
    test(`case=${v.name}`, async () => {
      const digest = createHmac('sha1', SPEC_APP.secretKey).update(v.original).digest('hex');
      assert.equal(digest, v.hmac);
      assert.equal(signOriginal(v.original, SPEC_APP.secretKey), v.sign);
      const token = decodeToken(v.sign);
      assert.ok(!isRefusal(token));
      assert.equal(token.a, '1250000000');
      assert.equal(token.k, SPEC_APP.secretId);
      assert.equal(token.e, 1_700_003_600);
      assert.equal(token.t, 1_700_000_000);
      assert.equal(token.original.toString(), v.original);
      assert.ok(digestMatches(token, SPEC_APP.secretKey));
      assert.ok(!digestMatches(token, 'wrong-key'));
      assert.equal(await codeOfSteps(jsonRequest(body(v.bucket), { authorization: v.sign })), 0);
    });
  }
});

describe('tencent-legacy signature: field orders of official code', () => {
  for (const [variant, pairsOf] of Object.entries(VARIANTS)) {
    test(`case=${variant}`, async () => {
      const pairs = pairsOf({ appid: SPEC_APP.appId, secretId: SPEC_APP.secretId, now: NOW });
      const authorization = sign(pairs, SPEC_APP.secretKey);
      assert.equal(await codeOfSteps(jsonRequest(body(), { authorization })), 0);
    });
  }
  test('case=unknown-extra-pair-is-ignored', async () => {
    const pairs = [
      ...VARIANTS.docs!({ appid: SPEC_APP.appId, secretId: SPEC_APP.secretId, now: NOW }),
      ['x', 'y'] as const,
    ];
    assert.equal(
      await codeOfSteps(jsonRequest(body(), { authorization: sign(pairs, SPEC_APP.secretKey) })),
      0,
    );
  });
});

describe('tencent-legacy signature: malformed tokens (code 5)', () => {
  const base = 'a=1250000000&k=AKIDTESTID00000000000000000000000000&e=1700003600&t=1700000000&r=1';
  const cases: Record<string, string> = {
    'not-base64': '!!!notbase64!!!',
    'url-safe-alphabet': `${signOriginal(`${base}&f=`, SPEC_APP.secretKey).replace(/\+/g, '-').replace(/\//g, '_')}-_`,
    'twenty-bytes-only': Buffer.alloc(20, 1).toString('base64'),
    short: Buffer.from('abc').toString('base64'),
    'bad-padding': `${signOriginal(base, SPEC_APP.secretKey).replace(/=+$/, '')}===`,
    'pair-without-equals': signOriginal(`${base}&junk`, SPEC_APP.secretKey),
    'empty-pair': signOriginal(`${base}&&f=`, SPEC_APP.secretKey),
    'duplicate-key': signOriginal(`${base}&a=1250000000`, SPEC_APP.secretKey),
    'missing-a': signOriginal(base.replace('a=1250000000&', ''), SPEC_APP.secretKey),
    'missing-k': signOriginal(
      base.replace('k=AKIDTESTID00000000000000000000000000&', ''),
      SPEC_APP.secretKey,
    ),
    'missing-e': signOriginal(base.replace('e=1700003600&', ''), SPEC_APP.secretKey),
    'missing-t': signOriginal(base.replace('t=1700000000&', ''), SPEC_APP.secretKey),
    'empty-k': signOriginal(
      base.replace('k=AKIDTESTID00000000000000000000000000', 'k='),
      SPEC_APP.secretKey,
    ),
    'non-numeric-e': signOriginal(base.replace('e=1700003600', 'e=soon'), SPEC_APP.secretKey),
    'negative-t': signOriginal(base.replace('t=1700000000', 't=-1'), SPEC_APP.secretKey),
    'eleven-digit-e': signOriginal(
      base.replace('e=1700003600', 'e=17000036000'),
      SPEC_APP.secretKey,
    ),
    'original-not-utf8': signOriginal(
      Buffer.concat([Buffer.from(base), Buffer.from([0xff, 0xfe])]),
      SPEC_APP.secretKey,
    ),
    'scheme-word': `Bearer ${signOriginal(base, SPEC_APP.secretKey)}`,
  };
  for (const [name, authorization] of Object.entries(cases)) {
    test(`case=${name}`, async () => {
      assert.ok(isRefusal(decodeToken(authorization)));
      assert.equal(await codeOfSteps(jsonRequest(body(), { authorization })), 5);
    });
  }
  test('case=unpadded-base64-is-accepted', async () => {
    const authorization = signOriginal(`${base}&f=`, SPEC_APP.secretKey).replace(/=+$/, '');
    assert.equal(await codeOfSteps(jsonRequest(body(), { authorization })), 0);
  });
  test('case=pairs-any-order', () => {
    assert.deepEqual(
      [...readPairs('t=1&a=2&b=')!],
      [
        ['t', '1'],
        ['a', '2'],
        ['b', ''],
      ],
    );
    assert.equal(readPairs('=1'), undefined);
  });
});
