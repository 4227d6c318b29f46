/** parse never throws: every malformed input becomes the refusal with the right outcome. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { isRefusal } from '../../../src/http/dialect.ts';
import type { WireRequest } from '../../../src/http/wire.ts';
import { type FaceIdParsed, parse } from '../../../src/dialects/tencent-faceid/parse.ts';
import { tc3Get, tc3Post, V1_GET_QUERY, V1_POST_BODY, v1Get, v1Post } from './fixtures.ts';

/** `code` or `code:parameter` of the refusal, or 'ok'. */
const result = (request: WireRequest): string => {
  const parsed = parse(request);
  if (!isRefusal(parsed)) return 'ok';
  const { code, facts } = parsed.refused;
  return facts?.parameter ? `${code}:${facts.parameter}` : code;
};
const ok = (request: WireRequest): FaceIdParsed => {
  const parsed = parse(request);
  assert.ok(!isRefusal(parsed), JSON.stringify(parsed));
  return parsed;
};
const without = (request: WireRequest, header: string): WireRequest => ({
  ...request,
  headers: { ...request.headers, [header]: undefined },
});
const withBody = (body: string | Buffer, contentType = 'application/json') =>
  tc3Post({ body: body as string, headers: { 'content-type': contentType } });

test('case=tc3 POST parses to action, JSON params and credential', () => {
  const parsed = ok(tc3Post({}));
  assert.equal(parsed.action, 'IdCardVerification');
  assert.deepEqual(parsed.params, { IdCard: '11010519491231002X', Name: '张三' });
  assert.equal(parsed.credential.scheme, 'tc3');
  assert.equal(parsed.credential.secretId, 'AKIDTESTID00000000000000000000000000');
});

test('case=tc3 GET parses its query as the params', () => {
  assert.deepEqual({ ...ok(tc3Get()).params }, { IdCard: '11010519491231002X', Name: '张三' });
});

test('case=tc3 framing refusals', () => {
  assert.equal(result({ ...tc3Post({}), method: 'PUT' }), 'malformed_request');
  assert.equal(result(without(tc3Post({}), 'authorization')), 'unsigned');
  assert.equal(result(tc3Post({ authorization: '' })), 'unsigned');
  assert.equal(
    result(tc3Post({ authorization: 'TC3-HMAC-SHA256 Credential=garbage' })),
    'malformed_signature',
  );
  assert.equal(result(tc3Post({ authorization: 'Bearer abc' })), 'malformed_signature');
  assert.equal(result(without(tc3Post({}), 'x-tc-timestamp')), 'missing_parameter:X-TC-Timestamp');
  assert.equal(
    result(tc3Post({ headers: { 'x-tc-timestamp': '17e8' } })),
    'invalid_parameter:X-TC-Timestamp',
  );
  assert.equal(result(without(tc3Post({}), 'x-tc-version')), 'missing_parameter:X-TC-Version');
  assert.equal(
    result(tc3Post({ headers: { 'x-tc-version': '2017-03-12' } })),
    'unsupported_version',
  );
  assert.equal(result(without(tc3Post({}), 'x-tc-action')), 'missing_parameter:X-TC-Action');
});

test('case=tc3 actions: unknown, known but not served, wrong case', () => {
  assert.equal(result(tc3Post({ action: 'DescribeInstances' })), 'unknown_action');
  assert.equal(result(tc3Post({ action: 'GetFaceIdToken' })), 'unknown_action');
  assert.equal(result(tc3Post({ action: 'idcardverification' })), 'unknown_action');
  assert.equal(result(tc3Post({ action: 'constructor' })), 'unknown_action');
});

test('case=tc3 bodies that cannot be read', () => {
  assert.equal(result(withBody('{"IdCard":')), 'malformed_request');
  assert.equal(result(withBody('[1,2]')), 'malformed_request');
  assert.equal(result(withBody('"text"')), 'malformed_request');
  assert.equal(result(withBody('null')), 'malformed_request');
  assert.equal(
    result(withBody(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]))),
    'malformed_request',
  );
  assert.equal(
    result(withBody('IdCard=1', 'application/x-www-form-urlencoded')),
    'malformed_request:Content-Type',
  );
  assert.equal(result(withBody('{}', 'text/plain')), 'malformed_request:Content-Type');
  assert.equal(result(without(tc3Post({}), 'content-type')), 'malformed_request:Content-Type');
});

test('case=tc3 bodies that are fine', () => {
  assert.deepEqual(ok(withBody('')).params, {});
  assert.deepEqual(ok(withBody('{}', 'Application/JSON; charset=utf-8')).params, {});
  const huge = 'x'.repeat(2_000_000);
  assert.equal(ok(withBody(JSON.stringify({ Name: huge }))).params.Name, huge);
  // __proto__ in JSON is an own data property, never the prototype.
  const parsed = ok(withBody('{"__proto__":{"polluted":1},"IdCard":"1"}'));
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(parsed.params.IdCard, '1');
});

test('case=tc3 GET queries that cannot be read', () => {
  const get = (rawQuery: string) => result({ ...tc3Get(), rawQuery });
  assert.equal(get('IdCard=%E5%ZZ'), 'malformed_request');
  assert.equal(get('Name=%FF'), 'malformed_request'); // not UTF-8 once decoded
  assert.equal(get('IdCard=1&IdCard=2'), 'malformed_request');
  assert.equal(get(''), 'ok');
});

test('case=v1 POST and GET parse; common parameters are not action params', () => {
  for (const request of [v1Post(), v1Get()]) {
    const parsed = ok(request);
    assert.equal(parsed.action, 'IdCardVerification');
    assert.deepEqual({ ...parsed.params }, { IdCard: '11010519491231002X', Name: '张三' });
    assert.equal(parsed.credential.scheme, 'v1');
  }
});

const dropParam = (query: string, name: string) =>
  query
    .split('&')
    .filter((pair) => !pair.startsWith(`${name}=`))
    .join('&');

test('case=v1 framing refusals', () => {
  assert.equal(result(v1Get(dropParam(V1_GET_QUERY, 'Signature'))), 'missing_parameter:Signature');
  assert.equal(result(v1Get(dropParam(V1_GET_QUERY, 'SecretId'))), 'missing_parameter:SecretId');
  assert.equal(result(v1Get(dropParam(V1_GET_QUERY, 'Timestamp'))), 'missing_parameter:Timestamp');
  assert.equal(
    result(v1Get(V1_GET_QUERY.replace('Timestamp=1700000000', 'Timestamp=now'))),
    'invalid_parameter:Timestamp',
  );
  assert.equal(result(v1Get(dropParam(V1_GET_QUERY, 'Nonce'))), 'missing_parameter:Nonce');
  assert.equal(
    result(v1Get(V1_GET_QUERY.replace('Nonce=39872', 'Nonce=-1'))),
    'invalid_parameter:Nonce',
  );
  assert.equal(
    result(v1Get(V1_GET_QUERY.replace('SignatureMethod=HmacSHA1', 'SignatureMethod=HmacMD5'))),
    'invalid_parameter:SignatureMethod',
  );
  assert.equal(result(v1Get(dropParam(V1_GET_QUERY, 'Version'))), 'missing_parameter:Version');
  assert.equal(
    result(v1Get(V1_GET_QUERY.replace('Version=2018-03-01', 'Version=2020-01-01'))),
    'unsupported_version',
  );
  assert.equal(
    result(v1Get(V1_GET_QUERY.replace('Action=IdCardVerification', 'Action=Nope'))),
    'unknown_action',
  );
});

test('case=v1 SignatureMethod absent means HmacSHA1', () => {
  const parsed = ok(v1Get(dropParam(V1_GET_QUERY, 'SignatureMethod')));
  assert.equal(parsed.credential.scheme === 'v1' && parsed.credential.method, 'HmacSHA1');
});

test('case=v1 inputs that cannot be read', () => {
  assert.equal(result(v1Post(`${V1_POST_BODY}&Name=x`)), 'malformed_request');
  assert.equal(result({ ...v1Post(), rawQuery: 'Name=x' }), 'malformed_request');
  assert.equal(
    result(v1Post(V1_POST_BODY.replace('Name=%E5%BC%A0%E4%B8%89', 'Name=%E5%BC'))),
    'malformed_request',
  );
  const json = { ...v1Post(), headers: { host: 'h', 'content-type': 'application/json' } };
  assert.equal(result({ ...json, rawQuery: V1_GET_QUERY }), 'malformed_request:Content-Type');
  assert.equal(
    result({ ...v1Post(), body: Buffer.concat([Buffer.from(V1_POST_BODY), Buffer.from([0xff])]) }),
    'malformed_request',
  );
});

test('case=parse never throws on random bytes, headers and queries', () => {
  for (let i = 0; i < 300; i++) {
    const noise = randomBytes(64);
    const text = noise.toString('latin1');
    for (const request of [
      withBody(noise),
      tc3Post({ authorization: `TC3-HMAC-SHA256 ${text}` }),
      { ...tc3Get(), rawQuery: text },
      { ...v1Post(), body: Buffer.concat([Buffer.from('Signature=1&'), noise]) },
      v1Get(`${V1_GET_QUERY}&${text}`),
    ]) {
      assert.doesNotThrow(() => parse(request));
    }
  }
});
