/**
 * The code table: every OutcomeCode rendered for every served action (and before parsing), every
 * BizCode/SubCode of spec aliyun.md §4.2 reachable, the §4.3 information-verification Codes and
 * the §10 gateway errors with their HTTP statuses.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CARD_STATES,
  OUTCOME_CODES,
  type Outcome,
  type OutcomeCode,
  outcome,
} from '../../../src/core/outcomes.ts';
import {
  type Family,
  MATERIALS_FAMILIES,
  SERVED,
} from '../../../src/dialects/aliyun-cloudauth/actions.ts';
import { CARD_SUBCODES, CODES } from '../../../src/dialects/aliyun-cloudauth/codes.ts';
import { parse } from '../../../src/dialects/aliyun-cloudauth/framing.ts';
import { render } from '../../../src/dialects/aliyun-cloudauth/response-map.ts';
import { isRefusal } from '../../../src/http/dialect.ts';
import type { WireRequest } from '../../../src/http/wire.ts';
import { rpcRequest } from './fixtures.ts';
import type { Json } from './wire-client.ts';

const REQUEST_ID = '3c85e634-24f4-5242-89b9-4e9453fc6d2b';

const renderFor = (request: WireRequest, o: Outcome, withParsed = true) => {
  const parsed = parse(request);
  assert.ok(!withParsed || !isRefusal(parsed), JSON.stringify(parsed));
  const response = render({
    requestId: REQUEST_ID,
    request,
    outcome: o,
    ...(withParsed && !isRefusal(parsed) && { parsed }),
  });
  return { response, body: JSON.parse(String(response.body)) as Json };
};

const renderAction = (action: string, o: Outcome) => renderFor(rpcRequest({ action }), o);

/** One representative outcome (with facts) per code. */
const SAMPLE: Record<OutcomeCode, Outcome> = {
  match: outcome('match', { carrier: 'CMCC' }),
  mismatch: outcome('mismatch', { mismatch: 'name', carrier: 'CMCC' }),
  not_found: outcome('not_found'),
  card_refused: outcome('card_refused', { cardState: 'lost' }),
  invalid_id_number: outcome('invalid_id_number', { idProblem: 'checksum' }),
  invalid_name: outcome('invalid_name'),
  invalid_bank_card: outcome('invalid_bank_card'),
  invalid_phone: outcome('invalid_phone'),
  invalid_validity: outcome('invalid_validity'),
  unsupported_cert_type: outcome('unsupported_cert_type'),
  unsupported_number_range: outcome('unsupported_number_range'),
  authority_unavailable: outcome('authority_unavailable'),
  authority_upgrading: outcome('authority_upgrading'),
  attempt_limit: outcome('attempt_limit'),
  no_portrait: outcome('no_portrait'),
  no_face: outcome('no_face'),
  several_faces: outcome('several_faces'),
  poor_quality: outcome('poor_quality', { quality: 'too_dark' }),
  liveness_failed: outcome('liveness_failed', { liveness: { score: 0.1, threshold: 0.5 } }),
  image_invalid: outcome('image_invalid'),
  image_too_large: outcome('image_too_large'),
  image_unavailable: outcome('image_unavailable'),
  card_unreadable: outcome('card_unreadable', { cardProblem: 'blurred' }),
  card_mismatch: outcome('card_mismatch', { mismatch: 'name' }),
  card_expired: outcome('card_expired'),
  card_not_original: outcome('card_not_original'),
  risk_rejected: outcome('risk_rejected', { risk: 'not_account_holder' }),
  unknown_biz_type: outcome('unknown_biz_type'),
  already_passed: outcome('already_passed'),
  no_result: outcome('no_result'),
  unsigned: outcome('unsigned'),
  malformed_signature: outcome('malformed_signature'),
  bad_signature: outcome('bad_signature'),
  signature_expired: outcome('signature_expired'),
  unknown_credential: outcome('unknown_credential'),
  credential_mismatch: outcome('credential_mismatch'),
  app_disabled: outcome('app_disabled'),
  replay: outcome('replay'),
  rate_limited: outcome('rate_limited', { retryAfter: 1 }),
  quota_exhausted: outcome('quota_exhausted'),
  payload_too_large: outcome('payload_too_large'),
  malformed_request: outcome('malformed_request', { parameter: 'Body' }),
  missing_parameter: outcome('missing_parameter', { parameter: 'UserName' }),
  invalid_parameter: outcome('invalid_parameter', { parameter: 'ParamType' }),
  unknown_action: outcome('unknown_action'),
  unsupported_version: outcome('unsupported_version'),
  service_unavailable: outcome('service_unavailable'),
  internal: outcome('internal'),
};

type Expect = {
  status: number;
  code: string;
  biz?: string;
  sub?: string;
  /** Face flow: ResultObject.Passed. */
  passed?: 'T' | 'F';
  /** CompareFaces / DetectFaceAttributes success: Success true and a Data object. */
  data?: true;
};
const ok = (biz: string, sub?: string): Expect => ({
  status: 200,
  code: '200',
  biz,
  ...(sub && { sub }),
});
const info = (code: string): Expect => ({ status: 200, code });
const gw = (status: number, code: string): Expect => ({ status, code });
const passed = (sub: string): Expect => ({ status: 200, code: '200', passed: 'T', sub });
const failed = (sub: string): Expect => ({ status: 200, code: '200', passed: 'F', sub });
const DATA: Expect = { status: 200, code: '200', data: true };
const LEGACY_ERROR = gw(400, 'Error.InternalError');
const INTERNAL = gw(500, 'InternalError');

const isInfo = (f: Family) => f === 'id2' || f === 'bank' || f.startsWith('mobile');
/** Information checks keep their table; the face flow gets `flow`; the legacy actions `legacy`. */
const byFamily =
  (infoRule: (f: Family) => Expect, flow: Expect, legacy: Expect | ((f: Family) => Expect)) =>
  (f: Family): Expect => {
    if (isInfo(f)) return infoRule(f);
    if (f === 'faceFlow') return flow;
    return typeof legacy === 'function' ? legacy(f) : legacy;
  };
/** A face outcome: never produced by the information checks (InternalError there). */
const faceOnly = (flow: Expect, compare: Expect, detect: Expect) =>
  byFamily(
    () => INTERNAL,
    flow,
    (f) => (f === 'compare' ? compare : detect),
  );

/** The expected wire code of each sample, per action family (spec §4.2–4.4, §10). */
const EXPECTED: Record<OutcomeCode, (f: Family) => Expect> = {
  match: byFamily(
    (f) => ok('1', f === 'bank' || f === 'mobileDetail' ? '101' : undefined),
    passed('200'),
    DATA,
  ),
  mismatch: byFamily(
    (f) => ok('2', f === 'bank' ? '201' : f === 'mobileDetail' ? '203' : undefined),
    failed('201'),
    (f) => (f === 'compare' ? DATA : INTERNAL),
  ),
  not_found: byFamily(
    (f) => ok('3', f === 'bank' ? '304' : f === 'mobileDetail' ? '301' : undefined),
    failed('202'),
    INTERNAL,
  ),
  card_refused: (f) => (f === 'bank' ? ok('2', '210') : INTERNAL),
  invalid_id_number: byFamily(() => info('401'), info('401'), INTERNAL),
  invalid_name: byFamily(() => info('401'), info('401'), INTERNAL),
  invalid_bank_card: byFamily(() => info('401'), info('401'), INTERNAL),
  invalid_phone: byFamily(() => info('401'), info('401'), INTERNAL),
  invalid_validity: byFamily(() => info('401'), info('401'), INTERNAL),
  unsupported_cert_type: byFamily(() => info('401'), info('401'), INTERNAL),
  unsupported_number_range: byFamily(() => info('405'), info('405'), INTERNAL),
  authority_unavailable: byFamily(() => info('402'), info('417'), INTERNAL),
  authority_upgrading: byFamily(() => info('402'), info('417'), INTERNAL),
  attempt_limit: byFamily(
    (f) => (f === 'bank' ? ok('3', '306') : info('403')),
    info('418'),
    INTERNAL,
  ),
  no_portrait: faceOnly(failed('203'), INTERNAL, INTERNAL),
  no_face: faceOnly(info('401'), gw(400, 'Error.NoFaceDetected'), DATA),
  several_faces: faceOnly(info('401'), LEGACY_ERROR, INTERNAL),
  poor_quality: faceOnly(info('401'), LEGACY_ERROR, INTERNAL),
  liveness_failed: faceOnly(failed('205'), INTERNAL, INTERNAL),
  image_invalid: faceOnly(
    info('401'),
    gw(400, 'InvalidParam.ImageValuePatternError'),
    gw(400, 'Error.DetectFaceAttributesBase64Error'),
  ),
  image_too_large: faceOnly(
    info('401'),
    gw(400, 'InvalidParam.ImageValuePatternError'),
    gw(400, 'Error.DetectFaceAttributesParamError'),
  ),
  image_unavailable: faceOnly(
    info('401'),
    gw(400, 'InvalidParam.ImageNotFound'),
    gw(400, 'Error.DetectFaceAttributesHttpError'),
  ),
  // The ID-card and materials outcomes belong to the legacy real-person actions
  // (materials-units.test.ts); every other action answers them with InternalError.
  card_unreadable: () => INTERNAL,
  card_mismatch: () => INTERNAL,
  card_expired: () => INTERNAL,
  card_not_original: () => INTERNAL,
  risk_rejected: () => INTERNAL,
  unknown_biz_type: () => INTERNAL,
  already_passed: () => INTERNAL,
  no_result: () => INTERNAL,
  unsigned: () => gw(400, 'IncompleteSignature'),
  malformed_signature: () => gw(400, 'IncompleteSignature'),
  bad_signature: () => gw(400, 'SignatureDoesNotMatch'),
  signature_expired: () => gw(400, 'InvalidTimeStamp.Expired'),
  unknown_credential: () => gw(404, 'InvalidAccessKeyId.NotFound'),
  credential_mismatch: () => gw(400, 'InvalidSecurityToken.MismatchWithAccessKey'),
  app_disabled: () => gw(400, 'InvalidAccessKeyId.Inactive'),
  replay: () => gw(400, 'SignatureNonceUsed'),
  rate_limited: () => gw(400, 'Throttling.User'),
  quota_exhausted: byFamily(() => info('412'), info('412'), gw(403, 'Error.NoPermissionAccess')),
  payload_too_large: () => gw(413, 'InvalidParameter'),
  malformed_request: () => gw(400, 'InvalidParameter'),
  missing_parameter: byFamily(
    () => info('400'),
    info('400'),
    gw(400, 'InvalidParam.ParamsMissing'),
  ),
  invalid_parameter: byFamily(
    () => info('401'),
    info('401'),
    (f) =>
      f === 'compare'
        ? gw(400, 'InvalidParameter')
        : gw(400, 'Error.DetectFaceAttributesParamError'),
  ),
  unknown_action: () => gw(404, 'InvalidAction.NotFound'),
  unsupported_version: () => gw(400, 'InvalidVersion'),
  service_unavailable: () => gw(503, 'ServiceUnavailable'),
  internal: () => INTERNAL,
};

const check = (response: ReturnType<typeof renderFor>, expected: Expect, family?: Family) => {
  const { response: r, body } = response;
  assert.equal(r.status, expected.status);
  assert.equal(body.Code, expected.code);
  assert.equal(body.RequestId, REQUEST_ID.toUpperCase());
  assert.equal(r.headers['x-acs-request-id'], REQUEST_ID.toUpperCase());
  assert.equal(r.headers['content-type'], 'application/json;charset=utf-8');
  assert.equal(typeof body.Message, 'string');
  if (expected.status >= 400) {
    assert.deepEqual(Object.keys(body), ['RequestId', 'HostId', 'Code', 'Message', 'Recommend']);
    assert.match(body.Code, /^[A-Za-z]/); // never a numeric "success-looking" code
    return;
  }
  if (expected.code !== '200') {
    assert.equal(body.ResultObject, undefined);
    return;
  }
  assert.equal(body.Message, 'success');
  if (expected.data) {
    assert.deepEqual([body.Success, typeof body.Data], [true, 'object']);
    return;
  }
  if (expected.passed) {
    assert.deepEqual(
      [body.ResultObject.Passed, body.ResultObject.SubCode],
      [expected.passed, expected.sub],
    );
    assert.match(body.ResultObject.CertifyId, /^[0-9a-f]{32}$/);
    return;
  }
  assert.equal(body.ResultObject.BizCode, expected.biz);
  assert.equal(body.ResultObject.SubCode, expected.sub);
  const mobile = family === 'mobileSimple' || family === 'mobileDetail';
  assert.equal('IspName' in body.ResultObject, mobile && expected.biz !== '3');
};

describe('every outcome for every served action', () => {
  // The legacy real-person actions answer in their own shape: materials-units.test.ts.
  for (const [action, served] of SERVED) {
    if (MATERIALS_FAMILIES.has(served.family)) continue;
    for (const code of OUTCOME_CODES) {
      test(`case=${action} ${code}`, () => {
        check(renderAction(action, SAMPLE[code]), EXPECTED[code](served.family), served.family);
      });
    }
  }
});

describe('every outcome before parsing succeeded', () => {
  const GATEWAY_BEFORE_PARSE: Partial<Record<OutcomeCode, Expect>> = {
    missing_parameter: gw(400, 'MissingParameter'),
    invalid_parameter: gw(400, 'InvalidParameter'),
  };
  for (const code of OUTCOME_CODES) {
    test(`case=unparsed ${code}`, () => {
      const request = rpcRequest({ action: 'NoSuchAction' });
      const rendered = renderFor(request, SAMPLE[code], false);
      const fromTable = EXPECTED[code]('id2');
      const expected =
        GATEWAY_BEFORE_PARSE[code] ??
        (fromTable.status === 200 ? gw(500, 'InternalError') : fromTable);
      check(rendered, expected);
    });
  }

  test('case=Timestamp format', () => {
    const request = rpcRequest({ action: 'Id2MetaVerify', timestamp: 'yesterday' });
    const o = outcome('invalid_parameter', { parameter: 'Timestamp' });
    check(renderFor(request, o, false), gw(400, 'InvalidTimeStamp.Format'));
    const acs3 = outcome('invalid_parameter', { parameter: 'x-acs-date' });
    check(renderFor(request, acs3, false), gw(400, 'InvalidTimeStamp.Format'));
  });

  test('case=known Cloudauth action not served yet', () => {
    for (const action of [
      'DescribeVerifyToken',
      'InitFaceVerify',
      'DescribeFaceVerify',
      'CompareFaceVerify',
    ]) {
      const { response, body } = renderFor(
        rpcRequest({ action }),
        outcome('unknown_action'),
        false,
      );
      assert.equal(response.status, 400);
      assert.equal(body.Code, 'Forbidden.NotSupported');
      assert.match(body.Message, new RegExp(`"${action}" is not served by shiming yet`));
    }
  });

  test('case=messages are the fixed Alibaba strings', () => {
    const message = (o: Outcome) => renderFor(rpcRequest({ action: 'X' }), o, false).body.Message;
    assert.equal(
      message(outcome('bad_signature')),
      'Specified signature is not matched with our calculation.',
    );
    assert.equal(
      message(outcome('signature_expired')),
      'Specified time stamp or date value is expired.',
    );
    assert.equal(message(outcome('replay')), 'Specified signature nonce was used already.');
    assert.equal(message(outcome('unknown_credential')), 'Specified access key is not found.');
    assert.equal(
      message(outcome('unknown_action')),
      'Specified api is not found, please check your url and method.',
    );
    assert.equal(
      message(outcome('unsupported_version')),
      'Specified parameter Version is not valid.',
    );
    assert.equal(
      message(outcome('missing_parameter', { parameter: 'Timestamp' })),
      'The input parameter "Timestamp" that is mandatory for processing this request is not supplied.',
    );
  });
});

describe('BizCode / SubCode tables (§4.2)', () => {
  test('case=every card state has its BankMetaVerify SubCode', () => {
    const expected: Record<string, string> = {
      holder_info_wrong: '201',
      no_card_not_present: '202',
      expired: '203',
      restricted: '204',
      confiscated: '205',
      invalid: '206',
      no_issuer: '207',
      dormant: '208',
      fraud: '209',
      lost: '210',
      pin_locked: '211',
      issuer_refused: '212',
      abnormal: '213',
      no_reserved_phone: '214',
      wrong_credentials: '215',
      other: '216',
      service_unsupported: '301',
      bank_unavailable: '302',
      phone_check_unsupported: '303',
    };
    for (const cardState of CARD_STATES.filter((s) => s !== 'normal')) {
      const { body } = renderAction('BankMetaVerify', outcome('card_refused', { cardState }));
      const sub = expected[cardState]!;
      assert.equal(body.ResultObject.SubCode, sub, cardState);
      assert.equal(body.ResultObject.BizCode, sub.startsWith('3') ? '3' : '2', cardState);
    }
    assert.equal(Object.keys(CARD_SUBCODES).length, CARD_STATES.length - 1);
  });

  test('case=every documented BankMetaVerify SubCode is produced', () => {
    const produced = new Set<string>();
    const outcomes = [
      ...OUTCOME_CODES.map((c) => SAMPLE[c]),
      ...CARD_STATES.map((cardState) => outcome('card_refused', { cardState })),
      outcome('card_refused'),
    ];
    for (const o of outcomes) {
      const { body } = renderAction('BankMetaVerify', o);
      if (body.ResultObject?.SubCode) produced.add(body.ResultObject.SubCode);
    }
    const documented = [
      '101',
      ...Array.from({ length: 16 }, (_, i) => String(201 + i)),
      '301',
      '302',
      '303',
      '304',
      '305',
      '306',
    ];
    assert.deepEqual([...produced].sort(), documented.sort());
  });

  test('case=Mobile3MetaDetail SubCodes by mismatch field', () => {
    const cases: Array<[Outcome, string, string]> = [
      [outcome('match', { carrier: 'CUCC' }), '1', '101'],
      [outcome('mismatch', { mismatch: 'name_and_id_number', carrier: 'CUCC' }), '2', '201'],
      [outcome('mismatch', { mismatch: 'id_number', carrier: 'CUCC' }), '2', '202'],
      [outcome('mismatch', { mismatch: 'name', carrier: 'CUCC' }), '2', '203'],
      [outcome('mismatch', { mismatch: 'other', carrier: 'CUCC' }), '2', '204'],
      [outcome('not_found', { carrier: 'CUCC' }), '3', '301'],
    ];
    for (const action of ['Mobile3MetaDetailVerify', 'Mobile3MetaDetailStandardVerify']) {
      for (const [o, biz, sub] of cases) {
        const { body } = renderAction(action, o);
        assert.deepEqual(body.ResultObject, { BizCode: biz, SubCode: sub, IspName: 'CUCC' });
      }
    }
  });

  test('case=simple mobile actions report BizCode and IspName only', () => {
    const { body } = renderAction(
      'Mobile3MetaSimpleVerify',
      outcome('mismatch', { mismatch: 'name', carrier: 'CTCC' }),
    );
    assert.deepEqual(body.ResultObject, { BizCode: '2', IspName: 'CTCC' });
  });

  test('case=China Broadnet numbers: Standard variants only', () => {
    const cbcc = outcome('match', { carrier: 'CBCC' });
    for (const action of ['Mobile3MetaSimpleVerify', 'Mobile3MetaDetailVerify']) {
      assert.equal(renderAction(action, cbcc).body.Code, '405');
    }
    for (const action of ['Mobile3MetaSimpleStandardVerify', 'Mobile3MetaDetailStandardVerify']) {
      assert.equal(renderAction(action, cbcc).body.ResultObject.IspName, 'CBCC');
    }
  });

  test('case=Id2Meta actions report BizCode only', () => {
    for (const action of ['Id2MetaVerify', 'Id2MetaStandardVerify', 'Id2MetaPeriodVerify']) {
      const { body } = renderAction(action, outcome('mismatch', { mismatch: 'validity' }));
      assert.deepEqual(body.ResultObject, { BizCode: '2' });
    }
  });
});

describe('information-verification Codes (§4.3)', () => {
  test('case=messages name the parameter', () => {
    const { body } = renderAction(
      'BankMetaVerify',
      outcome('missing_parameter', { parameter: 'BankCard' }),
    );
    assert.deepEqual(Object.keys(body), ['RequestId', 'Code', 'Message']);
    assert.equal(body.Message, '参数不能为空: BankCard');
    assert.equal(
      renderAction('Id2MetaVerify', SAMPLE.invalid_id_number).body.Message,
      '参数非法: IdentifyNum',
    );
    assert.equal(renderAction('Id2MetaVerify', SAMPLE.quota_exhausted).body.Message, '欠费中');
    assert.equal(
      renderAction('Id2MetaVerify', SAMPLE.authority_unavailable).body.Message,
      '权威源服务异常',
    );
  });

  test('case=throttling carries x-acs-retry-after in ms', () => {
    const { response } = renderAction('Id2MetaVerify', outcome('rate_limited', { retryAfter: 2 }));
    assert.equal(response.headers['x-acs-retry-after'], '2000');
    const { response: noHint } = renderAction('Id2MetaVerify', outcome('rate_limited'));
    assert.equal(noHint.headers['x-acs-retry-after'], '1000');
  });

  test('case=the table has an entry for every outcome', () => {
    assert.deepEqual(Object.keys(CODES).sort(), [...OUTCOME_CODES].sort());
  });
});
