/**
 * The legacy real-person actions without a server (spec aliyun.md §4.1, §4.4, §5.1, §9.1; seed
 * 004): VerifyMaterial / VerifyMaterials / DescribeVerifyResult request fields → core commands
 * (materials-map.ts), every outcome → VerifyStatus or HTTP error (materials-codes.ts) and the
 * bodies (materials-render.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type IdCardFacts,
  type MaterialsFacts,
  OUTCOME_CODES,
  type Outcome,
  type OutcomeCode,
  type OutcomeFacts,
  outcome,
} from '../../../src/core/outcomes.ts';
import { parse } from '../../../src/dialects/aliyun-cloudauth/framing.ts';
import { VERIFY_STATUS } from '../../../src/dialects/aliyun-cloudauth/materials-codes.ts';
import { toCommand } from '../../../src/dialects/aliyun-cloudauth/request-map.ts';
import { render } from '../../../src/dialects/aliyun-cloudauth/response-map.ts';
import { isRefusal } from '../../../src/http/dialect.ts';
import { rpcRequest } from './fixtures.ts';
import type { Json } from './wire-client.ts';

const REQUEST_ID = '3c85e634-24f4-5242-89b9-4e9453fc6d2b';
const FACE = 'https://img.example.test/face.jpg';
const FRONT = 'https://img.example.test/front.jpg';
const BACK = 'https://img.example.test/back.jpg';
const ZHANG = { Name: '张三', IdCardNumber: '110105199003070017' };
const TASK = { BizType: 'shop', BizId: 'order-42' };
const SUBMIT = { ...TASK, ...ZHANG, FaceImageUrl: FACE };

type Action = 'VerifyMaterial' | 'VerifyMaterials' | 'DescribeVerifyResult';

const parsedFor = (action: Action, business: Record<string, string>, format = 'JSON') => {
  const parsed = parse(rpcRequest({ action, business, extra: { Format: format } }));
  assert.ok(!isRefusal(parsed), JSON.stringify(parsed));
  return parsed;
};
const commandFor = (action: Action, business: Record<string, string>) =>
  toCommand(parsedFor(action, business));
const refusalOf = (action: Action, business: Record<string, string>) => {
  const command = commandFor(action, business);
  assert.ok(isRefusal(command), JSON.stringify(command));
  return command.refused;
};

const renderFor = (action: Action, o: Outcome, business: Record<string, string> = SUBMIT) => {
  const request = rpcRequest({ action, business });
  const parsed = parse(request);
  assert.ok(!isRefusal(parsed));
  const response = render({ requestId: REQUEST_ID, request, parsed, outcome: o });
  return { response, body: JSON.parse(String(response.body)) as Json };
};

// ---- request ----

describe('VerifyMaterial / VerifyMaterials request', () => {
  test('case=required fields; URLs become image inputs; the seed name is the same action', () => {
    for (const action of ['VerifyMaterial', 'VerifyMaterials'] as const) {
      assert.deepEqual(commandFor(action, SUBMIT), {
        kind: 'materials.verify',
        bizType: 'shop',
        bizId: 'order-42',
        name: '张三',
        idNumber: '110105199003070017',
        face: { url: FACE },
      });
    }
  });

  test('case=optional card sides and UserId', () => {
    const all = { ...SUBMIT, IdCardFrontImageUrl: FRONT, IdCardBackImageUrl: BACK, UserId: 'u1' };
    assert.deepEqual(commandFor('VerifyMaterial', all), {
      kind: 'materials.verify',
      bizType: 'shop',
      bizId: 'order-42',
      name: '张三',
      idNumber: '110105199003070017',
      face: { url: FACE },
      front: { url: FRONT },
      back: { url: BACK },
      userId: 'u1',
    });
    const empty = { ...SUBMIT, IdCardFrontImageUrl: '', UserId: '' };
    assert.equal('front' in (commandFor('VerifyMaterial', empty) as object), false);
  });

  test('case=missing or empty required parameters, in order', () => {
    for (const name of ['BizType', 'BizId', 'Name', 'IdCardNumber', 'FaceImageUrl']) {
      const { [name]: _, ...rest } = SUBMIT as Record<string, string>;
      assert.deepEqual(refusalOf('VerifyMaterial', rest), {
        code: 'missing_parameter',
        facts: { parameter: name },
      });
      assert.equal(
        refusalOf('VerifyMaterial', { ...SUBMIT, [name]: '' }).facts?.parameter,
        name,
        name,
      );
    }
  });

  test('case=BizId of at most 64 characters', () => {
    assert.ok(!isRefusal(commandFor('VerifyMaterial', { ...SUBMIT, BizId: 'b'.repeat(64) })));
    assert.deepEqual(refusalOf('VerifyMaterial', { ...SUBMIT, BizId: 'b'.repeat(65) }), {
      code: 'invalid_parameter',
      facts: { parameter: 'BizId' },
    });
  });

  test('case=image addresses: http(s) only; oss:// cannot be read here', () => {
    assert.deepEqual(refusalOf('VerifyMaterial', { ...SUBMIT, FaceImageUrl: 'oss://b:f.jpg' }), {
      code: 'image_unavailable',
      facts: { parameter: 'FaceImageUrl' },
    });
    assert.deepEqual(refusalOf('VerifyMaterial', { ...SUBMIT, FaceImageUrl: '/9j/4AAQ' }), {
      code: 'invalid_parameter',
      facts: { parameter: 'FaceImageUrl' },
    });
    assert.deepEqual(
      refusalOf('VerifyMaterial', { ...SUBMIT, IdCardBackImageUrl: 'file:///etc/passwd' }),
      { code: 'invalid_parameter', facts: { parameter: 'IdCardBackImageUrl' } },
    );
    const http = commandFor('VerifyMaterial', { ...SUBMIT, FaceImageUrl: 'HTTP://x.test/a' });
    assert.deepEqual((http as { face: unknown }).face, { url: 'HTTP://x.test/a' });
  });
});

describe('DescribeVerifyResult request', () => {
  test('case=BizType and BizId', () => {
    assert.deepEqual(commandFor('DescribeVerifyResult', TASK), {
      kind: 'materials.result',
      bizType: 'shop',
      bizId: 'order-42',
    });
    assert.equal(refusalOf('DescribeVerifyResult', { BizId: 'x' }).facts?.parameter, 'BizType');
    assert.equal(refusalOf('DescribeVerifyResult', { BizType: 'x' }).facts?.parameter, 'BizId');
    const long = { ...TASK, BizId: 'x'.repeat(65) };
    assert.equal(refusalOf('DescribeVerifyResult', long).code, 'invalid_parameter');
  });
});

// ---- VerifyStatus ----

const S = VERIFY_STATUS;
const FACE_SCORE = { cosine: Number.NaN, far: 1e-6 };

/** Every verdict outcome (with the facts that refine it) and its VerifyStatus (seed 004). */
const VERDICTS: Array<[string, Outcome, number]> = [
  ['passed', outcome('match', { face: FACE_SCORE }), S.passed],
  ['name and number disagree', outcome('mismatch', { mismatch: 'name' }), S.identity],
  ['no record', outcome('not_found'), S.identity],
  ['card unreadable, nothing read', outcome('card_unreadable', { cardProblem: 'blurred' }), 3],
  [
    'card unreadable, the number not read',
    outcome('card_unreadable', {
      cardProblem: 'unreadable',
      idCard: { name: '张三', warnings: [] },
    }),
    4,
  ],
  ['card glare', outcome('card_unreadable', { cardProblem: 'glare' }), 3],
  [
    'card read, but its portrait holds no face',
    outcome('card_unreadable', {
      cardProblem: 'unreadable',
      materials: {
        verifyToken: 't',
        status: 'card_unreadable',
        idCard: { name: '张三', idNumber: '110105199003070017', warnings: [] },
        submitted: { name: '张三', idNumber: '110105199003070017' },
      },
    }),
    8,
  ],
  ['no card in the photo', outcome('card_unreadable', { cardProblem: 'card_not_found' }), 8],
  ['card cut off', outcome('card_unreadable', { cardProblem: 'card_cut_off' }), 8],
  ['card too small', outcome('card_unreadable', { cardProblem: 'card_too_small' }), 8],
  ['back instead of front', outcome('card_unreadable', { cardProblem: 'wrong_side' }), 8],
  ['card shows another name', outcome('card_mismatch', { mismatch: 'name' }), 3],
  ['card shows another number', outcome('card_mismatch', { mismatch: 'id_number' }), 4],
  ['card expired', outcome('card_expired'), S.cardExpired],
  [
    'face vs card portrait',
    outcome('mismatch', { mismatch: 'face', against: 'card', face: FACE_SCORE }),
    S.faceVsCard,
  ],
  [
    'face vs authority portrait',
    outcome('mismatch', { mismatch: 'face', against: 'authority', face: FACE_SCORE }),
    S.faceVsAuthority,
  ],
  ['card not original', outcome('card_not_original'), S.cardNotOriginal],
  [
    'not the account holder',
    outcome('risk_rejected', { risk: 'not_account_holder' }),
    S.notAccountHolder,
  ],
  ['a different person', outcome('risk_rejected', { risk: 'different_person' }), S.notThePerson],
  ['spoofed selfie', outcome('liveness_failed'), S.notThePerson],
  ['no portrait', outcome('no_portrait', { portraitProblem: 'missing' }), S.noPortrait],
  ['portrait unusable', outcome('no_portrait', { portraitProblem: 'unusable' }), S.noPortrait],
  ['authority unavailable', outcome('authority_unavailable'), S.authorityError],
  ['authority upgrading', outcome('authority_upgrading'), S.authorityError],
];

describe('VerifyStatus of every verdict (seed 004 numbering)', () => {
  for (const [description, o, expected] of VERDICTS) {
    test(`case=VerifyMaterial ${description}`, () => {
      const { response, body } = renderFor('VerifyMaterial', o);
      assert.equal(response.status, 200);
      assert.equal(body.VerifyStatus, expected);
      assert.equal(body.Code, undefined, 'the legacy shape has no Code');
    });
  }

  test('case=the seed numbers 12 and 13 are used, 11 never', () => {
    const produced = new Set(VERDICTS.map(([, , s]) => s));
    assert.deepEqual(
      [...produced].sort((a, b) => a - b),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13],
    );
  });
});

describe('VerifyMaterials: the seed name, shape and error codes', () => {
  test('case=Data + Success + Code 200', () => {
    const { response, body } = renderFor('VerifyMaterials', outcome('match'));
    assert.equal(response.status, 200);
    assert.deepEqual(Object.keys(body), ['RequestId', 'Data', 'Success', 'Code']);
    assert.deepEqual([body.Success, body.Code, body.Data.VerifyStatus], [true, '200', 1]);
    assert.match(body.Data.VerifyToken, /^[0-9a-f]{32}$/);
  });

  const errors: Array<[string, Outcome, string]> = [
    ['name and number disagree', outcome('mismatch', { mismatch: 'name' }), '3101'],
    ['neither matches', outcome('mismatch', { mismatch: 'name_and_id_number' }), '3101'],
    ['no record', outcome('not_found'), '3102'],
    ['invalid number', outcome('invalid_id_number', { idProblem: 'checksum' }), '3103'],
  ];
  for (const [description, o, code] of errors) {
    test(`case=VerifyMaterials ${description} → ${code}`, () => {
      const { response, body } = renderFor('VerifyMaterials', o);
      assert.deepEqual([response.status, body.Code], [400, code]);
      assert.deepEqual(Object.keys(body), ['RequestId', 'HostId', 'Code', 'Message', 'Recommend']);
    });
  }

  test('case=VerifyMaterial reports the identity check as VerifyStatus 2, the bad number as 3103', () => {
    assert.equal(renderFor('VerifyMaterial', outcome('not_found')).body.VerifyStatus, 2);
    const bad = renderFor('VerifyMaterial', outcome('invalid_id_number'));
    assert.deepEqual([bad.response.status, bad.body.Code], [400, '3103']);
  });

  test('case=XML root is the action as named', () => {
    const request = rpcRequest({
      action: 'VerifyMaterials',
      business: SUBMIT,
      extra: { Format: 'XML' },
    });
    const parsed = parse(request);
    assert.ok(!isRefusal(parsed));
    const response = render({ requestId: REQUEST_ID, request, parsed, outcome: outcome('match') });
    const xml = String(response.body);
    assert.match(xml, /^<\?xml[^>]*\?><VerifyMaterialsResponse><RequestId>/);
    assert.match(
      xml,
      /<Data><VerifyToken>[0-9a-f]{32}<\/VerifyToken><VerifyStatus>1<\/VerifyStatus>/,
    );
    assert.match(xml, /<Success>true<\/Success><Code>200<\/Code><\/VerifyMaterialsResponse>$/);
  });
});

// ---- every outcome renders ----

/** Outcomes that are refusals, not verdicts: HTTP error and code, for VerifyMaterial. */
const REFUSALS: Partial<Record<OutcomeCode, [number, string]>> = {
  invalid_id_number: [400, '3103'],
  unsupported_cert_type: [400, '3103'],
  invalid_name: [400, 'InvalidParameter'],
  no_face: [400, 'InvalidParam.MaterialsNotValid'],
  several_faces: [400, 'InvalidParam.MaterialsNotValid'],
  poor_quality: [400, 'InvalidParam.MaterialsNotValid'],
  image_invalid: [400, 'InvalidParam.MaterialsNotValid'],
  image_too_large: [400, 'InvalidParam.MaterialsNotValid'],
  image_unavailable: [400, 'InvalidParam.MaterialsNotValid'],
  attempt_limit: [401, 'Error.InternalError'],
  unknown_biz_type: [404, 'InvalidBizType.NotFound'],
  already_passed: [400, 'Error.DuplicatedTicketId'],
  quota_exhausted: [403, 'Error.NoPermissionAccess'],
  missing_parameter: [400, 'MissingParameter'],
  invalid_parameter: [400, 'InvalidParameter'],
  rate_limited: [400, 'Throttling.User'],
  service_unavailable: [503, 'ServiceUnavailable'],
};

describe('every outcome on the three actions', () => {
  for (const action of ['VerifyMaterial', 'VerifyMaterials', 'DescribeVerifyResult'] as const) {
    for (const code of OUTCOME_CODES) {
      test(`case=${action} ${code}`, () => {
        const business = action === 'DescribeVerifyResult' ? TASK : SUBMIT;
        const { response, body } = renderFor(action, outcome(code), business);
        assert.equal(body.RequestId, REQUEST_ID.toUpperCase());
        if (response.status === 200) {
          assert.equal(typeof (body.Data ?? body).VerifyStatus, 'number');
          return;
        }
        assert.match(body.Code, /^([A-Za-z]|31\d\d$)/);
        assert.deepEqual(Object.keys(body), [
          'RequestId',
          'HostId',
          'Code',
          'Message',
          'Recommend',
        ]);
        const expected = REFUSALS[code];
        if (expected && action === 'VerifyMaterial') {
          assert.deepEqual([response.status, body.Code], expected);
        }
      });
    }
  }

  test('case=no verdict outcome becomes a success by accident', () => {
    const verdicts = new Set(VERDICTS.map(([, o]) => o.code));
    for (const code of OUTCOME_CODES) {
      const { response } = renderFor('VerifyMaterial', outcome(code));
      assert.equal(response.status === 200, verdicts.has(code), code);
    }
  });
});

// ---- bodies ----

const CARD: IdCardFacts = {
  name: '张三',
  sex: '男',
  nation: '汉',
  birthDate: '1990-03-07',
  address: '北京市朝阳区建国路1号',
  idNumber: '110105199003070017',
  authority: '北京市公安局朝阳分局',
  validFrom: '2015-03-01',
  validTo: '长期',
  portrait: '/9j/4AAQ',
  warnings: [],
  quality: 0.9,
};

const STORED: MaterialsFacts = {
  verifyToken: 'c302c0797679457685410ee51a5ba375',
  status: 'match',
  authorityScore: { cosine: 0.7, far: 1e-5 },
  cardScore: { cosine: 0.6, far: 1e-4 },
  idCard: CARD,
  submitted: { name: '张三', idNumber: '110105199003070017', faceUrl: FACE, frontUrl: FRONT },
};

describe('bodies', () => {
  test('case=VerifyMaterial: token, both score spellings, Material with the card read', () => {
    const { body } = renderFor('VerifyMaterial', outcome('match', { materials: STORED }));
    assert.deepEqual(body, {
      RequestId: REQUEST_ID.toUpperCase(),
      VerifyToken: STORED.verifyToken,
      VerifyStatus: 1,
      AuthorityComparisionScore: 95,
      AuthorityComparisonScore: 95,
      IdCardFaceComparisonScore: 90,
      Material: {
        FaceImageUrl: FACE,
        IdCardName: '张三',
        IdCardNumber: '110105199003070017',
        IdCardInfo: {
          FrontImageUrl: FRONT,
          Name: '张三',
          Number: '110105199003070017',
          Sex: '男',
          Nationality: '汉',
          Address: '北京市朝阳区建国路1号',
          Birth: '19900307',
          StartDate: '20150301',
          EndDate: '长期',
          Authority: '北京市公安局朝阳分局',
        },
      },
    });
  });

  test('case=VerifyMaterials: the seed dates yyyy-MM-dd inside Data', () => {
    const { body } = renderFor('VerifyMaterials', outcome('match', { materials: STORED }));
    assert.equal(body.Data.Material.IdCardInfo.StartDate, '2015-03-01');
    assert.equal(body.Data.AuthorityComparisonScore, 95);
  });

  test('case=without a stored task: the request echoed, the score on its side', () => {
    const onCard = outcome('mismatch', {
      mismatch: 'face',
      against: 'card',
      face: { cosine: 0.1, far: 0.01 },
    });
    const { body } = renderFor('VerifyMaterial', onCard, { ...SUBMIT, IdCardFrontImageUrl: FRONT });
    assert.equal(body.VerifyStatus, 6);
    assert.equal(body.IdCardFaceComparisonScore, 60);
    assert.equal(body.AuthorityComparisionScore, undefined);
    assert.match(body.VerifyToken, /^[0-9a-f]{32}$/);
    assert.deepEqual(body.Material, {
      FaceImageUrl: FACE,
      IdCardName: '张三',
      IdCardNumber: '110105199003070017',
      IdCardInfo: { FrontImageUrl: FRONT },
    });
  });

  test('case=no comparison ran: no scores, no IdCardInfo without card photos', () => {
    const { body } = renderFor('VerifyMaterial', outcome('mismatch', { mismatch: 'name' }));
    assert.deepEqual(Object.keys(body).sort(), [
      'Material',
      'RequestId',
      'VerifyStatus',
      'VerifyToken',
    ]);
    assert.equal(body.Material.IdCardInfo, undefined);
  });
});

describe('DescribeVerifyResult', () => {
  const described = (o: Outcome) => renderFor('DescribeVerifyResult', o, TASK).body;

  test('case=no result: VerifyStatus -1 alone, HTTP 200, no Code', () => {
    assert.deepEqual(described(outcome('no_result')), {
      RequestId: REQUEST_ID.toUpperCase(),
      VerifyStatus: -1,
    });
  });

  test('case=a stored pass: scores and Material, no VerifyToken', () => {
    const body = described(outcome('match', { materials: STORED }));
    assert.equal(body.VerifyStatus, 1);
    assert.equal(body.VerifyToken, undefined);
    assert.deepEqual([body.AuthorityComparisionScore, body.IdCardFaceComparisonScore], [95, 90]);
    assert.equal(body.Material.IdCardInfo.Number, '110105199003070017');
  });

  const stored = (status: OutcomeCode, extra: Partial<MaterialsFacts> = {}): MaterialsFacts => ({
    verifyToken: 't',
    status,
    submitted: { name: '张三', idNumber: '110105199003070017' },
    ...extra,
  });

  test('case=the stored outcome itself: its own facts refine the status', () => {
    const facts: OutcomeFacts = {
      cardProblem: 'wrong_side',
      materials: stored('card_unreadable'),
    };
    assert.equal(described(outcome('card_unreadable', facts)).VerifyStatus, 8);
  });

  test('case=only facts.materials: the worse comparison is the one that failed', () => {
    const worseCard = stored('mismatch', {
      authorityScore: { cosine: 0.7, far: 1e-6 },
      cardScore: { cosine: 0.1, far: 0.2 },
    });
    assert.equal(described(outcome('match', { materials: worseCard })).VerifyStatus, 6);
    const worseAuthority = stored('mismatch', { authorityScore: { cosine: 0.1, far: 0.2 } });
    assert.equal(described(outcome('match', { materials: worseAuthority })).VerifyStatus, 7);
    assert.equal(described(outcome('match', { materials: stored('mismatch') })).VerifyStatus, 2);
    assert.equal(
      described(outcome('match', { materials: stored('card_expired') })).VerifyStatus,
      5,
    );
  });

  test('case=a task that ended without a verdict reads as not verified (-1)', () => {
    assert.equal(described(outcome('match', { materials: stored('no_face') })).VerifyStatus, -1);
  });

  test('case=unknown BizType', () => {
    const { response, body } = renderFor('DescribeVerifyResult', outcome('unknown_biz_type'), TASK);
    assert.deepEqual([response.status, body.Code], [404, 'InvalidBizType.NotFound']);
  });
});
