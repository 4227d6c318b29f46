/**
 * The gateway's checks in order (spec tencent.md §6), on the §6 vector: each refusal with the
 * fact that picks its message, the 900 s window on x-date (and on date, our choice), the four
 * algorithms, and no replay claims.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import type { Outcome } from '../../../src/core/outcomes.ts';
import { isRefusal } from '../../../src/http/dialect.ts';
import type { WireRequest } from '../../../src/http/wire.ts';
import {
  authenticate,
  readHttpDate,
  SKEW_SECONDS,
} from '../../../src/dialects/tencent-market/auth.ts';
import { parse } from '../../../src/dialects/tencent-market/request-map.ts';
import { AT, AUTHORIZATION, authDeps, KEYS, marketRequest, TEST_APP, X_DATE } from './fixtures.ts';

const run = async (request: WireRequest, deps = authDeps()) => {
  const parsed = parse(request);
  if (isRefusal(parsed)) throw new Error('not routed');
  return authenticate(parsed, request, deps);
};

const refused = async (request: WireRequest): Promise<Outcome> => {
  const result = await run(request);
  assert.ok(isRefusal(result), 'expected a refusal');
  return result.refused;
};

const signed = (names: string[], values: Record<string, string>, algorithm = 'hmac-sha1') => {
  const text = names.map((n) => `${n}: ${values[n]}`).join('\n');
  const signature = createHmac(algorithm.slice(5), KEYS.secretKey).update(text).digest('base64');
  const authorization = `hmac id="${KEYS.secretId}", algorithm="${algorithm}", headers="${names.join(' ')}", signature="${signature}"`;
  return { ...values, authorization };
};

test('case=the §6 vector authenticates as its app', async () => {
  const deps = authDeps();
  assert.equal(await run(marketRequest(), deps), TEST_APP);
  assert.equal(deps.claims, 0, 'no replay claim: the gateway has no nonce');
});

test('case=the same request twice passes twice (no nonce; the window protects)', async () => {
  const deps = authDeps();
  assert.equal(await run(marketRequest(), deps), TEST_APP);
  assert.equal(await run(marketRequest(), deps), TEST_APP);
});

test('case=a disabled app is returned (the pipeline refuses it)', async () => {
  const app = { ...TEST_APP, disabled: true };
  assert.equal(await run(marketRequest(), authDeps(app)), app);
});

test('case=every algorithm of §6', async () => {
  for (const algorithm of ['hmac-sha1', 'hmac-sha256', 'hmac-sha384', 'hmac-sha512']) {
    const headers = signed(
      ['x-date', 'x-source'],
      { 'x-date': X_DATE, 'x-source': 'x' },
      algorithm,
    );
    assert.equal(await run(marketRequest({ headers })), TEST_APP, algorithm);
  }
});

test('case=refusals in the gateway order, each with its fact', async (t) => {
  const cases: Array<[string, Record<string, string | undefined>, Outcome]> = [
    ['no Authorization', { authorization: undefined }, { code: 'unsigned' }],
    ['blank Authorization', { authorization: '  ' }, { code: 'unsigned' }],
    [
      'unreadable',
      { authorization: 'Basic abc' },
      { code: 'malformed_signature', facts: { parameter: 'authorization' } },
    ],
    [
      'no id',
      { authorization: 'hmac headers="x-date", signature="x"' },
      { code: 'malformed_signature', facts: { parameter: 'id' } },
    ],
    [
      'no headers list',
      { authorization: 'hmac id="a", signature="x"' },
      { code: 'malformed_signature', facts: { parameter: 'headers' } },
    ],
    [
      'unsupported algorithm',
      { authorization: AUTHORIZATION.replace('hmac-sha1', 'hmac-md5') },
      { code: 'malformed_signature', facts: { parameter: 'algorithm' } },
    ],
    [
      'listed header absent',
      { 'x-source': undefined },
      { code: 'malformed_signature', facts: { parameter: 'header:x-source' } },
    ],
    [
      'x-date absent',
      { 'x-date': undefined },
      { code: 'malformed_signature', facts: { parameter: 'x-date' } },
    ],
    [
      'x-date repeated (joined by the HTTP layer)',
      { 'x-date': `${X_DATE}, ${X_DATE}` },
      { code: 'malformed_signature', facts: { parameter: 'repeated' } },
    ],
    [
      'x-date not a date',
      { 'x-date': '1700000000' },
      { code: 'malformed_signature', facts: { parameter: 'x-date' } },
    ],
    [
      'no date header signed',
      { authorization: AUTHORIZATION.replace('x-date x-source', 'x-source') },
      { code: 'malformed_signature', facts: { parameter: 'date' } },
    ],
    [
      'unknown SecretId',
      { authorization: AUTHORIZATION.replace('AKIDTEST', 'AKIDNONE') },
      { code: 'unknown_credential' },
    ],
    ['wrong signature', { 'x-source': 'another' }, { code: 'bad_signature' }],
  ];
  for (const [name, headers, expected] of cases) {
    await t.test(`case=${name}`, async () =>
      assert.deepEqual(await refused(marketRequest({ headers })), expected),
    );
  }
});

test('case=x-date window is 900 s either way', async () => {
  for (const offset of [-SKEW_SECONDS, SKEW_SECONDS]) {
    assert.equal(await run(marketRequest({ receivedAt: AT + offset * 1000 })), TEST_APP);
  }
  for (const offset of [-SKEW_SECONDS - 1, SKEW_SECONDS + 1]) {
    const outcome = await refused(marketRequest({ receivedAt: AT + offset * 1000 }));
    assert.deepEqual(outcome, { code: 'signature_expired' });
  }
});

test('case=the window is checked before the key (as the gateway lists its checks)', async () => {
  const headers = { authorization: AUTHORIZATION.replace('AKIDTEST', 'AKIDNONE') };
  const outcome = await refused(marketRequest({ headers, receivedAt: AT + 3_600_000 }));
  assert.equal(outcome.code, 'signature_expired');
});

test('case=a signed date header stands in for x-date, and is held to the window too', async () => {
  const headers = signed(['date', 'source'], { date: X_DATE, source: 'source' });
  const request = (receivedAt: number) =>
    marketRequest({
      headers: { ...headers, 'x-date': undefined, 'x-source': undefined },
      receivedAt,
    });
  assert.equal(await run(request(AT)), TEST_APP);
  assert.deepEqual(await refused(request(AT + 901_000)), { code: 'signature_expired' });
  const missing = marketRequest({ headers: { ...headers, date: undefined } });
  assert.deepEqual(await refused(missing), {
    code: 'malformed_signature',
    facts: { parameter: 'date' },
  });
});

test('case=x-date wins over date when both are signed', async () => {
  const values = { 'x-date': X_DATE, date: 'Mon, 19 Mar 2018 12:08:40 GMT' };
  const headers = signed(['date', 'x-date'], values);
  assert.equal(await run(marketRequest({ headers })), TEST_APP);
});

test('case=readHttpDate', () => {
  assert.equal(readHttpDate(X_DATE), AT);
  assert.equal(readHttpDate('Tue, 4 Nov 2023 22:13:20 GMT'), Date.UTC(2023, 10, 4, 22, 13, 20));
  for (const bad of [
    'Tue, 31 Feb 2023 22:13:20 GMT',
    'Tue, 14 Nov 2023 24:00:00 GMT',
    'Tue, 14 Nov 2023 22:13:20 +0000',
    'Tuesday, 14-Nov-23 22:13:20 GMT',
    '2023-11-14T22:13:20Z',
    '',
  ]) {
    assert.equal(readHttpDate(bad), undefined, bad);
  }
});

test('case=a listed header named like an Object property is simply absent', async () => {
  for (const name of ['constructor', '__proto__', 'tostring']) {
    const authorization = AUTHORIZATION.replace('x-date x-source', `x-date ${name}`);
    assert.deepEqual(await refused(marketRequest({ headers: { authorization } })), {
      code: 'malformed_signature',
      facts: { parameter: `header:${name}` },
    });
  }
});
