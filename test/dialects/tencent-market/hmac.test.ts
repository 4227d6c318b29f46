/**
 * The gateway signature as pure functions: the §6 test vector, the four algorithms, and the
 * Authorization reader (the spec's form and the seed's curl form).
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import {
  ALGORITHMS,
  readCredential,
  readHeaderList,
  readPairs,
  sign,
  signatureMatches,
  signingString,
} from '../../../src/dialects/tencent-market/hmac.ts';

// spec tencent.md §6 (dummy keys).
const VECTOR = {
  secretId: 'AKIDTESTID00000000000000000000000000',
  secretKey: 'TestSecretKey00000000000000000000',
  headers: { 'x-date': 'Tue, 14 Nov 2023 22:13:20 GMT', 'x-source': 'market' },
  text: 'x-date: Tue, 14 Nov 2023 22:13:20 GMT\nx-source: market',
  signature: 'nirwDNOhRwEjDliFn6Hg3FLcI0U=',
  authorization:
    'hmac id="AKIDTESTID00000000000000000000000000", algorithm="hmac-sha1", headers="x-date x-source", signature="nirwDNOhRwEjDliFn6Hg3FLcI0U="',
};

test('case=§6 test vector: signing string and signature', () => {
  const text = signingString(['x-date', 'x-source'], VECTOR.headers);
  assert.equal(text, VECTOR.text);
  assert.equal(sign('hmac-sha1', VECTOR.secretKey, text), VECTOR.signature);
});

test('case=§6 test vector: the Authorization header reads back', () => {
  const credential = readCredential(VECTOR.authorization);
  assert.deepEqual(credential, {
    id: VECTOR.secretId,
    algorithm: 'hmac-sha1',
    headers: ['x-date', 'x-source'],
    signature: VECTOR.signature,
  });
  if (typeof credential === 'string') return;
  const signed = { ...credential, algorithm: 'hmac-sha1' as const };
  assert.equal(signatureMatches(signed, VECTOR.secretKey, VECTOR.text), true);
  assert.equal(signatureMatches(signed, 'another key', VECTOR.text), false);
});

test('case=every gateway algorithm agrees with node:crypto', () => {
  for (const [name, digest] of Object.entries(ALGORITHMS)) {
    const expected = createHmac(digest, VECTOR.secretKey).update(VECTOR.text).digest('base64');
    assert.equal(sign(name as keyof typeof ALGORITHMS, VECTOR.secretKey, VECTOR.text), expected);
  }
  assert.equal(Object.keys(ALGORITHMS).length, 4);
});

test('case=seed 002 curl form: spaces around = and an unquoted signature', () => {
  const curl =
    'hmac id = "AKIDi6qE41WgJ9w8h4h9zq68Vq24d1beIuN0qIwU", algorithm = "hmac-sha1", headers = "date source", signature = yMCxXNytW5nvVGNZ8aBtRxmiLJ4=';
  assert.deepEqual(readCredential(curl), {
    id: 'AKIDi6qE41WgJ9w8h4h9zq68Vq24d1beIuN0qIwU',
    algorithm: 'hmac-sha1',
    headers: ['date', 'source'],
    signature: 'yMCxXNytW5nvVGNZ8aBtRxmiLJ4=',
  });
});

test('case=scheme and algorithm names are case-insensitive; algorithm defaults to hmac-sha1', () => {
  const c = readCredential('HMAC id="a", headers="X-Date", signature="s"');
  assert.deepEqual(c, { id: 'a', algorithm: 'hmac-sha1', headers: ['x-date'], signature: 's' });
  const upper = readCredential(
    'hmac id="a", algorithm="HMAC-SHA256", headers="x-date", signature="s"',
  );
  assert.equal(typeof upper === 'object' && upper.algorithm, 'hmac-sha256');
});

test('case=unreadable Authorization values', async (t) => {
  const cases: Array<[string, string, string]> = [
    ['other scheme', 'TC3-HMAC-SHA256 Credential=x', 'format'],
    ['scheme glued to the params', 'hmacid="a"', 'format'],
    ['no equals sign', 'hmac id "a"', 'format'],
    ['repeated key', 'hmac id="a", id="b", headers="x-date", signature="s"', 'format'],
    ['unterminated quote', 'hmac id="a, headers="x-date", signature="s"', 'format'],
    ['trailing comma', 'hmac id="a", headers="x-date", signature="s", ', 'format'],
    ['no id', 'hmac headers="x-date", signature="s"', 'id'],
    ['empty signature', 'hmac id="a", headers="x-date", signature=""', 'signature'],
    ['bare scheme', 'hmac', 'id'],
    ['no headers', 'hmac id="a", signature="s"', 'headers'],
    ['header named twice', 'hmac id="a", headers="x-date x-date", signature="s"', 'headers'],
    ['bad header name', 'hmac id="a", headers="x-date (request-target)", signature="s"', 'headers'],
  ];
  for (const [name, value, problem] of cases) {
    await t.test(`case=${name}`, () => assert.equal(readCredential(value), problem));
  }
});

test('case=readPairs and readHeaderList edges', () => {
  assert.deepEqual(readPairs(''), new Map());
  assert.deepEqual(
    readPairs('a="x,y", b=z'),
    new Map([
      ['a', 'x,y'],
      ['b', 'z'],
    ]),
  );
  assert.equal(readPairs('a="x" b="y"'), undefined);
  assert.deepEqual(readHeaderList('  X-Date   Source '), ['x-date', 'source']);
  assert.equal(readHeaderList('   '), undefined);
  assert.equal(readHeaderList(undefined), undefined);
});

test('case=a long hostile Authorization value is read in linear time', () => {
  const value = `hmac id="${'a '.repeat(500_000)}`;
  const started = performance.now();
  assert.equal(readCredential(value), 'format');
  assert.ok(performance.now() - started < 2000);
});
