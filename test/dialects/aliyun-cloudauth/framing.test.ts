/**
 * `parse` on well-formed and malformed requests: it never throws, and every problem becomes the
 * refusal that renders as Alibaba's gateway error.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Outcome } from '../../../src/core/outcomes.ts';
import { parse, parseTimestamp } from '../../../src/dialects/aliyun-cloudauth/framing.ts';
import { isRefusal } from '../../../src/http/dialect.ts';
import type { WireRequest } from '../../../src/http/wire.ts';
import { acs3Request, rpcRequest, wire } from './fixtures.ts';

const refusalOf = (request: WireRequest): Outcome | undefined => {
  const parsed = parse(request);
  return isRefusal(parsed) ? parsed.refused : undefined;
};

const BUSINESS = { UserName: '张三', IdentifyNum: '110105199003070017' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** A pop-core GET with its query edited after signing (parse does not check signatures). */
const edited = (edit: (q: URLSearchParams) => void, action = 'Id2MetaVerify'): WireRequest => {
  const request = rpcRequest({ action, business: BUSINESS });
  const q = new URLSearchParams(request.rawQuery);
  edit(q);
  return { ...request, rawQuery: q.toString() };
};

describe('parse: accepted requests', () => {
  test('case=pop-core GET', () => {
    const parsed = parse(rpcRequest({ action: 'BankMetaVerify', business: BUSINESS }));
    assert.ok(!isRefusal(parsed));
    assert.equal(parsed.action, 'BankMetaVerify');
    assert.equal(parsed.served.family, 'bank');
    assert.equal(parsed.format, 'JSON');
    assert.equal(parsed.params.get('UserName'), '张三');
    assert.equal(parsed.proof.scheme, 'rpc');
  });

  test('case=pop-core POST, Format=xml in any case', () => {
    const request = rpcRequest({
      action: 'Id2MetaVerify',
      method: 'POST',
      business: BUSINESS,
      extra: { Format: 'xml' },
    });
    const parsed = parse(request);
    assert.ok(!isRefusal(parsed));
    assert.equal(parsed.format, 'XML');
  });

  test('case=ACS3 with query and body, business parameters merged', () => {
    const request = acs3Request({
      action: 'Mobile3MetaDetailStandardVerify',
      query: { Mobile: '13800138000' },
      body: BUSINESS,
    });
    const parsed = parse(request);
    assert.ok(!isRefusal(parsed));
    assert.equal(parsed.proof.scheme, 'acs3');
    assert.equal(parsed.served.standard, true);
    assert.equal(parsed.params.get('Mobile'), '13800138000');
    assert.equal(parsed.params.get('UserName'), '张三');
    assert.ok(parsed.proof.payloadHashMatches);
  });

  test('case=RegionId is accepted and ignored', () => {
    const parsed = parse(
      rpcRequest({ action: 'Id2MetaVerify', extra: { RegionId: 'cn-hangzhou' } }),
    );
    assert.ok(!isRefusal(parsed));
  });
});

/** The same ACS3 request with the algorithm renamed to one shiming does not implement. */
const sm3Request = (): WireRequest => {
  const r = acs3Request({ action: 'Id2MetaVerify' });
  const authorization = r.headers.authorization!.replace('ACS3-HMAC-SHA256', 'ACS3-HMAC-SM3');
  return { ...r, headers: { ...r.headers, authorization } };
};

const REFUSALS: Array<[string, WireRequest, Outcome]> = [
  [
    'PUT',
    { ...rpcRequest({ action: 'Id2MetaVerify' }), method: 'PUT' },
    { code: 'unknown_action' },
  ],
  [
    'bad percent escape',
    wire({ rawQuery: 'Action=%ZZ&AccessKeyId=k' }),
    { code: 'malformed_request', facts: { parameter: 'QueryString' } },
  ],
  [
    'percent-encoded bytes that are not UTF-8',
    wire({ rawQuery: 'Action=%FF%FE' }),
    { code: 'malformed_request', facts: { parameter: 'QueryString' } },
  ],
  [
    'body bytes that are not UTF-8',
    wire({ headers: FORM, body: Buffer.from([0x41, 0x3d, 0xff]) }),
    { code: 'malformed_request', facts: { parameter: 'Body' } },
  ],
  [
    'JSON body',
    wire({
      headers: { 'x-acs-action': 'Id2MetaVerify', 'content-type': 'application/json' },
      body: Buffer.from('{"a":1}'),
    }),
    { code: 'malformed_request', facts: { parameter: 'Content-Type' } },
  ],
  [
    'unlabelled body',
    wire({ headers: { 'x-acs-action': 'Id2MetaVerify' }, body: Buffer.from('UserName=x') }),
    { code: 'malformed_request', facts: { parameter: 'Content-Type' } },
  ],
  [
    'lone surrogate',
    wire({ rawQuery: 'Action=%ED%A0%80' }),
    { code: 'malformed_request', facts: { parameter: 'QueryString' } },
  ],
  [
    'duplicate parameter across query and body',
    {
      ...rpcRequest({ action: 'Id2MetaVerify' }),
      headers: FORM,
      body: Buffer.from('Action=Id2MetaStandardVerify'),
    },
    { code: 'invalid_parameter', facts: { parameter: 'Action' } },
  ],
  [
    'missing Action',
    edited((q) => q.delete('Action')),
    { code: 'missing_parameter', facts: { parameter: 'Action' } },
  ],
  [
    'empty Action',
    edited((q) => q.set('Action', '')),
    { code: 'missing_parameter', facts: { parameter: 'Action' } },
  ],
  [
    'missing Version',
    edited((q) => q.delete('Version')),
    { code: 'missing_parameter', facts: { parameter: 'Version' } },
  ],
  ['wrong Version', edited((q) => q.set('Version', '2020-11-12')), { code: 'unsupported_version' }],
  ['unknown action', edited((q) => q.set('Action', 'VerifyMaterialz')), { code: 'unknown_action' }],
  [
    'known but not served action',
    edited((q) => q.set('Action', 'CompareFaceVerify')),
    { code: 'unknown_action' },
  ],
  [
    'Format YAML',
    edited((q) => q.set('Format', 'YAML')),
    { code: 'invalid_parameter', facts: { parameter: 'Format' } },
  ],
  ['no Signature', edited((q) => q.delete('Signature')), { code: 'unsigned' }],
  ['bearer token', edited((q) => q.set('SignatureType', 'BEARERTOKEN')), { code: 'unsigned' }],
  ['STS SecurityToken', edited((q) => q.set('SecurityToken', 't')), { code: 'unknown_credential' }],
  [
    'SignatureMethod HMAC-SHA256',
    edited((q) => q.set('SignatureMethod', 'HMAC-SHA256')),
    { code: 'malformed_signature' },
  ],
  [
    'no SignatureMethod',
    edited((q) => q.delete('SignatureMethod')),
    { code: 'malformed_signature' },
  ],
  [
    'SignatureVersion 2.0',
    edited((q) => q.set('SignatureVersion', '2.0')),
    { code: 'malformed_signature' },
  ],
  [
    'no AccessKeyId',
    edited((q) => q.delete('AccessKeyId')),
    { code: 'missing_parameter', facts: { parameter: 'AccessKeyId' } },
  ],
  [
    'no SignatureNonce',
    edited((q) => q.delete('SignatureNonce')),
    { code: 'missing_parameter', facts: { parameter: 'SignatureNonce' } },
  ],
  [
    'huge SignatureNonce',
    edited((q) => q.set('SignatureNonce', 'n'.repeat(10_000))),
    { code: 'invalid_parameter', facts: { parameter: 'SignatureNonce' } },
  ],
  [
    'no Timestamp',
    edited((q) => q.delete('Timestamp')),
    { code: 'missing_parameter', facts: { parameter: 'Timestamp' } },
  ],
  [
    'Unix Timestamp',
    edited((q) => q.set('Timestamp', '1704110400')),
    { code: 'invalid_parameter', facts: { parameter: 'Timestamp' } },
  ],
  [
    'impossible date',
    edited((q) => q.set('Timestamp', '2024-02-30T12:00:00Z')),
    { code: 'invalid_parameter', facts: { parameter: 'Timestamp' } },
  ],
  [
    'ACS3 without Authorization',
    (() => {
      const r = acs3Request({ action: 'Id2MetaVerify' });
      const { authorization: _, ...headers } = r.headers;
      return { ...r, headers };
    })(),
    { code: 'unsigned' },
  ],
  ['ACS3 with ACS3-HMAC-SM3', sm3Request(), { code: 'malformed_signature' }],
  [
    'ACS3 garbled Authorization',
    wire({
      headers: {
        'x-acs-action': 'Id2MetaVerify',
        'x-acs-version': '2019-03-07',
        authorization: 'ACS3-HMAC-SHA256 nonsense',
      },
    }),
    { code: 'malformed_signature' },
  ],
  [
    'ACS3 without x-acs-version',
    wire({ headers: { 'x-acs-action': 'Id2MetaVerify' } }),
    { code: 'missing_parameter', facts: { parameter: 'x-acs-version' } },
  ],
  [
    'ACS3 wrong x-acs-version',
    wire({ headers: { 'x-acs-action': 'Id2MetaVerify', 'x-acs-version': '2018-09-16' } }),
    { code: 'unsupported_version' },
  ],
  [
    'ACS3 with an STS token',
    acs3Request({ action: 'Id2MetaVerify', extraHeaders: { 'x-acs-security-token': 't' } }),
    { code: 'unknown_credential' },
  ],
];
describe('parse: refusals', () => {
  for (const [name, request, expected] of REFUSALS) {
    test(`case=${name}`, () => assert.deepEqual(refusalOf(request), expected));
  }

  const acs3Without = (header: string) => {
    const r = acs3Request({ action: 'Id2MetaVerify' });
    const auth = r.headers.authorization!.replace(`${header};`, '').replace(`;${header}`, '');
    return { ...r, headers: { ...r.headers, authorization: auth } };
  };

  for (const header of [
    'host',
    'x-acs-action',
    'x-acs-version',
    'x-acs-date',
    'x-acs-signature-nonce',
    'x-acs-content-sha256',
  ]) {
    test(`case=ACS3 with ${header} unsigned`, () =>
      assert.deepEqual(refusalOf(acs3Without(header)), { code: 'malformed_signature' }));
  }

  test('case=ACS3 x-acs-date malformed', () => {
    const request = acs3Request({ action: 'Id2MetaVerify', date: '2024-01-01 12:00:00' });
    assert.deepEqual(refusalOf(request), {
      code: 'invalid_parameter',
      facts: { parameter: 'x-acs-date' },
    });
  });

  test('case=ACS3 body hash that does not match is carried to authentication', () => {
    const request = acs3Request({ action: 'Id2MetaVerify', body: BUSINESS });
    const tampered = { ...request, body: Buffer.from('UserName=x&IdentifyNum=y') };
    const parsed = parse(tampered);
    assert.ok(!isRefusal(parsed));
    assert.equal(parsed.proof.payloadHashMatches, false);
  });

  test('case=never throws on hostile input', () => {
    const inputs: WireRequest[] = [
      wire({ rawQuery: '&&&===%' }),
      wire({ headers: FORM, body: Buffer.alloc(1_000_000, 0x41) }),
      wire({ rawQuery: `Action=${'%E5%BC%A0'.repeat(50_000)}&Format=JSON` }),
      wire({ headers: { authorization: 'ACS3-HMAC-SHA256 ,,,===;;' } }),
      wire({
        headers: {
          'x-acs-action': 'Id2MetaVerify',
          'x-acs-version': '2019-03-07',
          authorization: 'ACS3-HMAC-SHA256 Credential=,SignedHeaders=,Signature=',
        },
      }),
      wire({ method: 'GET', rawQuery: 'Action=Id2MetaVerify&Version=2019-03-07&Signature=' }),
      wire({ method: '', path: '/' }),
    ];
    for (const request of inputs) {
      const result = parse(request);
      assert.ok(isRefusal(result), JSON.stringify(result).slice(0, 200));
    }
  });
});

describe('parseTimestamp', () => {
  test('case=accepts the SDK format and fractional seconds', () => {
    assert.equal(parseTimestamp('2024-01-01T12:00:00Z'), Date.parse('2024-01-01T12:00:00Z'));
    assert.equal(
      parseTimestamp('2024-01-01T12:00:00.123Z'),
      Date.parse('2024-01-01T12:00:00.123Z'),
    );
  });

  test('case=refuses other shapes', () => {
    for (const text of [
      '2024-01-01T12:00:00',
      '2024-01-01T12:00:00+08:00',
      '2024-13-01T00:00:00Z',
      '2024-01-01T24:00:00Z',
      '',
      'now',
    ]) {
      assert.equal(parseTimestamp(text), undefined, text);
    }
  });
});
