/**
 * The claim rule, and that it never overlaps the Tencent API 3.0 dialect on the shared path `/`.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CATALOGUE_SIZE,
  SERVED,
  isCloudauthAction,
} from '../../../src/dialects/aliyun-cloudauth/actions.ts';
import { claims, notServedYet, wantsXml } from '../../../src/dialects/aliyun-cloudauth/routes.ts';
// tencent-faceid answers every other `/` request; what must stay disjoint is this dialect's claim
// and the requests that carry a Tencent marker.
import { hasTencentMarker as tencentClaims } from '../../../src/dialects/tencent-faceid/routes.ts';
import type { WireRequest } from '../../../src/http/wire.ts';
import { acs3Request, rpcRequest, wire } from './fixtures.ts';

const CASES: Array<[string, WireRequest, boolean]> = [
  ['pop-core GET', rpcRequest({ action: 'Id2MetaVerify' }), true],
  ['pop-core POST', rpcRequest({ action: 'Id2MetaVerify', method: 'POST' }), true],
  ['Tea ACS3', acs3Request({ action: 'Id2MetaVerify', body: { UserName: 'x' } }), true],
  [
    'RPC v1 without x-acs headers (raw caller)',
    wire({ method: 'GET', rawQuery: 'Action=Id2MetaVerify&SignatureVersion=1.0' }),
    true,
  ],
  ['Action + AccessKeyId', wire({ rawQuery: 'Action=X&AccessKeyId=k' }), true],
  ['Action + Format', wire({ rawQuery: 'Action=X&Format=XML' }), true],
  [
    'Action + SignatureMethod=HMAC-SHA1',
    wire({ rawQuery: 'Action=X&SignatureMethod=HMAC-SHA1' }),
    true,
  ],
  [
    'markers in the form body',
    wire({
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.from('Action=X&SignatureVersion=1.0'),
    }),
    true,
  ],
  [
    'ACS3 Authorization without x-acs-action',
    wire({ headers: { authorization: 'ACS3-HMAC-SHA256 x' } }),
    true,
  ],
  ['only an Action', wire({ rawQuery: 'Action=Id2MetaVerify' }), false],
  [
    'Action + Tencent SignatureMethod HmacSHA1',
    wire({ rawQuery: 'Action=X&SignatureMethod=HmacSHA1' }),
    false,
  ],
  ['other path', wire({ path: '/auth/idcard', headers: { 'x-acs-action': 'X' } }), false],
  ['path with trailing segment', wire({ path: '/v1/', headers: { 'x-acs-action': 'X' } }), false],
  [
    'Tencent TC3 (X-TC-Action)',
    wire({
      headers: {
        'x-tc-action': 'IdCardVerification',
        authorization: 'TC3-HMAC-SHA256 Credential=AKID/2024-01-01/faceid/tc3_request',
      },
    }),
    false,
  ],
  [
    'Tencent v1 GET',
    wire({
      method: 'GET',
      rawQuery:
        'Action=IdCardVerification&Nonce=42264&SecretId=AKID&SignatureMethod=HmacSHA256&Timestamp=1700000000&Version=2018-03-01&Signature=x',
    }),
    false,
  ],
  [
    'Tencent v1 POST body',
    wire({
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.from('Action=IdCardVerification&Nonce=1&SecretId=AKID&Signature=x'),
    }),
    false,
  ],
  [
    'both markers: Tencent wins the veto',
    wire({ headers: { 'x-tc-action': 'IdCardVerification', 'x-acs-action': 'Id2MetaVerify' } }),
    false,
  ],
  [
    'Alibaba markers plus a Nonce parameter',
    wire({ rawQuery: 'Action=X&AccessKeyId=k&Nonce=1' }),
    false,
  ],
  [
    'Alibaba markers plus SecretId',
    wire({ rawQuery: 'Action=X&Format=JSON&SecretId=AKID' }),
    false,
  ],
  [
    'TC3 Authorization only',
    wire({ headers: { authorization: 'TC3-HMAC-SHA256 …', 'x-acs-action': 'X' } }),
    false,
  ],
  // Weak markers give way to the Tencent v1 shape (Action + Signature), which tencent-faceid claims.
  ['Action + Format + Signature', wire({ rawQuery: 'Action=X&Format=JSON&Signature=s' }), false],
  [
    'Action + HMAC-SHA1 + Signature',
    wire({ rawQuery: 'Action=X&SignatureMethod=HMAC-SHA1&Signature=s' }),
    false,
  ],
  [
    'ACS3 Authorization + Action + Signature',
    wire({ rawQuery: 'Action=X&Signature=s', headers: { authorization: 'ACS3-HMAC-SHA256 x' } }),
    false,
  ],
  ['hard marker + Signature', wire({ rawQuery: 'Action=X&AccessKeyId=k&Signature=s' }), true],
  [
    'weak marker with an unreadable body',
    wire({
      rawQuery: 'Action=X&Format=JSON',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.from('Signature=%ZZ'),
    }),
    false,
  ],
  [
    'unlabelled body is not read',
    wire({ rawQuery: 'Action=X&Signature=s', body: Buffer.from('AccessKeyId=k') }),
    false,
  ],
  ['unreadable query, no markers visible', wire({ rawQuery: 'Action=%E0%A4%A' }), false],
  [
    'unreadable body but x-acs-action header',
    wire({
      headers: { 'x-acs-action': 'Id2MetaVerify', 'content-type': 'application/json' },
      body: Buffer.from('{}'),
    }),
    true,
  ],
];

describe('claims', () => {
  for (const [name, request, expected] of CASES) {
    test(`case=${name}`, () => assert.equal(claims(request), expected));
  }

  test('case=never throws on hostile input', () => {
    const hostile = [
      wire({ rawQuery: '%%%&&&==' }),
      wire({ body: Buffer.from([0xff, 0xfe, 0x00]) }),
      wire({ rawQuery: `Action=${'A'.repeat(1_000_000)}&Format=JSON` }),
      wire({ rawQuery: 'Action=%ED%A0%80&Format=JSON' }),
    ];
    for (const request of hostile) assert.doesNotThrow(() => claims(request));
  });

  // The other dialect on `/`: for every case above (and the hostile ones) at most one claims.
  test('case=never claimed by both this dialect and tencent-faceid', () => {
    const extra = [
      wire({ rawQuery: 'Action=IdCardVerification&Signature=s&Nonce=1&Format=JSON' }),
      wire({ method: 'GET', rawQuery: 'Action=X&Signature=s&SignatureMethod=HMAC-SHA1' }),
      wire({ headers: { authorization: 'ACS3-HMAC-SHA256 x', 'x-tc-action': 'Y' } }),
      wire({
        rawQuery: 'Action=X&Format=JSON',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: Buffer.from([0x41, 0x63, 0x74, 0x69, 0x6f, 0x6e, 0x3d, 0xff, 0x26, 0x53, 0x3d, 0x31]),
      }),
    ];
    for (const request of [...CASES.map(([, r]) => r), ...extra]) {
      const both = claims(request) && tencentClaims(request);
      assert.ok(!both, `${request.rawQuery} ${JSON.stringify(request.headers)}`);
    }
  });

  test('case=no combination of markers is claimed by both', () => {
    const headerMarkers: Array<Record<string, string>> = [
      { 'x-acs-action': 'A' },
      { 'x-tc-action': 'T' },
      { authorization: 'ACS3-HMAC-SHA256 x' },
      { authorization: 'TC3-HMAC-SHA256 x' },
    ];
    const paramMarkers = [
      'Action=A',
      'Signature=s',
      'SignatureVersion=1.0',
      'AccessKeyId=k',
      'Format=JSON',
      'SignatureMethod=HMAC-SHA1',
      'SecretId=AKID',
      'Nonce=1',
    ];
    const all = headerMarkers.length + paramMarkers.length;
    let claimedByUs = 0;
    for (let mask = 0; mask < 1 << all; mask++) {
      const headers = Object.assign({}, ...headerMarkers.filter((_, i) => mask & (1 << i)));
      const params = paramMarkers.filter((_, i) => mask & (1 << (i + headerMarkers.length)));
      for (const inBody of [false, true]) {
        const request = inBody
          ? wire({
              headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
              body: Buffer.from(params.join('&')),
            })
          : wire({ method: 'GET', headers, rawQuery: params.join('&') });
        const ours = claims(request);
        if (ours) claimedByUs++;
        assert.ok(
          !(ours && tencentClaims(request)),
          `${params.join('&')} ${JSON.stringify(headers)}`,
        );
      }
    }
    assert.ok(claimedByUs > 0);
  });
});

describe('routing helpers', () => {
  test('case=catalogue has the 100 actions of spec §3, served ones included', () => {
    assert.equal(CATALOGUE_SIZE, 100);
    // VerifyMaterials is seed 004's name of VerifyMaterial, served but not a 2019-03-07 name.
    for (const action of SERVED.keys()) {
      assert.equal(isCloudauthAction(action), action !== 'VerifyMaterials', action);
    }
    assert.ok(isCloudauthAction('VerifyMaterial'));
    assert.ok(!isCloudauthAction('VerifyMaterials'));
  });

  test('case=notServedYet names known actions only, for GET/POST', () => {
    assert.equal(
      notServedYet(rpcRequest({ action: 'DescribeVerifyToken' })),
      'DescribeVerifyToken',
    );
    assert.equal(notServedYet(rpcRequest({ action: 'VerifyMaterial' })), undefined);
    assert.equal(notServedYet(rpcRequest({ action: 'VerifyMaterials' })), undefined);
    assert.equal(notServedYet(acs3Request({ action: 'InitFaceVerify' })), 'InitFaceVerify');
    assert.equal(notServedYet(rpcRequest({ action: 'CompareFaces' })), undefined);
    assert.equal(notServedYet(rpcRequest({ action: 'Id2MetaVerify' })), undefined);
    assert.equal(notServedYet(rpcRequest({ action: 'NoSuchThing' })), undefined);
    assert.equal(
      notServedYet({ ...rpcRequest({ action: 'DescribeVerifyToken' }), method: 'PUT' }),
      undefined,
    );
  });

  test('case=XML only for RPC v1 Format=XML, any case', () => {
    assert.ok(wantsXml(rpcRequest({ action: 'Id2MetaVerify', extra: { Format: 'xml' } })));
    assert.ok(!wantsXml(rpcRequest({ action: 'Id2MetaVerify' })));
    assert.ok(!wantsXml(acs3Request({ action: 'Id2MetaVerify', query: { Format: 'XML' } })));
  });
});
