/**
 * The claim rule (routes.ts): FaceID's markers on path `/`, vetoed by Alibaba's markers because
 * the Alibaba RPC dialect shares the path and also sends `Action` and `Signature`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WireRequest } from '../../../src/http/wire.ts';
import { claims, hasTencentMarker } from '../../../src/dialects/tencent-faceid/routes.ts';
import { AT, tc3Get, tc3Post, v1Get, v1Post } from './fixtures.ts';

const request = (over: Partial<WireRequest>): WireRequest => ({
  method: 'POST',
  path: '/',
  rawQuery: '',
  headers: {},
  body: Buffer.alloc(0),
  receivedAt: AT,
  ...over,
});
const form = (body: string): Partial<WireRequest> => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: Buffer.from(body),
});

const CLAIMED: Array<[string, WireRequest]> = [
  ['tc3 POST as captured', tc3Post({})],
  ['tc3 GET as captured', tc3Get()],
  ['v1 POST form as captured', v1Post()],
  ['v1 GET query as captured', v1Get()],
  [
    'X-TC-Action without Authorization (unsigned TC3)',
    request({ headers: { 'x-tc-action': 'IdCardVerification' } }),
  ],
  [
    'TC3 Authorization on any method',
    request({ method: 'PUT', headers: { authorization: 'TC3-HMAC-SHA256 Credential=x' } }),
  ],
  [
    'TC3 Authorization without X-TC-Action',
    request({ headers: { authorization: 'TC3-HMAC-SHA256' } }),
  ],
  [
    'v1 with SecretId but no Signature',
    request({ method: 'GET', rawQuery: 'Action=IdCardVerification&SecretId=AKID1' }),
  ],
  ['v1 with Signature but no SecretId', request(form('Action=IdCardVerification&Signature=abc'))],
];

const NOT_CLAIMED: Array<[string, WireRequest]> = [
  ['another path', { ...tc3Post({}), path: '/auth/idcard' }],
  [
    'Alibaba x-acs-action header beside a TC3 Authorization',
    tc3Post({ headers: { 'x-acs-action': 'VerifyMaterial' } }),
  ],
  [
    'Alibaba RPC GET (Action, Signature, AccessKeyId, SignatureVersion)',
    request({
      method: 'GET',
      rawQuery:
        'Action=VerifyMaterial&AccessKeyId=LTAI1&SignatureVersion=1.0&SignatureMethod=HMAC-SHA1&Signature=abc',
    }),
  ],
  [
    'Alibaba RPC POST form (SignatureVersion)',
    request(form('Action=VerifyMaterial&SignatureVersion=1.0&Signature=abc')),
  ],
  [
    'v1-looking with AccessKeyId',
    request({ method: 'GET', rawQuery: 'Action=X&SecretId=AKID&AccessKeyId=LTAI' }),
  ],
  [
    'Action without Signature or SecretId',
    request({ method: 'GET', rawQuery: 'Action=IdCardVerification' }),
  ],
  ['Signature without Action', request({ method: 'GET', rawQuery: 'Signature=abc&SecretId=AKID' })],
  [
    'X-TC-Action on PUT',
    request({ method: 'PUT', headers: { 'x-tc-action': 'IdCardVerification' } }),
  ],
  [
    'another Authorization scheme only',
    request({ headers: { authorization: 'ACS3-HMAC-SHA256 Credential=x' } }),
  ],
  [
    'a form body that is not declared as a form',
    request({ body: Buffer.from('Action=X&Signature=y') }),
  ],
  ['an empty POST', request({})],
];

for (const [name, req] of CLAIMED) {
  test(`case=claims ${name}`, () => {
    assert.equal(claims(req), true);
    assert.equal(hasTencentMarker(req), true);
  });
}
for (const [name, req] of NOT_CLAIMED) {
  test(`case=no Tencent marker in ${name}`, () => assert.equal(hasTencentMarker(req), false));
}

/** Unmarked `/` requests are still answered here, in the envelope the Tencent SDKs can read. */
const FALLBACK = new Set([
  'Action without Signature or SecretId',
  'Signature without Action',
  'X-TC-Action on PUT',
  'another Authorization scheme only',
  'a form body that is not declared as a form',
  'an empty POST',
]);
for (const [name, req] of NOT_CLAIMED) {
  test(`case=${FALLBACK.has(name) ? 'answers as the fallback' : 'leaves alone'} ${name}`, () =>
    assert.equal(claims(req), FALLBACK.has(name)));
}

test('case=claims never throws on undecodable input', () => {
  const bad = request({
    method: 'GET',
    rawQuery: 'Action=%E5%ZZ&Signature=%',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: Buffer.from([0xff, 0xfe, 0x25]),
  });
  assert.equal(claims(bad), true);
});
