/**
 * The code table, exhaustively: every OutcomeCode (with every fact that refines it) for every
 * served action renders either a documented Result code of that action or a documented Error
 * code (spec tencent.md §1.3, §1.4, §3.2, §3.3; SDK 4.1.313 typings), and every documented
 * Result code of every action is reached by some outcome.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CARD_STATES,
  type Outcome,
  OUTCOME_CODES,
  type OutcomeFacts,
} from '../../../src/core/outcomes.ts';
import {
  ERRORS,
  errorFor,
  RESULTS,
  resultCode,
} from '../../../src/dialects/tencent-faceid/codes.ts';
import type { Params } from '../../../src/dialects/tencent-faceid/params.ts';
import { SERVED_ACTIONS, type ServedAction } from '../../../src/dialects/tencent-faceid/routes.ts';

/** The Result codes each action documents (SDK 4.1.313 typings, spec §1.3/§1.4). */
/** '-from' … '-to' */
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String(-(from + i)));
/** ImageRecognition / V2 (§1.3, §3.3): "Success" or a FailedOperation code. */
const IMAGE_RESULTS = [
  'Success',
  ...[
    'CompareLowSimilarity',
    'IdNameMisMatch',
    'IdNoExistSystem',
    'IdPhotoNoExist',
    'IdPhotoPoorQuality',
    'IdPhotoSystemNoanswer',
    'CompareLibServiceUnavailable',
    'LifePhotoDetectNoFaces',
    'LifePhotoDetectFaces',
    'LifePhotoPoorQuality',
    'LifePhotoDetectFake',
    'ImageDecodeFailed',
    'IdFormatError',
    'NameFormatError',
    'RequestLimitExceeded',
  ].map((code) => `FailedOperation.${code}`),
];
/** CheckIdCardInformation: the photo Results but liveness, plus the OCR ones (§1.3, §3.3). */
const CARD_CHECK_RESULTS = [
  ...IMAGE_RESULTS.filter((code) => code !== 'FailedOperation.LifePhotoDetectFake'),
  ...['OcrFailed', 'ImageNoIdCard', 'ImageBlur', 'OcrWarningOccurred'].map(
    (code) => `FailedOperation.${code}`,
  ),
];
const DOCUMENTED: Record<ServedAction, string[]> = {
  IdCardVerification: ['0', '-1', '-2', '-3', '-4', '-5', '-6', '-7'],
  IdCardOCRVerification: ['0', '-1', '-2', '-3', '-4', '-5', '-6', '-7'],
  CheckIdCardInformation: CARD_CHECK_RESULTS,
  CheckIdNameDate: ['0', '-1', '-2', '-3', '-4', '-5', '-6', '-7', '-8'],
  BankCardVerification: ['0', '-1', ...range(5, 16), '-20', '-2', '-3', '-4', '-17', '-18', '-19'],
  BankCard2EVerification: ['0', '-1', ...range(4, 15), '-18', '-2', '-3', '-16', '-17'],
  BankCard4EVerification: [
    '0',
    '-1',
    ...range(6, 17),
    '-21',
    '-2',
    '-3',
    '-4',
    '-5',
    '-18',
    '-19',
    '-20',
  ],
  CheckBankCardInformation: ['0', '-1', '-5', '-2', '-3', '-4', '-6'],
  PhoneVerification: ['0', '-4', '-6', '-7', '-8', '-9', '-11', '-12', '-13'],
  PhoneVerificationCMCC: ['0', '-4', '-6', '-7', '-8', '-9', '-11', '-13'],
  PhoneVerificationCTCC: ['0', '-4', '-6', '-7', '-8', '-9', '-11', '-13'],
  PhoneVerificationCUCC: ['0', '-4', '-6', '-7', '-8', '-9', '-11', '-13'],
  MinorsVerification: ['0', '-1', '-3', '-2', '-4', '-5', '-6', '-7', '-8'],
  ImageRecognition: IMAGE_RESULTS,
  ImageRecognitionV2: IMAGE_RESULTS,
};

/**
 * Documented but never produced: V1 leaves the threshold to the caller (every comparison that ran
 * is "Success").
 */
const NOT_PRODUCED: Partial<Record<ServedAction, string[]>> = {
  ImageRecognition: ['FailedOperation.CompareLowSimilarity'],
};

/** Error codes the Tencent docs list (§3.2 common, §3.3 FaceID). */
const DOCUMENTED_ERRORS = new Set([
  'AuthFailure.InvalidAuthorization',
  'AuthFailure.SecretIdNotFound',
  'AuthFailure.SignatureExpire',
  'AuthFailure.SignatureFailure',
  'AuthFailure.UnauthorizedOperation',
  'InternalError',
  'InvalidAction',
  'InvalidParameter',
  'InvalidParameter.UnsupportEncryptField',
  'InvalidParameterValue',
  'LimitExceeded',
  'MissingParameter',
  'NoSuchVersion',
  'RequestLimitExceeded',
  'RequestSizeLimitExceeded',
  'UnsupportedOperation',
  'FailedOperation.IdPhotoNoExist',
  'FailedOperation.LifePhotoDetectNoFaces',
  'FailedOperation.LifePhotoDetectFaces',
  'FailedOperation.LifePhotoPoorQuality',
  'FailedOperation.LifePhotoDetectFake',
  'FailedOperation.ImageDecodeFailed',
  'FailedOperation.ImageSizeTooLarge',
  'FailedOperation.EmptyImageError',
  'FailedOperation.DownLoadError',
  'FailedOperation.OcrFailed',
  'FailedOperation.ImageNoIdCard',
  'FailedOperation.ImageBlur',
  'FailedOperation.OcrWarningOccurred',
]);

/** The reader's retake reasons (outcomes.ts CardProblem). */
const CARD_PROBLEMS = [
  'card_not_found',
  'card_cut_off',
  'card_too_small',
  'blurred',
  'glare',
  'wrong_side',
  'unreadable',
] as const;

/** Every fact variation the outcomes can carry. */
const FACTS: OutcomeFacts[] = [
  {},
  ...CARD_STATES.map((cardState) => ({ cardState })),
  ...(['name', 'id_number', 'name_and_id_number', 'phone', 'validity', 'other'] as const).map(
    (mismatch) => ({ mismatch }),
  ),
  // Face scores: a sandbox verdict (cosine NaN) and real ones either side of V2's 70.
  { mismatch: 'face', face: { cosine: Number.NaN, far: 0.5 } },
  { mismatch: 'face', face: { cosine: 0.3, far: 10 ** -3.4 } },
  { face: { cosine: Number.NaN, far: 1e-6 } },
  { face: { cosine: 0.5, far: 5e-4 } },
  { quality: 'too_dark' },
  { liveness: { score: 0.1, threshold: 0.5 } },
  { parameter: 'ImageBase64' },
  { adult: true },
  { adult: false },
  { bankCard: { luhn: true, bankName: '中国工商银行', cardType: 'DC' } },
  { bankCard: { luhn: true, bankName: '中国工商银行' } },
  { bankCard: { luhn: false } },
  { bankCard: { luhn: true } },
  { carrier: 'CMCC' },
  { parameter: 'Encryption.EncryptList' },
  { portraitProblem: 'missing' },
  { portraitProblem: 'unusable' },
  ...CARD_PROBLEMS.map((cardProblem) => ({ cardProblem })),
  { idCard: { name: '张三', warnings: [], quality: 0.3 } },
];
const PARAMS: Params[] = [
  {},
  { Type: '0' },
  { Type: '1' },
  { VerifyMode: '1' },
  { Config: '{"BorderCheckWarn":true,"Quality":true,"CopyWarn":true}' },
];

const variants = function* (): Generator<[ServedAction, Outcome, Params]> {
  for (const action of SERVED_ACTIONS) {
    for (const code of OUTCOME_CODES) {
      for (const facts of FACTS)
        for (const params of PARAMS) yield [action, { code, facts }, params];
    }
  }
};

test('case=every action documents exactly the codes of its typings', () => {
  for (const action of SERVED_ACTIONS) {
    assert.deepEqual(
      Object.keys(RESULTS[action].documented).sort(),
      [...DOCUMENTED[action]].sort(),
      action,
    );
    for (const text of Object.values(RESULTS[action].documented))
      assert.ok(text.length > 0, action);
  }
});

test('case=every outcome of every action renders a documented Result or Error code', () => {
  for (const [action, o, params] of variants()) {
    const code = resultCode(action, o, params);
    if (code !== undefined) {
      assert.ok(
        Object.hasOwn(RESULTS[action].documented, code),
        `${action} ${JSON.stringify(o)} → ${code}`,
      );
    } else {
      assert.ok(
        DOCUMENTED_ERRORS.has(errorFor(o, action).code),
        `${action} ${o.code} → ${errorFor(o, action).code}`,
      );
    }
  }
});

test('case=every documented Result code of every action is reached', () => {
  for (const action of SERVED_ACTIONS) {
    const reached = new Set<string>();
    for (const [a, o, params] of variants()) {
      const code = a === action ? resultCode(a, o, params) : undefined;
      if (code !== undefined) reached.add(code);
    }
    const produced = DOCUMENTED[action].filter((c) => !NOT_PRODUCED[action]?.includes(c));
    assert.deepEqual([...reached].sort(), produced.sort(), action);
  }
});

test('case=platform outcomes are never Results, and map to the chosen Error codes', () => {
  const expected: Record<string, string> = {
    unsigned: 'AuthFailure.InvalidAuthorization',
    malformed_signature: 'AuthFailure.InvalidAuthorization',
    bad_signature: 'AuthFailure.SignatureFailure',
    signature_expired: 'AuthFailure.SignatureExpire',
    unknown_credential: 'AuthFailure.SecretIdNotFound',
    credential_mismatch: 'AuthFailure.UnauthorizedOperation',
    app_disabled: 'AuthFailure.SecretIdNotFound',
    replay: 'AuthFailure.SignatureFailure',
    rate_limited: 'RequestLimitExceeded',
    quota_exhausted: 'LimitExceeded',
    payload_too_large: 'RequestSizeLimitExceeded',
    malformed_request: 'InvalidParameter',
    missing_parameter: 'MissingParameter',
    invalid_parameter: 'InvalidParameterValue',
    unknown_action: 'InvalidAction',
    unsupported_version: 'NoSuchVersion',
    service_unavailable: 'InternalError',
    internal: 'InternalError',
  };
  for (const [code, errorCode] of Object.entries(expected)) {
    const o = { code } as Outcome;
    for (const action of SERVED_ACTIONS)
      assert.equal(resultCode(action, o, {}), undefined, `${action} ${code}`);
    assert.equal(errorFor(o, 'Whatever').code, errorCode, code);
  }
  assert.equal(Object.keys(ERRORS).length, OUTCOME_CODES.length);
});

test('case=refined error codes', () => {
  assert.equal(errorFor({ code: 'unknown_action' }, 'GetFaceIdToken').code, 'UnsupportedOperation');
  assert.equal(
    errorFor({ code: 'unknown_action' }, 'LivenessCompare').code,
    'UnsupportedOperation',
  );
  assert.equal(errorFor({ code: 'unknown_action' }, 'DescribeInstances').code, 'InvalidAction');
  for (const parameter of [
    'Encryption.EncryptList',
    'EncryptList',
    'EncryptedBody',
    'IsEncrypt',
    'IsEncryptResponse',
    'Encryption',
  ]) {
    assert.equal(
      errorFor({ code: 'invalid_parameter', facts: { parameter } }, 'X').code,
      'InvalidParameter.UnsupportEncryptField',
    );
  }
  const missing = errorFor({ code: 'missing_parameter', facts: { parameter: 'IdCard' } }, 'X');
  assert.equal(missing.message, 'The request is missing a required parameter: IdCard.');
  assert.match(errorFor({ code: 'replay' }, 'X').message, /already been used/);
  assert.equal(
    errorFor({ code: 'bad_signature' }, 'X').message,
    'The provided credentials could not be validated. Please check your signature is correct.',
  );
});

test('case=documented card and phone refinements', () => {
  const card = (cardState: (typeof CARD_STATES)[number]) =>
    resultCode('BankCardVerification', { code: 'card_refused', facts: { cardState } }, {});
  assert.equal(card('lost'), '-12');
  assert.equal(card('abnormal'), '-20');
  assert.equal(card('bank_unavailable'), '-17');
  assert.equal(
    resultCode(
      'BankCard2EVerification',
      { code: 'card_refused', facts: { cardState: 'lost' } },
      {},
    ),
    '-11',
  );
  assert.equal(
    resultCode(
      'BankCard4EVerification',
      { code: 'card_refused', facts: { cardState: 'lost' } },
      {},
    ),
    '-13',
  );
  assert.equal(resultCode('PhoneVerification', { code: 'attempt_limit' }, {}), '-12');
  assert.equal(resultCode('PhoneVerificationCMCC', { code: 'attempt_limit' }, {}), '-11');
  assert.equal(
    resultCode('MinorsVerification', { code: 'match', facts: { adult: false } }, { Type: '1' }),
    '-1',
  );
  assert.equal(resultCode('MinorsVerification', { code: 'not_found' }, { Type: '0' }), '-2');
  assert.equal(resultCode('MinorsVerification', { code: 'not_found' }, { Type: '1' }), '-7');
  assert.equal(
    resultCode(
      'CheckBankCardInformation',
      { code: 'not_found', facts: { bankCard: { luhn: false } } },
      {},
    ),
    '-3',
  );
  assert.equal(
    resultCode(
      'CheckBankCardInformation',
      { code: 'not_found', facts: { bankCard: { luhn: true } } },
      {},
    ),
    '-1',
  );
});
