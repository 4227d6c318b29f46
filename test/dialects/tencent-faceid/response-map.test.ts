/** The envelope (spec tencent.md §0.4, §3.1, §4.5): HTTP 200, exact JSON type, trace id echoed. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Outcome, OUTCOME_CODES } from '../../../src/core/outcomes.ts';
import type { WireRequest } from '../../../src/http/wire.ts';
import type { Params } from '../../../src/dialects/tencent-faceid/params.ts';
import type { FaceIdParsed } from '../../../src/dialects/tencent-faceid/parse.ts';
import { render } from '../../../src/dialects/tencent-faceid/response-map.ts';
import type { ServedAction } from '../../../src/dialects/tencent-faceid/routes.ts';
import { AT, TRACE_ID, tc3Post } from './fixtures.ts';

const REQUEST_ID = '6c1f0c1e-2b5e-4c1e-9d55-0b3d9c7f1a10';

const parsedFor = (action: ServedAction, params: Params = {}): FaceIdParsed => ({
  action,
  params,
  credential: {
    scheme: 'tc3',
    secretId: 'AKID',
    date: '2023-11-14',
    service: 'faceid',
    signedHeaders: ['content-type', 'host'],
    signature: '0'.repeat(64),
    timestamp: 1700000000,
  },
});

const answer = (o: Outcome, parsed?: FaceIdParsed, request: WireRequest = tc3Post({})) => {
  const response = render({ requestId: REQUEST_ID, request, parsed, outcome: o });
  return {
    response,
    body: JSON.parse(String(response.body)) as { Response: Record<string, unknown> },
  };
};

test('case=a Result in a normal 200 response', () => {
  const { response, body } = answer({ code: 'match' }, parsedFor('IdCardVerification'));
  assert.equal(response.status, 200);
  assert.equal(response.headers['content-type'], 'application/json');
  assert.deepEqual(body, {
    Response: { Result: '0', Description: '姓名和身份证号一致', RequestId: REQUEST_ID },
  });
});

test('case=an Error inside the Response envelope, HTTP 200 still', () => {
  const { response, body } = answer({ code: 'bad_signature' }, parsedFor('IdCardVerification'));
  assert.equal(response.status, 200);
  assert.deepEqual(body, {
    Response: {
      Error: {
        Code: 'AuthFailure.SignatureFailure',
        Message:
          'The provided credentials could not be validated. Please check your signature is correct.',
      },
      RequestId: REQUEST_ID,
    },
  });
});

test('case=every outcome renders before parsing succeeded (parsed undefined)', () => {
  for (const code of OUTCOME_CODES) {
    const { response, body } = answer({ code });
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-type'], 'application/json');
    const error = body.Response.Error as { Code: string; Message: string };
    assert.ok(error.Code && error.Message, code);
    assert.equal(body.Response.RequestId, REQUEST_ID);
  }
});

test('case=unknown action: UnsupportedOperation for a FaceID action not served, InvalidAction otherwise', () => {
  const code = (action: string) =>
    (
      answer({ code: 'unknown_action' }, undefined, tc3Post({ action })).body.Response.Error as {
        Code: string;
      }
    ).Code;
  assert.equal(code('GetFaceIdToken'), 'UnsupportedOperation');
  assert.equal(code('LivenessRecognition'), 'UnsupportedOperation');
  assert.equal(code('DescribeInstances'), 'InvalidAction');
  const v1: WireRequest = { ...tc3Post({}), headers: {}, rawQuery: 'Action=DetectAuth&SecretId=x' };
  assert.equal(
    (answer({ code: 'unknown_action' }, undefined, v1).body.Response.Error as { Code: string })
      .Code,
    'UnsupportedOperation',
  );
});

test('case=X-TC-TraceId is echoed; absent or odd values are not', () => {
  assert.equal(
    answer({ code: 'match' }, parsedFor('IdCardVerification')).response.headers['x-tc-traceid'],
    TRACE_ID,
  );
  const without = tc3Post({ headers: { 'x-tc-traceid': undefined } });
  assert.equal(
    answer({ code: 'internal' }, undefined, without).response.headers['x-tc-traceid'],
    undefined,
  );
  const odd = tc3Post({ headers: { 'x-tc-traceid': 'a b' } });
  assert.equal(
    answer({ code: 'internal' }, undefined, odd).response.headers['x-tc-traceid'],
    undefined,
  );
});

test('case=PhoneVerification: Isp always, ResultDetail only in detailed mode on -4', () => {
  const brief = answer(
    { code: 'match', facts: { carrier: 'CUCC' } },
    parsedFor('PhoneVerification'),
  ).body.Response;
  assert.equal(brief.Isp, '联通');
  const mismatch = {
    code: 'mismatch',
    facts: { mismatch: 'id_number', carrier: 'CMCC' },
  } as Outcome;
  assert.equal(
    answer(mismatch, parsedFor('PhoneVerification')).body.Response.ResultDetail,
    undefined,
  );
  const detailed = answer(mismatch, parsedFor('PhoneVerification', { VerifyMode: '1' })).body
    .Response;
  assert.deepEqual(
    { Result: detailed.Result, Isp: detailed.Isp, ResultDetail: detailed.ResultDetail },
    { Result: '-4', Isp: '移动', ResultDetail: 'PhoneIdCardMismatch' },
  );
  const carrier = answer({ code: 'not_found' }, parsedFor('PhoneVerificationCTCC')).body.Response;
  assert.deepEqual({ Result: carrier.Result, Isp: carrier.Isp }, { Result: '-9', Isp: '' });
});

test('case=CheckBankCardInformation reports AccountBank and AccountType', () => {
  const match = {
    code: 'match',
    facts: { bankCard: { luhn: true, bankName: '中国建设银行', cardType: 'CC' } },
  } as Outcome;
  const body = answer(match, parsedFor('CheckBankCardInformation')).body.Response;
  assert.deepEqual(
    { Result: body.Result, AccountBank: body.AccountBank, AccountType: body.AccountType },
    { Result: '0', AccountBank: '中国建设银行', AccountType: 2 },
  );
  const unknown = answer(
    { code: 'not_found', facts: { bankCard: { luhn: true } } },
    parsedFor('CheckBankCardInformation'),
  );
  assert.deepEqual(
    {
      Result: unknown.body.Response.Result,
      AccountBank: unknown.body.Response.AccountBank,
      AccountType: unknown.body.Response.AccountType,
    },
    { Result: '-1', AccountBank: '', AccountType: null },
  );
});

test('case=MinorsVerification AgeRange', () => {
  const adult = answer(
    { code: 'match', facts: { adult: true } },
    parsedFor('MinorsVerification', { Type: '0' }),
  );
  assert.equal(adult.body.Response.AgeRange, '[18,+)');
  // Born 2015-06-01: 8 years old on 2023-11-14 (the pinned clock).
  const byId = parsedFor('MinorsVerification', {
    Type: '1',
    IdCard: '110101201506010053',
    Name: '刘小宝',
  });
  const minor = answer({ code: 'match', facts: { adult: false } }, byId, {
    ...tc3Post({}),
    receivedAt: AT,
  });
  assert.deepEqual([minor.body.Response.Result, minor.body.Response.AgeRange], ['-1', '[8,16)']);
  const byPhone = answer(
    { code: 'match', facts: { adult: false } },
    parsedFor('MinorsVerification', { Type: '0' }),
  );
  assert.equal(byPhone.body.Response.AgeRange, '[0,18)');
  const noRecord = answer({ code: 'not_found' }, parsedFor('MinorsVerification', { Type: '1' }));
  assert.equal(noRecord.body.Response.AgeRange, undefined);
});
