/**
 * Sandbox table of the Alibaba Cloud Cloudauth dialect (2019-03-07): which inputs reach which
 * Code / BizCode / SubCode / IspName of every served action, and which request reaches each
 * gateway error. Inputs are the request parameters as @alicloud/pop-core sends them (the
 * @alicloud/cloudauth20190307 models take the same names in lowerCamelCase).
 *
 * pop-core throws `<Code>Error` for every Code ≠ "200", business Codes included; the Tea SDK
 * returns business Codes as data and throws on HTTP errors (decision 0006, spec §9.4).
 */
import { CARD_STATES, type CardState } from '../../../src/core/outcomes.ts';
import { CARD_SUBCODES } from '../../../src/dialects/aliyun-cloudauth/codes.ts';
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
  NOBODY_CBCC,
  NOBODY_CTCC,
  NOBODY_CUCC,
  NORMAL_CARD,
  phoneOf,
  UPGRADING,
  WANG,
  ZHANG,
} from './personas.ts';
import type { SandboxRow } from './types.ts';

export interface AliyunExpect {
  /** The body's `Code`: "200", an information-verification Code, or a gateway error code. */
  code: string;
  bizCode?: string;
  subCode?: string;
  ispName?: string;
  /** HTTP status of a gateway error (the Tea SDK reports it); 200 otherwise. */
  status?: number;
}

export type AliyunTrigger =
  | 'wrong-secret'
  | 'unknown-key'
  | 'disabled'
  | 'rate-limit'
  | 'quota'
  | 'expired'
  | 'bad-timestamp'
  | 'replay'
  | 'other-version'
  | 'too-large'
  | 'unsigned'
  | 'no-timestamp'
  | 'duplicate';

export type AliyunRow = SandboxRow<AliyunExpect, AliyunTrigger>;

/** What each trigger does to the request, as docs/sandbox.md says it. */
export const ALIYUN_TRIGGERS: Record<AliyunTrigger, string> = {
  'wrong-secret': 'signed with a wrong AccessKeySecret',
  'unknown-key': 'an AccessKeyId no app has',
  disabled: 'the AccessKeyId of an app disabled with `shiming apps disable`',
  'rate-limit': 'a burst of 8 calls by an app created with `--qps 1`',
  quota: 'a second billed call by an app created with `--quota 1`',
  expired: '`Timestamp` 20 minutes old (pop-core takes it as a parameter)',
  'bad-timestamp': '`Timestamp=2024/01/01 12:00`',
  replay: 'the same `SignatureNonce` twice within 30 minutes',
  'other-version': 'API version `2020-11-12` (pop-core `apiVersion`)',
  'too-large': 'a body over the `maxBodyBytes` setting (POST, an extra parameter of that size)',
  unsigned: 'raw HTTP: an RPC request without `Signature`',
  'no-timestamp': 'raw HTTP: an RPC request without `Timestamp`',
  duplicate: 'raw HTTP: `UserName` both in the query and in the form body',
};

const row = (
  action: string,
  description: string,
  inputs: Record<string, string>,
  expect: AliyunExpect,
  extra: Partial<Pick<AliyunRow, 'trigger' | 'unreachable'>> = {},
): AliyunRow => ({ dialect: 'aliyun-cloudauth', action, description, inputs, expect, ...extra });

/** Code "200" with a ResultObject. */
const ok = (bizCode: string, subCode?: string, ispName?: string): AliyunExpect => ({
  code: '200',
  bizCode,
  ...(subCode && { subCode }),
  ...(ispName && { ispName }),
});
/** An information-verification Code ≠ "200" (HTTP 200, no ResultObject). */
const info = (code: string): AliyunExpect => ({ code });
const gateway = (code: string, status: number): AliyunExpect => ({ code, status });

type Person = { name: string; idNumber: string };
const id = (p: Person): Record<string, string> => ({
  ParamType: 'normal',
  UserName: p.name,
  IdentifyNum: p.idNumber,
});
const NOBODY = { name: ZHANG.name, idNumber: ABSENT.idNumber };

const id2 = (action: string): AliyunRow[] => [
  row(action, 'match', id(ZHANG), ok('1')),
  row(action, 'name mismatch', id({ name: '张四', idNumber: ZHANG.idNumber }), ok('2')),
  row(action, 'no record', id(NOBODY), ok('3')),
  row(action, 'missing IdentifyNum', { ParamType: 'normal', UserName: ZHANG.name }, info('400')),
  row(
    action,
    'bad check character',
    id({ name: ZHANG.name, idNumber: BAD_CHECK_DIGIT }),
    info('401'),
  ),
  row(action, 'name with a digit', id({ name: '张三1', idNumber: ZHANG.idNumber }), info('401')),
  row(action, 'ParamType md5', { ...id(ZHANG), ParamType: 'md5' }, info('401')),
  row(action, 'authority busy', id(BUSY), info('402')),
  row(action, 'authority upgrading', id(UPGRADING), info('402')),
  row(action, 'attempt limit', id(LIMITED), info('403')),
];

const period = (p: Person, start: string, end: string) => ({
  ...id(p),
  ValidityStartDate: start,
  ValidityEndDate: end,
});
const PV = 'Id2MetaPeriodVerify';
const periodRows: AliyunRow[] = [
  row(PV, 'dates match', period(ZHANG, '20150301', '20350301'), ok('1')),
  row(PV, 'long-term as 长期', period(LI_NA, '20100601', '长期'), ok('1')),
  row(PV, 'long-term as 00000000', period(LI_NA, '20100601', '00000000'), ok('1')),
  row(PV, 'end date differs', period(ZHANG, '20150301', '20350302'), ok('2')),
  row(PV, 'long-term card given an end date', period(LI_NA, '20100601', '20300601'), ok('2')),
  row(
    PV,
    'name mismatch',
    period({ name: '张四', idNumber: ZHANG.idNumber }, '20150301', '20350301'),
    ok('2'),
  ),
  row(PV, 'no record', period(NOBODY, '20150301', '20350301'), ok('3')),
  row(PV, 'missing end date', { ...id(ZHANG), ValidityStartDate: '20150301' }, info('400')),
  row(PV, 'impossible date', period(ZHANG, '20151301', '20350301'), info('401')),
  row(PV, 'authority busy', period(BUSY, '20150301', '20350301'), info('402')),
  row(PV, 'attempt limit', period(LIMITED, '20150301', '20350301'), info('403')),
];

const bank = (productType: string, card: string, extra: Record<string, string> = {}) => ({
  ParamType: 'normal',
  VerifyMode: 'VERIFY_BANK_CARD',
  ProductType: productType,
  UserName: ZHANG.name,
  IdentifyNum: ZHANG.idNumber,
  Mobile: phoneOf(ZHANG),
  BankCard: card,
  ...extra,
});

const B = 'BankMetaVerify';
const STATES = CARD_STATES.filter((s): s is Exclude<CardState, 'normal'> => s !== 'normal');
const bankRows: AliyunRow[] = [
  row(B, '2 elements match', bank('BANK_CARD_2_META', NORMAL_CARD), ok('1', '101')),
  row(B, '3 elements match', bank('BANK_CARD_3_META', NORMAL_CARD), ok('1', '101')),
  row(B, '4 elements match', bank('BANK_CARD_4_META', NORMAL_CARD), ok('1', '101')),
  row(
    B,
    '2 elements wrong name',
    bank('BANK_CARD_2_META', NORMAL_CARD, { UserName: '张四' }),
    ok('2', '201'),
  ),
  row(
    B,
    '3 elements wrong ID',
    bank('BANK_CARD_3_META', NORMAL_CARD, { IdentifyNum: LI_NA.idNumber }),
    ok('2', '201'),
  ),
  row(
    B,
    '4 elements wrong phone',
    bank('BANK_CARD_4_META', NORMAL_CARD, { Mobile: phoneOf(LI_NA) }),
    ok('2', '201'),
  ),
  // A card state's SubCode: 2xx (BizCode 2, billed) or 3xx (BizCode 3, not billed).
  ...STATES.map((state) => {
    const sub = CARD_SUBCODES[state];
    return row(
      B,
      `card ${state}`,
      bank('BANK_CARD_2_META', cardIn(state)),
      ok(sub[0] === '3' ? '3' : '2', sub),
    );
  }),
  row(B, 'unknown card', bank('BANK_CARD_2_META', ABSENT.bankCard), ok('3', '304')),
  row(B, 'card refused for another reason', {}, ok('3', '305'), {
    unreachable:
      'SubCode 305 is for a bank refusal that names no card state; every refusal the sandbox (and a registry) can give carries one of the 19 states, each with its own SubCode',
  }),
  row(
    B,
    'attempt limit',
    bank('BANK_CARD_2_META', cardOf(LIMITED), { UserName: LIMITED.name }),
    ok('3', '306'),
  ),
  row(
    B,
    'missing ProductType',
    { ...bank('BANK_CARD_2_META', NORMAL_CARD), ProductType: '' },
    info('400'),
  ),
  row(
    B,
    'missing Mobile for 4 elements',
    { ...bank('BANK_CARD_4_META', NORMAL_CARD), Mobile: '' },
    info('400'),
  ),
  row(B, 'card number too short', bank('BANK_CARD_2_META', '62220210'), info('401')),
  row(B, 'unknown ProductType', bank('BANK_CARD_9_META', NORMAL_CARD), info('401')),
  row(
    B,
    'bank busy',
    bank('BANK_CARD_4_META', cardOf(BUSY), {
      UserName: BUSY.name,
      IdentifyNum: BUSY.idNumber,
      Mobile: phoneOf(BUSY),
    }),
    info('402'),
  ),
  row(B, 'attempt limit as Code 403', {}, info('403'), {
    unreachable:
      'on BankMetaVerify the attempt limit has a SubCode of its own (BizCode 3, SubCode 306), which shiming answers instead',
  }),
];

const mobile = (p: Person, phone: string) => ({ ...id(p), Mobile: phone });

/** [description, params, Simple expectation, Detail SubCode]. */
type MobileCase = [string, Record<string, string>, AliyunExpect, string?];
const MOBILE_CASES: MobileCase[] = [
  ['match CMCC', mobile(ZHANG, phoneOf(ZHANG)), ok('1', undefined, 'CMCC'), '101'],
  ['match CUCC', mobile(AYI, phoneOf(AYI)), ok('1', undefined, 'CUCC'), '101'],
  ['match CTCC', mobile(WANG, phoneOf(WANG)), ok('1', undefined, 'CTCC'), '101'],
  [
    'phone belongs to someone else',
    mobile(LI_NA, phoneOf(ZHANG)),
    ok('2', undefined, 'CMCC'),
    '201',
  ],
  [
    'phone and name agree, ID does not',
    mobile({ name: ZHANG.name, idNumber: LI_NA.idNumber }, phoneOf(ZHANG)),
    ok('2', undefined, 'CMCC'),
    '202',
  ],
  [
    'phone and ID agree, name does not',
    mobile({ name: '张四', idNumber: ZHANG.idNumber }, phoneOf(ZHANG)),
    ok('2', undefined, 'CMCC'),
    '203',
  ],
  ['no record CMCC', mobile(ZHANG, ABSENT.phone), ok('3', undefined, 'CMCC'), '301'],
  ['no record CUCC', mobile(ZHANG, NOBODY_CUCC), ok('3', undefined, 'CUCC'), '301'],
  ['no record CTCC', mobile(ZHANG, NOBODY_CTCC), ok('3', undefined, 'CTCC'), '301'],
  ['missing Mobile', id(ZHANG), info('400')],
  ['malformed phone', mobile(ZHANG, '1380013800'), info('401')],
  ['authority busy CMCC', mobile(BUSY, phoneOf(BUSY)), info('402')],
  ['authority busy CUCC', mobile(BUSY_CUCC, phoneOf(BUSY_CUCC)), info('402')],
  ['authority busy CTCC', mobile(BUSY_CTCC, phoneOf(BUSY_CTCC)), info('402')],
  ['authority upgrading', mobile(UPGRADING, phoneOf(UPGRADING)), info('402')],
  ['attempt limit', mobile(LIMITED, phoneOf(LIMITED)), info('403')],
  ['data-only number range', mobile(ZHANG, DATA_ONLY), info('405')],
];

const CBCC = mobile(ZHANG, NOBODY_CBCC);

const mobileRows = (action: string, detail: boolean, standard: boolean): AliyunRow[] => [
  ...MOBILE_CASES.map(([description, params, expect, detailSub]) =>
    row(
      action,
      description,
      params,
      detail && detailSub ? { ...expect, subCode: detailSub } : expect,
    ),
  ),
  ...(detail
    ? [
        row(action, 'other mismatch', {}, ok('2', '204'), {
          unreachable:
            'a phone check can only disagree on the name (203), the ID number (202) or both (201); nothing is left for "other"',
        }),
      ]
    : []),
  standard
    ? row(
        action,
        'China Broadnet number, no record',
        CBCC,
        ok('3', detail ? '301' : undefined, 'CBCC'),
      )
    : row(action, 'China Broadnet number (only the …Standard actions cover it)', CBCC, info('405')),
];

const V = 'Id2MetaVerify';
const ZHANG_ID = id(ZHANG);
const platform = (description: string, trigger: AliyunTrigger, expect: AliyunExpect): AliyunRow =>
  row(V, description, ZHANG_ID, expect, { trigger });

/**
 * VerifyMaterial / DescribeVerifyResult refusals made before any photo is looked at. Their
 * verdicts (VerifyStatus) need the face engine and the ID-card reader, which this walk's server
 * does not load: test/dialects/aliyun-cloudauth/materials-wire.test.ts walks every VerifyStatus.
 */
const MATERIALS_TASK = {
  BizType: 'RPMinTest',
  BizId: 'sandbox-task-1',
  Name: ZHANG.name,
  IdCardNumber: ZHANG.idNumber,
};
const materials: AliyunRow[] = [
  row('VerifyMaterial', 'no FaceImageUrl', MATERIALS_TASK, gateway('MissingParameter', 400)),
  row(
    'VerifyMaterial',
    'BizId over 64 characters',
    { ...MATERIALS_TASK, BizId: 'x'.repeat(65), FaceImageUrl: 'https://img.example.test/f.jpg' },
    gateway('InvalidParameter', 400),
  ),
  row(
    'VerifyMaterial',
    'selfie on OSS (oss:// cannot be read here)',
    { ...MATERIALS_TASK, FaceImageUrl: 'oss://bucket:face.jpg' },
    gateway('InvalidParam.MaterialsNotValid', 400),
  ),
  row(
    'DescribeVerifyResult',
    'BizType never created (`shiming biztypes create`)',
    { BizType: 'NoSuchScenario', BizId: 'sandbox-task-1' },
    gateway('InvalidBizType.NotFound', 404),
  ),
];

/** Gateway errors and the quota Code, shown on Id2MetaVerify; every action answers them alike. */
const errors: AliyunRow[] = [
  row(
    'NoSuchAction',
    'an action Cloudauth does not have',
    {},
    gateway('InvalidAction.NotFound', 404),
  ),
  row(
    'DescribeVerifyToken',
    'a Cloudauth action not served yet',
    { BizType: 'RPMinTest', BizId: 'biz-0001' },
    gateway('Forbidden.NotSupported', 400),
  ),
  platform('quota used up (any action)', 'quota', info('412')),
  platform(
    'wrong AccessKeySecret (any action)',
    'wrong-secret',
    gateway('SignatureDoesNotMatch', 400),
  ),
  platform(
    'unknown AccessKeyId (any action)',
    'unknown-key',
    gateway('InvalidAccessKeyId.NotFound', 404),
  ),
  platform('disabled app (any action)', 'disabled', gateway('InvalidAccessKeyId.Inactive', 400)),
  platform('rate limit (any action)', 'rate-limit', gateway('Throttling.User', 400)),
  platform('stale Timestamp (any action)', 'expired', gateway('InvalidTimeStamp.Expired', 400)),
  platform(
    'unreadable Timestamp (any action)',
    'bad-timestamp',
    gateway('InvalidTimeStamp.Format', 400),
  ),
  platform('nonce replayed (any action)', 'replay', gateway('SignatureNonceUsed', 400)),
  platform('another API version (any action)', 'other-version', gateway('InvalidVersion', 400)),
  platform('body too large (any action)', 'too-large', gateway('InvalidParameter', 413)),
  platform('unsigned (any action)', 'unsigned', gateway('IncompleteSignature', 400)),
  platform(
    'common parameter missing (any action)',
    'no-timestamp',
    gateway('MissingParameter', 400),
  ),
  platform('parameter sent twice (any action)', 'duplicate', gateway('InvalidParameter', 400)),
  row(
    V,
    'security token of another key (any action)',
    {},
    gateway('InvalidSecurityToken.MismatchWithAccessKey', 400),
    {
      unreachable:
        'shiming issues no STS tokens: a SecurityToken is answered InvalidAccessKeyId.NotFound, so no token can belong to another key',
    },
  ),
  row(V, 'dependency down (any action)', {}, gateway('ServiceUnavailable', 503), {
    unreachable:
      'only a failing dependency (the record store) produces it; no request can cause that',
  }),
  row(V, 'server failure (any action)', {}, gateway('InternalError', 500), {
    unreachable: 'only an internal failure (a bug) produces it',
  }),
];

// ---- face actions: rows with photos, walked by walk-photos.test.ts ----

const photoRow = (
  action: string,
  description: string,
  inputs: Record<string, string>,
  expect: AliyunExpect,
): AliyunRow => ({ ...row(action, description, inputs, expect), photos: true });
const cert = (p: Person) => ({ CertName: p.name, CertNo: p.idNumber });
/** Code "200" with ResultObject.Passed and its SubCode (ContrastFaceVerify, LivenessFaceVerify). */
const verdict = (subCode: string): AliyunExpect => ({ code: '200', subCode });
const pair = (source: string, target: string, types = ['FacePic', 'FacePic']) => ({
  SourceImageType: types[0]!,
  SourceImageValue: source,
  TargetImageType: types[1]!,
  TargetImageValue: target,
});

const CF = 'CompareFaces';
const DF = 'DetectFaceAttributes';
const CV = 'ContrastFaceVerify';
const LV = 'LivenessFaceVerify';
const withPhoto = (p: Person, image = '{selfie}') => ({ ...cert(p), FaceContrastPicture: image });
const ZHANG_CERT = cert(ZHANG);

const faces: AliyunRow[] = [
  photoRow(CF, 'same person', pair('base64://{same-a}', 'base64://{same-b}'), { code: '200' }),
  photoRow(CF, 'different people', pair('base64://{same-a}', 'base64://{other-person}'), {
    code: '200',
  }),
  photoRow(CF, 'same person, one by URL', pair('{url:same-a}', 'base64://{same-b}'), {
    code: '200',
  }),
  photoRow(
    CF,
    'no face',
    pair('base64://{blank}', 'base64://{same-b}'),
    gateway('Error.NoFaceDetected', 400),
  ),
  photoRow(
    CF,
    'two faces',
    pair('base64://{two-faces}', 'base64://{same-b}'),
    gateway('Error.InternalError', 400),
  ),
  photoRow(
    CF,
    'not an image',
    pair('base64://{not-an-image}', 'base64://{same-b}'),
    gateway('InvalidParam.ImageValuePatternError', 400),
  ),
  photoRow(
    CF,
    'URL not found',
    pair('{url:missing}', 'base64://{same-b}'),
    gateway('InvalidParam.ImageNotFound', 400),
  ),
  photoRow(
    CF,
    'no face photo among the two',
    pair('base64://{same-a}', 'base64://{same-b}', ['IDPic', 'IDPic']),
    gateway('InvalidParam.FacePicNotGiven', 400),
  ),
  photoRow(
    CF,
    'unknown image type',
    pair('base64://{same-a}', 'base64://{same-b}', ['FacePic', 'Selfie']),
    gateway('InvalidParam.ImageTypeInvalid', 400),
  ),
  photoRow(
    CF,
    'no image type',
    { SourceImageValue: 'base64://{same-a}', TargetImageType: 'FacePic', TargetImageValue: 'x' },
    gateway('InvalidParam.ImageTypeEmpty', 400),
  ),
  photoRow(
    CF,
    'no target image',
    {
      SourceImageType: 'FacePic',
      SourceImageValue: 'base64://{same-a}',
      TargetImageType: 'FacePic',
    },
    gateway('InvalidParam.ParamsMissing', 400),
  ),
  photoRow(DF, 'one face', { MaterialValue: 'base64://{selfie}' }, { code: '200' }),
  photoRow(DF, 'one face by URL', { MaterialValue: '{url:selfie}' }, { code: '200' }),
  photoRow(DF, 'no face', { MaterialValue: 'base64://{blank}' }, { code: '200' }),
  photoRow(
    DF,
    'not an image',
    { MaterialValue: 'base64://{not-an-image}' },
    gateway('Error.DetectFaceAttributesBase64Error', 400),
  ),
  photoRow(
    DF,
    'URL not found',
    { MaterialValue: '{url:missing}' },
    gateway('Error.DetectFaceAttributesHttpError', 400),
  ),
  photoRow(
    DF,
    'OSS address',
    { MaterialValue: 'oss://bucket:face.jpg' },
    gateway('Error.DetectFaceAttributesOssError', 400),
  ),
  photoRow(
    DF,
    'not an image address',
    { MaterialValue: '{selfie}' },
    gateway('Error.DetectFaceAttributesParamError', 400),
  ),
  photoRow(
    DF,
    'no MaterialValue',
    { BizType: 'RPBasicTest' },
    gateway('InvalidParam.ParamsMissing', 400),
  ),
  photoRow(CV, 'same person', withPhoto(ZHANG), verdict('200')),
  photoRow(
    CV,
    'same person, photo by URL',
    { ...ZHANG_CERT, FaceContrastPictureUrl: '{url:selfie}' },
    verdict('200'),
  ),
  photoRow(CV, 'name differs', withPhoto({ ...ZHANG, name: '李四' }), verdict('201')),
  photoRow(CV, 'no record', withPhoto(NOBODY), verdict('202')),
  photoRow(CV, 'no portrait', withPhoto(WANG), verdict('203')),
  photoRow(CV, 'portrait unusable', withPhoto(MINOR), verdict('203')),
  photoRow(CV, 'different person', withPhoto(LI_NA), verdict('204')),
  photoRow(CV, 'undecided similarity', withPhoto(AYI), verdict('204')),
  photoRow(CV, 'spoofed photo', withPhoto(ZHANG, '{spoof}'), verdict('205')),
  photoRow(
    CV,
    'spoofed photo, Model=NO_LIVENESS',
    { ...withPhoto(ZHANG, '{spoof}'), Model: 'NO_LIVENESS' },
    verdict('200'),
  ),
  photoRow(CV, 'authority busy', withPhoto(BUSY), info('417')),
  photoRow(CV, 'daily limit', withPhoto(LIMITED), info('418')),
  photoRow(CV, 'blank photo', withPhoto(ZHANG, '{blank}'), info('401')),
  photoRow(CV, 'two faces', withPhoto(ZHANG, '{two-faces}'), info('401')),
  photoRow(CV, 'no photo', ZHANG_CERT, info('400')),
  row(CV, 'business risk refused', {}, verdict('206'), {
    unreachable: 'SubCode 206 is a business risk policy, and no such policy exists in shiming',
  }),
  photoRow(LV, 'live photo', { FaceContrastPicture: '{selfie}' }, verdict('200')),
  photoRow(LV, 'live photo by URL', { FaceContrastPictureUrl: '{url:selfie}' }, verdict('200')),
  photoRow(LV, 'spoofed photo', { FaceContrastPicture: '{spoof}' }, verdict('205')),
  photoRow(LV, 'blank photo', { FaceContrastPicture: '{blank}' }, info('401')),
  photoRow(LV, 'no photo', { Model: 'FRONT_CAMERA_LIVENESS' }, info('400')),
];

export const ALIYUN_ROWS: readonly AliyunRow[] = [
  ...id2('Id2MetaVerify'),
  ...id2('Id2MetaStandardVerify'),
  ...periodRows,
  ...bankRows,
  ...mobileRows('Mobile3MetaSimpleVerify', false, false),
  ...mobileRows('Mobile3MetaDetailVerify', true, false),
  ...mobileRows('Mobile3MetaSimpleStandardVerify', false, true),
  ...mobileRows('Mobile3MetaDetailStandardVerify', true, true),
  ...materials,
  ...faces,
  ...errors,
];
