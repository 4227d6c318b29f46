/**
 * Sandbox table of the Tencent Cloud API 3.0 dialect (FaceID 2018-03-01): which inputs reach
 * which `Result` of every served action, and which request reaches each `Error.Code`. Inputs
 * are the JSON fields as tencentcloud-sdk-nodejs sends them. Codes no caller can reach on
 * purpose are rows with `unreachable` and the reason.
 */
import { CARD_STATES, type CardState } from '../../../src/core/outcomes.ts';
import {
  ABSENT,
  AYI,
  BAD_CHECK_DIGIT,
  BUSY,
  BUSY_CTCC,
  BUSY_CUCC,
  cardIn,
  cardOf,
  DATA_ONLY,
  LI_NA,
  LIMITED,
  MINOR,
  NOBODY_CTCC,
  NOBODY_CUCC,
  NORMAL_CARD,
  phoneOf,
  UPGRADING,
  WANG,
  ZHANG,
} from './personas.ts';
import type { Inputs, SandboxRow } from './types.ts';

export type TencentExpect =
  | {
      /** The response's `Result`. */
      result: string;
      /** Other response fields to check. */
      fields?: Readonly<Record<string, unknown>>;
    }
  | {
      /** `Response.Error.Code` (the SDK throws it as TencentCloudSDKHttpException.code). */
      error: string;
    };

export type TencentTrigger =
  | 'wrong-secret'
  | 'replay'
  | 'skip-sign'
  | 'expired'
  | 'unknown-key'
  | 'disabled'
  | 'rate-limit'
  | 'quota'
  | 'too-large'
  | 'other-version';

export type TencentRow = SandboxRow<TencentExpect, TencentTrigger>;

/** What each trigger does to the request, as docs/sandbox.md says it. */
export const TENCENT_TRIGGERS: Record<TencentTrigger, string> = {
  'wrong-secret': 'signed with a wrong SecretKey',
  replay:
    'a v1 (HmacSHA1) request sent a second time byte for byte (v1 requests are single-use; TC3 has no replay key, only its 5-minute window)',
  'skip-sign': 'sent unsigned (the SDK option `skipSign: true`, `Authorization: SKIP`)',
  expired: 'TC3 with an `X-TC-Timestamp` an hour old',
  'unknown-key': 'a SecretId no app has',
  disabled: 'the SecretId of an app disabled with `shiming apps disable`',
  'rate-limit': 'a burst of 8 calls by an app created with `--qps 1`',
  quota: 'a second billed call by an app created with `--quota 1`',
  'too-large': 'a body over the `maxBodyBytes` setting (an extra field of that size)',
  'other-version': 'API version `2017-03-12` (`X-TC-Version`) instead of `2018-03-01`',
};

const row = (
  action: string,
  description: string,
  inputs: Inputs,
  expect: TencentExpect,
  extra: Partial<Pick<TencentRow, 'trigger' | 'unreachable'>> = {},
): TencentRow => ({ dialect: 'tencent-faceid', action, description, inputs, expect, ...extra });

const result = (code: string, fields?: Record<string, unknown>): TencentExpect =>
  fields ? { result: code, fields } : { result: code };

const c = (
  action: string,
  description: string,
  inputs: Inputs,
  code: string,
  fields?: Record<string, unknown>,
): TencentRow => row(action, description, inputs, result(code, fields));

const never = (action: string, code: string, description: string, why: string): TencentRow =>
  row(action, description, {}, result(code), { unreachable: why });

const idName = (p: { name: string; idNumber: string }) => ({ IdCard: p.idNumber, Name: p.name });
const ZHANG_ID = idName(ZHANG);
const BAD_ID = { IdCard: BAD_CHECK_DIGIT, Name: ZHANG.name };
const BAD_NAME = { ...ZHANG_ID, Name: '张3' };
const NOBODY = { IdCard: ABSENT.idNumber, Name: ZHANG.name };

const identity = (action: string): TencentRow[] => [
  c(action, 'consistent', ZHANG_ID, '0'),
  c(action, 'name differs', { ...ZHANG_ID, Name: '李四' }, '-1'),
  c(action, 'bad check digit', BAD_ID, '-2'),
  c(action, 'bad name', BAD_NAME, '-3'),
  c(action, 'authority busy', idName(BUSY), '-4'),
  c(action, 'no record', NOBODY, '-5'),
  c(action, 'authority upgrading', idName(UPGRADING), '-6'),
  c(action, 'daily limit', idName(LIMITED), '-7'),
];

const dated = (p: object, begin = '20150301', end = '20350301') => ({
  ...p,
  ValidityBegin: begin,
  ValidityEnd: end,
});
const D = 'CheckIdNameDate';
const idNameDate: TencentRow[] = [
  c(D, 'consistent', dated(ZHANG_ID), '0'),
  c(D, 'long-term card 00000000', dated(idName(LI_NA), '20100601', '00000000'), '0'),
  c(D, 'validity differs', dated(ZHANG_ID, '20150301', '20350302'), '-1'),
  c(D, 'name differs', dated({ ...ZHANG_ID, Name: '李四' }), '-1'),
  c(D, 'bad check digit', dated(BAD_ID), '-2'),
  c(D, 'bad name', dated(BAD_NAME), '-3'),
  c(D, 'not a date', dated(ZHANG_ID, '20150230'), '-4'),
  never(
    D,
    '-5',
    'identity invalid',
    'the core has no outcome for a valid, known ID number that the authority no longer vouches for (e.g. a revoked card): nothing produces it, in the sandbox or from a registry',
  ),
  c(D, 'authority busy', dated(idName(BUSY)), '-6'),
  c(D, 'authority upgrading (no code of its own)', dated(idName(UPGRADING)), '-6'),
  c(D, 'no record', dated(NOBODY), '-7'),
  c(D, 'daily limit', dated(idName(LIMITED)), '-8'),
];

/** Refused card states in CARD_STATES order; the first twelve have consecutive codes. */
const STATES = CARD_STATES.filter(
  (state): state is Exclude<CardState, 'normal'> => state !== 'normal',
);

interface BankShape {
  action: string;
  base: Record<string, unknown>;
  /** Code of the first card state (holder information wrong). */
  first: number;
  abnormal: string;
  busy: string;
  limit: string;
  inputs: Array<[string, Record<string, unknown>, string]>;
}

const stateCode = (s: BankShape, state: string, i: number): string => {
  if (i < 12) return String(-(s.first + i));
  const issuerRefused = String(-(s.first + 11));
  const extra: Record<string, string> = {
    abnormal: s.abnormal,
    no_reserved_phone: '-1',
    wrong_credentials: String(-s.first),
    other: s.abnormal,
    service_unsupported: issuerRefused,
    bank_unavailable: s.busy,
    phone_check_unsupported: issuerRefused,
  };
  return extra[state]!;
};

/** The same request shape for another card holder (fields the action does not take stay out). */
const holder = (base: Record<string, unknown>, p: typeof BUSY) => ({
  ...base,
  Name: p.name,
  BankCard: cardOf(p),
  ...('IdCard' in base ? { IdCard: p.idNumber } : {}),
  ...('Phone' in base ? { Phone: phoneOf(p) } : {}),
});

const bank = (s: BankShape): TencentRow[] => [
  c(s.action, 'consistent', s.base, '0'),
  c(s.action, 'name differs', { ...s.base, Name: '李四' }, '-1'),
  ...STATES.map((state, i) =>
    c(s.action, `card ${state}`, { ...s.base, BankCard: cardIn(state) }, stateCode(s, state, i)),
  ),
  c(s.action, 'unknown card', { ...s.base, BankCard: ABSENT.bankCard }, String(-(s.first + 3))),
  c(s.action, 'bad name', { ...s.base, Name: '张3' }, '-2'),
  ...s.inputs.map(([name, over, code]) => c(s.action, name, { ...s.base, ...over }, code)),
  c(s.action, 'bank busy', holder(s.base, BUSY), s.busy),
  c(s.action, 'daily limit', holder(s.base, LIMITED), s.limit),
];

const ZHANG_PHONE = { ...ZHANG_ID, Phone: phoneOf(ZHANG) };

const bankCases: TencentRow[] = [
  ...bank({
    action: 'BankCardVerification',
    base: { ...ZHANG_ID, BankCard: NORMAL_CARD },
    first: 5,
    abnormal: '-20',
    busy: '-17',
    limit: '-18',
    inputs: [
      ['bad check digit', { IdCard: BAD_CHECK_DIGIT }, '-3'],
      ['bad card number', { BankCard: '123' }, '-4'],
      ['certificate type 1', { CertType: 1 }, '-19'],
    ],
  }),
  ...bank({
    action: 'BankCard2EVerification',
    base: { Name: ZHANG.name, BankCard: NORMAL_CARD },
    first: 4,
    abnormal: '-18',
    busy: '-16',
    limit: '-17',
    inputs: [['bad card number', { BankCard: '123' }, '-3']],
  }),
  ...bank({
    action: 'BankCard4EVerification',
    base: { ...ZHANG_PHONE, BankCard: NORMAL_CARD },
    first: 6,
    abnormal: '-21',
    busy: '-18',
    limit: '-19',
    inputs: [
      ['reserved phone differs', { Phone: phoneOf(LI_NA) }, '-1'],
      ['bad check digit', { IdCard: BAD_CHECK_DIGIT }, '-3'],
      ['bad card number', { BankCard: '123' }, '-4'],
      ['bad phone', { Phone: '12345' }, '-5'],
      ['certificate type 1', { CertType: 1 }, '-20'],
    ],
  }),
];

const I = 'CheckBankCardInformation';
const LOCAL_BIN =
  'the issuer look-up is a local BIN table (data/), which is never busy and has no attempt limit';
const cardInformation: TencentRow[] = [
  c(I, 'known issuer', { BankCard: NORMAL_CARD }, '0', {
    AccountBank: '中国工商银行',
    AccountType: 1,
  }),
  c(I, 'unknown issuer', { BankCard: '1234567812345670' }, '-1'),
  never(I, '-2', 'service busy', LOCAL_BIN),
  c(I, 'unknown issuer failing Luhn', { BankCard: '1234567812345671' }, '-3'),
  never(I, '-4', 'daily limit', LOCAL_BIN),
  c(I, 'bad card number', { BankCard: '123' }, '-5'),
  never(
    I,
    '-6',
    'card kind not supported',
    'every issuer entry of the bundled BIN table has a card kind (debit, credit, …), so AccountType can always be filled',
  ),
];

const P = 'PhoneVerification';
const phone: TencentRow[] = [
  c(P, 'consistent', ZHANG_PHONE, '0', { Isp: '移动' }),
  c(P, 'name differs (detailed)', { ...ZHANG_PHONE, Name: '李四', VerifyMode: '1' }, '-4', {
    ResultDetail: 'PhoneNameMismatch',
  }),
  c(P, 'ID differs (detailed)', { ...ZHANG_PHONE, IdCard: LI_NA.idNumber, VerifyMode: '1' }, '-4', {
    ResultDetail: 'PhoneIdCardMismatch',
  }),
  c(
    P,
    'someone else (detailed)',
    { ...idName(LI_NA), Phone: phoneOf(ZHANG), VerifyMode: '1' },
    '-4',
    { ResultDetail: 'PhoneNameIdCardMismatch' },
  ),
  c(P, 'bad phone', { ...ZHANG_PHONE, Phone: '1380013800' }, '-6'),
  c(P, 'bad check digit', { ...ZHANG_PHONE, ...BAD_ID }, '-7'),
  c(P, 'bad name', { ...ZHANG_PHONE, Name: '张3' }, '-8'),
  c(P, 'no record', { ...ZHANG_PHONE, Phone: ABSENT.phone }, '-9'),
  c(P, 'authority busy', { ...idName(BUSY), Phone: phoneOf(BUSY) }, '-11'),
  c(
    P,
    'authority upgrading (no code of its own)',
    { ...idName(UPGRADING), Phone: phoneOf(UPGRADING) },
    '-11',
  ),
  c(P, 'daily limit', { ...idName(LIMITED), Phone: phoneOf(LIMITED) }, '-12'),
  c(P, 'data-only range', { ...ZHANG_PHONE, Phone: DATA_ONLY }, '-13'),
];

const withPhone = (p: typeof ZHANG) => ({ ...idName(p), Phone: phoneOf(p) });

const carrier = (
  action: string,
  owner: Record<string, unknown>,
  isp: string,
  other: string,
  nobody: string,
  busy: typeof ZHANG,
): TencentRow[] => [
  c(action, 'consistent', owner, '0', { Isp: isp }),
  c(action, 'name differs', { ...owner, Name: '李四' }, '-4'),
  c(action, 'bad phone', { ...owner, Phone: '1' }, '-6'),
  c(action, 'bad check digit', { ...owner, IdCard: BAD_CHECK_DIGIT }, '-7'),
  c(action, 'bad name', { ...owner, Name: '张3' }, '-8'),
  c(action, 'no record', { ...owner, Phone: nobody }, '-9'),
  c(action, 'authority busy', withPhone(busy), '-11'),
  c(action, "another carrier's number", { ...owner, Phone: other }, '-13'),
];
const carriers: TencentRow[] = [
  ...carrier('PhoneVerificationCMCC', ZHANG_PHONE, '移动', phoneOf(AYI), ABSENT.phone, BUSY),
  c('PhoneVerificationCMCC', 'daily limit (no code of its own)', withPhone(LIMITED), '-11'),
  ...carrier(
    'PhoneVerificationCUCC',
    withPhone(AYI),
    '联通',
    phoneOf(ZHANG),
    NOBODY_CUCC,
    BUSY_CUCC,
  ),
  ...carrier(
    'PhoneVerificationCTCC',
    withPhone(WANG),
    '电信',
    phoneOf(ZHANG),
    NOBODY_CTCC,
    BUSY_CTCC,
  ),
];

const M = 'MinorsVerification';
const minors: TencentRow[] = [
  c(M, 'adult by identity', { Type: '1', ...ZHANG_ID }, '0', { AgeRange: '[18,+)' }),
  // The AgeRange bracket depends on today's date: the walkers check only its form.
  c(M, 'minor by identity', { Type: '1', ...idName(MINOR) }, '-1'),
  c(M, 'adult by phone', { Type: '0', Mobile: phoneOf(ZHANG) }, '0', { AgeRange: '[18,+)' }),
  c(M, 'minor by phone', { Type: '0', Mobile: phoneOf(MINOR) }, '-1', { AgeRange: '[0,18)' }),
  c(M, 'phone unknown', { Type: '0', Mobile: ABSENT.phone }, '-2'),
  c(M, 'name differs', { Type: '1', ...ZHANG_ID, Name: '李四' }, '-3'),
  c(M, 'bad check digit', { Type: '1', ...BAD_ID }, '-4'),
  c(M, 'bad name', { Type: '1', ...BAD_NAME }, '-5'),
  c(M, 'authority busy', { Type: '1', ...idName(BUSY) }, '-6'),
  c(M, 'no record', { Type: '1', ...NOBODY }, '-7'),
  c(M, 'authority upgrading', { Type: '1', ...idName(UPGRADING) }, '-8'),
];

const error = (code: string): TencentExpect => ({ error: code });
const V = 'IdCardVerification';
const platform = (description: string, trigger: TencentTrigger, code: string): TencentRow =>
  row(V, description, ZHANG_ID, error(code), { trigger });

/** Error codes, shown on IdCardVerification; every action answers them the same way. */
const errors: TencentRow[] = [
  row(V, 'a required field missing', { IdCard: ZHANG.idNumber }, error('MissingParameter')),
  row(V, 'a field of the wrong type', { ...ZHANG_ID, Name: 42 }, error('InvalidParameter')),
  row(
    'MinorsVerification',
    'a value outside the documented ones',
    { Type: '9', Mobile: phoneOf(ZHANG) },
    error('InvalidParameterValue'),
  ),
  row(
    V,
    'encrypted input',
    {
      ...ZHANG_ID,
      Encryption: {
        EncryptList: ['IdCard'],
        CiphertextBlob: 'blob',
        Iv: 'aXZpdml2aXZpdml2aXZpdg==',
      },
    },
    error('InvalidParameter.UnsupportEncryptField'),
  ),
  row(
    'GetFaceIdToken',
    'a FaceID action not served yet',
    { CompareLib: 'BUSINESS', ...ZHANG_ID },
    error('UnsupportedOperation'),
  ),
  row('NoSuchAction', 'an action FaceID does not have', {}, error('InvalidAction')),
  platform('unsigned (any action)', 'skip-sign', 'AuthFailure.InvalidAuthorization'),
  platform('wrong SecretKey (any action)', 'wrong-secret', 'AuthFailure.SignatureFailure'),
  platform('v1 request replayed (any action)', 'replay', 'AuthFailure.SignatureFailure'),
  platform('stale timestamp (any action)', 'expired', 'AuthFailure.SignatureExpire'),
  platform('unknown SecretId (any action)', 'unknown-key', 'AuthFailure.SecretIdNotFound'),
  platform('disabled app (any action)', 'disabled', 'AuthFailure.SecretIdNotFound'),
  platform('rate limit (any action)', 'rate-limit', 'RequestLimitExceeded'),
  platform('quota used up (any action)', 'quota', 'LimitExceeded'),
  platform('body too large (any action)', 'too-large', 'RequestSizeLimitExceeded'),
  platform('another API version (any action)', 'other-version', 'NoSuchVersion'),
  row(
    V,
    'a SecretId used for another app (any action)',
    {},
    error('AuthFailure.UnauthorizedOperation'),
    {
      unreachable:
        'a SecretId names exactly one app, so a signature cannot be valid for one app and name another',
    },
  ),
  row(V, 'server failure (any action)', {}, error('InternalError'), {
    unreachable:
      'only an internal failure (a dependency such as the store down, or a bug) produces it; every verification outcome an action can reach has a Result code',
  }),
];

/**
 * IdCardOCRVerification with IdCard + Name (which win over a photo): the IdCardVerification
 * codes. Its photo input and CheckIdCardInformation need the face engine and the ID-card reader,
 * which this walk's server does not load; test/dialects/tencent-faceid/idcard-wire.test.ts walks
 * them with generated cards.
 */
const idCardOcr = identity('IdCardOCRVerification');

/** The Sim each sandbox portrait verdict gives (face-results.ts, face-scores.ts). */
const SIM = {
  ImageRecognition: { same: 93.33, undecided: 74, different: 7.02 },
  ImageRecognitionV2: { same: 90, undecided: 59.5, different: 5.27 },
} as const;

/** ImageRecognitionV2 / ImageRecognition: a selfie against the persona's portrait. */
const imageRecognition = (action: 'ImageRecognition' | 'ImageRecognitionV2'): TencentRow[] => {
  const v2 = action === 'ImageRecognitionV2';
  const sim = SIM[action];
  const F = 'FailedOperation.';
  const photo = (
    description: string,
    who: Inputs,
    image: string | undefined,
    expect: TencentExpect,
  ): TencentRow => ({
    ...row(action, description, image === undefined ? who : { ...who, ImageBase64: image }, expect),
    photos: true,
  });
  const selfie = (description: string, who: Inputs, code: string, s = 0) =>
    photo(description, who, '{selfie}', result(code, { Sim: s }));
  const low = v2 ? `${F}CompareLowSimilarity` : 'Success';
  return [
    photo(
      'same person',
      v2 ? { ...ZHANG_ID, Extra: 'order-42' } : ZHANG_ID,
      '{selfie}',
      result('Success', { Sim: sim.same, ...(v2 && { Extra: 'order-42' }) }),
    ),
    selfie('different person', idName(LI_NA), low, sim.different),
    selfie('undecided similarity', idName(AYI), low, sim.undecided),
    selfie('name differs', { ...ZHANG_ID, Name: '李四' }, `${F}IdNameMisMatch`),
    selfie('no record', NOBODY, `${F}IdNoExistSystem`),
    selfie('no portrait', idName(WANG), `${F}IdPhotoNoExist`),
    selfie('portrait unusable', idName(MINOR), `${F}IdPhotoPoorQuality`),
    selfie('authority busy', idName(BUSY), `${F}IdPhotoSystemNoanswer`),
    selfie('authority upgrading', idName(UPGRADING), `${F}CompareLibServiceUnavailable`),
    selfie('daily limit', idName(LIMITED), `${F}RequestLimitExceeded`),
    selfie('bad check digit', BAD_ID, `${F}IdFormatError`),
    selfie('bad name', BAD_NAME, `${F}NameFormatError`),
    photo('blank photo', ZHANG_ID, '{blank}', result(`${F}LifePhotoDetectNoFaces`, { Sim: 0 })),
    photo('two faces', ZHANG_ID, '{two-faces}', result(`${F}LifePhotoDetectFaces`, { Sim: 0 })),
    photo(
      'face too small',
      ZHANG_ID,
      '{tiny-face}',
      result(`${F}LifePhotoPoorQuality`, { Sim: 0 }),
    ),
    photo('not an image', ZHANG_ID, '{not-an-image}', result(`${F}ImageDecodeFailed`, { Sim: 0 })),
    photo('no image', ZHANG_ID, undefined, { error: `${F}EmptyImageError` }),
    photo('image over 3 MB', ZHANG_ID, '{oversize}', { error: `${F}ImageSizeTooLarge` }),
    never(
      action,
      `${F}LifePhotoDetectFake`,
      'spoofed photo',
      'the action has no liveness parameter, so the photo is never held to liveness',
    ),
    ...(v2
      ? []
      : [
          never(
            action,
            `${F}CompareLowSimilarity`,
            'low similarity',
            'V1 leaves the threshold to the caller: every comparison that ran is Success',
          ),
        ]),
  ];
};

export const TENCENT_ROWS: readonly TencentRow[] = [
  ...identity('IdCardVerification'),
  ...idCardOcr,
  ...idNameDate,
  ...bankCases,
  ...cardInformation,
  ...phone,
  ...carriers,
  ...minors,
  ...imageRecognition('ImageRecognitionV2'),
  ...imageRecognition('ImageRecognition'),
  ...errors,
];
