/**
 * IdCardOCRVerification and CheckIdCardInformation without a server (spec tencent.md §1.3; SDK
 * 4.1.313 typings): the request map (precedence of the inputs, size caps, Config, encryption
 * options), the Result tables (idcard-results.ts), Config and Warnings (idcard-config.ts) and the
 * rendered fields (idcard-render.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type IdCardFacts,
  type Outcome,
  type OutcomeCode,
  outcome,
} from '../../../src/core/outcomes.ts';
import { errorFor, resultCode } from '../../../src/dialects/tencent-faceid/codes.ts';
import {
  parseIdCardConfig,
  warningsFor,
} from '../../../src/dialects/tencent-faceid/idcard-config.ts';
import { tencentBirth } from '../../../src/dialects/tencent-faceid/idcard-render.ts';
import type { Params } from '../../../src/dialects/tencent-faceid/params.ts';
import type { FaceIdParsed } from '../../../src/dialects/tencent-faceid/parse.ts';
import {
  MAX_CARD_CHECK_BASE64,
  MAX_IMAGE_BASE64,
  toCommand,
} from '../../../src/dialects/tencent-faceid/request-map.ts';
import { render } from '../../../src/dialects/tencent-faceid/response-map.ts';
import type { ServedAction } from '../../../src/dialects/tencent-faceid/routes.ts';
import { isRefusal } from '../../../src/http/dialect.ts';
import { tc3Post } from './fixtures.ts';

const ZHANG = { IdCard: '110105199003070017', Name: '张三' };
const PHOTO = '/9j/4AAQSkZJRgABAQ';
const URL_A = 'https://img.example.test/front.jpg';
const OCR = 'IdCardOCRVerification';
const CHECK = 'CheckIdCardInformation';
const F = 'FailedOperation.';
const SAME_FACE = { cosine: Number.NaN, far: 1e-6 };

const parsed = (action: ServedAction, params: Params): FaceIdParsed => ({
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

const commandOf = (action: ServedAction, params: Params) => toCommand(parsed(action, params));
const refusalOf = (action: ServedAction, params: Params) => {
  const command = commandOf(action, params);
  assert.ok(isRefusal(command), JSON.stringify(command));
  return command.refused;
};

describe('IdCardOCRVerification request', () => {
  test('case=precedence: IdCard + Name > ImageBase64 > ImageUrl', () => {
    const all = { ...ZHANG, ImageBase64: PHOTO, ImageUrl: URL_A };
    assert.deepEqual(commandOf(OCR, all), {
      kind: 'idcard.verify',
      name: '张三',
      idNumber: ZHANG.IdCard,
    });
    assert.deepEqual(commandOf(OCR, { ImageBase64: PHOTO, ImageUrl: URL_A }), {
      kind: 'idcard.verify',
      image: { base64: PHOTO },
    });
    assert.deepEqual(commandOf(OCR, { ImageUrl: URL_A }), {
      kind: 'idcard.verify',
      image: { url: URL_A },
    });
    // Half a pair does not count: the photo is read.
    assert.deepEqual(commandOf(OCR, { IdCard: ZHANG.IdCard, ImageUrl: URL_A }), {
      kind: 'idcard.verify',
      image: { url: URL_A },
    });
  });

  test('case=nothing to check; half a pair alone', () => {
    const none = refusalOf(OCR, {});
    assert.equal(errorFor(none, OCR).code, 'MissingParameter');
    assert.match(errorFor(none, OCR).message, /IdCard and Name, ImageBase64 or ImageUrl/);
    assert.deepEqual(refusalOf(OCR, { IdCard: ZHANG.IdCard }).facts, { parameter: 'Name' });
    assert.deepEqual(refusalOf(OCR, { Name: '张三', IdCard: '' }).facts, { parameter: 'IdCard' });
  });

  test('case=ImageBase64 over 3 MB → ImageSizeTooLarge; wrong types', () => {
    const big = refusalOf(OCR, { ImageBase64: 'A'.repeat(MAX_IMAGE_BASE64 + 4) });
    assert.equal(errorFor(big, OCR).code, `${F}ImageSizeTooLarge`);
    assert.deepEqual(refusalOf(OCR, { ImageUrl: 7 }), {
      code: 'malformed_request',
      facts: { parameter: 'ImageUrl' },
    });
    assert.equal(refusalOf(OCR, { ...ZHANG, Name: 1 }).code, 'malformed_request');
  });

  test('case=Config: honoured with a photo only, refused when it is not a JSON object', () => {
    const bad = refusalOf(OCR, { ImageBase64: PHOTO, Config: '{oops' });
    assert.deepEqual(bad, { code: 'invalid_parameter', facts: { parameter: 'Config' } });
    assert.equal(errorFor(bad, OCR).code, 'InvalidParameterValue');
    assert.ok(!isRefusal(commandOf(OCR, { ...ZHANG, Config: '{oops' })));
    assert.ok(!isRefusal(commandOf(OCR, { ImageBase64: PHOTO, Config: '{"CopyWarn":true}' })));
  });
});

describe('CheckIdCardInformation request', () => {
  test('case=ImageUrl wins over ImageBase64', () => {
    assert.deepEqual(commandOf(CHECK, { ImageBase64: PHOTO, ImageUrl: URL_A }), {
      kind: 'idcard.check',
      image: { url: URL_A },
    });
    assert.deepEqual(commandOf(CHECK, { ImageBase64: PHOTO }), {
      kind: 'idcard.check',
      image: { base64: PHOTO },
    });
  });

  test('case=no image → EmptyImageError; the 7 MB cap', () => {
    assert.equal(errorFor(refusalOf(CHECK, {}), CHECK).code, `${F}EmptyImageError`);
    assert.ok(!isRefusal(commandOf(CHECK, { ImageBase64: 'A'.repeat(MAX_IMAGE_BASE64 + 4) })));
    const big = refusalOf(CHECK, { ImageBase64: 'A'.repeat(MAX_CARD_CHECK_BASE64 + 4) });
    assert.equal(errorFor(big, CHECK).code, `${F}ImageSizeTooLarge`);
  });

  test('case=an encrypted answer is refused; false options are fine', () => {
    for (const [name, value] of [
      ['IsEncrypt', true],
      ['IsEncryptResponse', 'true'],
      ['Encryption', { Algorithm: 'AES-256-CBC' }],
    ] as const) {
      const refused = refusalOf(CHECK, { ImageBase64: PHOTO, [name]: value });
      assert.deepEqual(refused.facts, { parameter: name });
      assert.equal(errorFor(refused, CHECK).code, 'InvalidParameter.UnsupportEncryptField');
    }
    const plain = { ImageBase64: PHOTO, IsEncrypt: false, IsEncryptResponse: false };
    assert.ok(!isRefusal(commandOf(CHECK, plain)));
    assert.ok(!isRefusal(commandOf(CHECK, { ...plain, Encryption: {} })));
  });
});

describe('Config', () => {
  test('case=a JSON object of booleans, as text or as an object', () => {
    assert.deepEqual(parseIdCardConfig('{"CopyWarn":true,"Quality":false,"Other":1}'), {
      CopyWarn: true,
      Quality: false,
    });
    assert.deepEqual(parseIdCardConfig({ BorderCheckWarn: true }), { BorderCheckWarn: true });
    assert.deepEqual(parseIdCardConfig(undefined), {});
    assert.deepEqual(parseIdCardConfig(''), {});
    for (const bad of ['{oops', '[]', '"x"', '{"CopyWarn":"yes"}', 42]) {
      assert.equal(parseIdCardConfig(bad), undefined, String(bad));
    }
  });
});

const card = (extra: Partial<IdCardFacts> = {}): IdCardFacts => ({
  name: '张三',
  sex: '男',
  nation: '汉',
  birthDate: '1990-03-07',
  address: '北京市朝阳区建国路1号',
  idNumber: '110105199003070017',
  portrait: '/9j/portrait',
  warnings: [],
  quality: 0.87,
  ...extra,
});

describe('Warnings', () => {
  const cutOff = outcome('card_unreadable', { cardProblem: 'card_cut_off' });
  test('case=CheckIdCardInformation raises only what Config switched on', () => {
    assert.deepEqual(warningsFor(CHECK, cutOff, {}), []);
    assert.deepEqual(warningsFor(CHECK, cutOff, { BorderCheckWarn: true }), ['-9101']);
    const blurred = outcome('card_unreadable', { cardProblem: 'blurred' });
    assert.deepEqual(warningsFor(CHECK, blurred, { Quality: true }), ['-8001']);
    const low = outcome('match', { idCard: card({ quality: 0.42 }) });
    assert.deepEqual(warningsFor(CHECK, low, { Quality: true }), ['-8001']);
    const copy = outcome('card_not_original');
    assert.deepEqual(warningsFor(CHECK, copy, { CopyWarn: true, ReshootWarn: true }), [
      '-9102',
      '-9103',
    ]);
    const good = outcome('match', { idCard: card() });
    const everything = Object.fromEntries(
      ['CopyWarn', 'BorderCheckWarn', 'ReshootWarn', 'DetectPsWarn', 'TempIdWarn', 'Quality'].map(
        (k) => [k, true],
      ),
    );
    assert.deepEqual(warningsFor(CHECK, good, everything), []);
  });

  test('case=a black-and-white copy: -9108 (OCR) or -9102 (check), with CopyWarn', () => {
    const grey = outcome('match', { idCard: card({ warnings: ['black_and_white_copy'] }) });
    assert.deepEqual(warningsFor(OCR, grey, {}), []);
    assert.deepEqual(warningsFor(OCR, grey, { CopyWarn: true }), ['-9108']);
    assert.deepEqual(warningsFor(CHECK, grey, { CopyWarn: true }), ['-9102']);
    assert.equal(
      resultCode(CHECK, grey, { Config: '{"CopyWarn":true}' }),
      `${F}OcrWarningOccurred`,
    );
  });

  test('case=IdCardOCRVerification adds the always-on -9107 and -9109', () => {
    const glare = outcome('card_unreadable', { cardProblem: 'glare' });
    assert.deepEqual(warningsFor(OCR, glare, {}), ['-9107']);
    const dates = outcome('match', { idCard: card({ warnings: ['validity_malformed'] }) });
    assert.deepEqual(warningsFor(OCR, dates, {}), ['-9109']);
    assert.deepEqual(warningsFor(CHECK, dates, {}), []);
  });
});

describe('Result codes', () => {
  const code = (action: ServedAction, o: Outcome, params: Params = {}) =>
    resultCode(action, o, params);
  const SAME = { face: { cosine: Number.NaN, far: 1e-6 } };
  const DIFFERENT = { face: { cosine: Number.NaN, far: 0.5 } };

  test('case=IdCardOCRVerification: IdCardVerification codes; an unreadable card is an Error', () => {
    const expected: Partial<Record<OutcomeCode, string>> = {
      match: '0',
      mismatch: '-1',
      invalid_id_number: '-2',
      invalid_name: '-3',
      authority_unavailable: '-4',
      not_found: '-5',
      authority_upgrading: '-6',
      attempt_limit: '-7',
    };
    for (const [o, result] of Object.entries(expected)) {
      assert.equal(code(OCR, outcome(o as OutcomeCode)), result, o);
    }
    const errors: Array<[Outcome, string]> = [
      [outcome('card_unreadable', { cardProblem: 'card_not_found' }), `${F}ImageNoIdCard`],
      [outcome('card_unreadable', { cardProblem: 'wrong_side' }), `${F}ImageNoIdCard`],
      [outcome('card_unreadable', { cardProblem: 'blurred' }), `${F}ImageBlur`],
      [outcome('card_unreadable', { cardProblem: 'glare' }), `${F}OcrFailed`],
      [outcome('card_unreadable'), `${F}OcrFailed`],
      [outcome('image_invalid'), `${F}ImageDecodeFailed`],
      [outcome('image_unavailable'), `${F}DownLoadError`],
    ];
    for (const [o, error] of errors) {
      assert.equal(code(OCR, o), undefined, JSON.stringify(o));
      assert.equal(errorFor(o, OCR).code, error, JSON.stringify(o));
    }
  });

  test('case=CheckIdCardInformation: Success exactly when Sim ≥ 70', () => {
    assert.equal(code(CHECK, outcome('match', SAME)), 'Success');
    const low = outcome('mismatch', { mismatch: 'face', ...DIFFERENT });
    assert.equal(code(CHECK, low), `${F}CompareLowSimilarity`);
    assert.equal(code(CHECK, outcome('mismatch', { mismatch: 'name' })), `${F}IdNameMisMatch`);
  });

  test('case=CheckIdCardInformation: unreadable cards, portraits and warnings are Results', () => {
    const expected: Array<[Outcome, string, Params?]> = [
      [outcome('card_unreadable', { cardProblem: 'card_not_found' }), 'ImageNoIdCard'],
      [outcome('card_unreadable', { cardProblem: 'blurred' }), 'ImageBlur'],
      [outcome('card_unreadable', { cardProblem: 'card_too_small' }), 'OcrFailed'],
      [outcome('card_unreadable', { cardProblem: 'card_cut_off' }), 'OcrFailed'],
      [
        outcome('card_unreadable', { cardProblem: 'card_cut_off' }),
        'OcrWarningOccurred',
        { Config: '{"BorderCheckWarn":true}' },
      ],
      [
        outcome('match', { ...SAME, idCard: card({ quality: 0.3 }) }),
        'OcrWarningOccurred',
        { Config: { Quality: true } },
      ],
      [outcome('card_not_original'), 'OcrWarningOccurred'],
      [outcome('no_portrait', { portraitProblem: 'missing' }), 'IdPhotoNoExist'],
      [outcome('no_portrait', { portraitProblem: 'unusable' }), 'IdPhotoPoorQuality'],
      [outcome('no_face'), 'LifePhotoDetectNoFaces'],
      [outcome('image_invalid'), 'ImageDecodeFailed'],
      [outcome('not_found'), 'IdNoExistSystem'],
      [outcome('authority_unavailable'), 'IdPhotoSystemNoanswer'],
      [outcome('attempt_limit'), 'RequestLimitExceeded'],
    ];
    for (const [o, result, params] of expected) {
      assert.equal(code(CHECK, o, params ?? {}), `${F}${result}`, JSON.stringify(o));
    }
    assert.equal(code(CHECK, outcome('liveness_failed')), undefined);
  });
});

describe('rendered response', () => {
  const REQUEST_ID = '6c1f0c1e-2b5e-4c1e-9d55-0b3d9c7f1a10';
  const body = (action: ServedAction, params: Params, o: Outcome) =>
    JSON.parse(
      String(
        render({
          requestId: REQUEST_ID,
          request: tc3Post({ action }),
          parsed: parsed(action, params),
          outcome: o,
        }).body,
      ),
    ).Response as Record<string, unknown>;

  test('case=Birth as YYYY/M/D', () => {
    assert.equal(tencentBirth('1990-03-07'), '1990/3/7');
    assert.equal(tencentBirth('19491231'), '1949/12/31');
    assert.equal(tencentBirth(undefined), '');
  });

  test('case=IdCardOCRVerification by text: the elements echoed, no card fields', () => {
    assert.deepEqual(body(OCR, { ...ZHANG, ImageUrl: URL_A }, outcome('match')), {
      Result: '0',
      Description: '姓名和身份证号一致',
      Name: '张三',
      IdCard: ZHANG.IdCard,
      Sex: '',
      Nation: '',
      Birth: '',
      Address: '',
      Portrait: '',
      Warnings: '',
      Quality: null,
      RequestId: REQUEST_ID,
    });
  });

  test('case=IdCardOCRVerification by photo: what the card says', () => {
    const r = body(OCR, { ImageBase64: PHOTO }, outcome('not_found', { idCard: card() }));
    assert.deepEqual(r, {
      Result: '-5',
      Description: '证件库中无此身份证记录',
      Name: '张三',
      IdCard: '110105199003070017',
      Sex: '男',
      Nation: '汉',
      Birth: '1990/3/7',
      Address: '北京市朝阳区建国路1号',
      Portrait: '/9j/portrait',
      Warnings: '',
      Quality: 87,
      RequestId: REQUEST_ID,
    });
  });

  test('case=CheckIdCardInformation: Sim, the card, Encryption null', () => {
    const r = body(
      CHECK,
      { ImageBase64: PHOTO },
      outcome('match', { face: SAME_FACE, idCard: card() }),
    );
    assert.deepEqual(r, {
      Result: 'Success',
      Description: '成功',
      Sim: 90,
      Name: '张三',
      Sex: '男',
      Nation: '汉',
      Birth: '1990/3/7',
      Address: '北京市朝阳区建国路1号',
      IdNum: '110105199003070017',
      Portrait: '/9j/portrait',
      Warnings: '',
      Quality: 87,
      Encryption: null,
      RequestId: REQUEST_ID,
    });
  });

  test('case=CheckIdCardInformation: a warning stops the comparison (Sim 0)', () => {
    const params = { ImageBase64: PHOTO, Config: '{"BorderCheckWarn":true}' };
    const r = body(CHECK, params, outcome('card_unreadable', { cardProblem: 'card_cut_off' }));
    assert.deepEqual(
      [r.Result, r.Description, r.Sim, r.Warnings, r.Name, r.Quality],
      [`${F}OcrWarningOccurred`, '出现OCR告警', 0, '-9101', '', null],
    );
  });

  test('case=an unreadable card on IdCardOCRVerification is an Error', () => {
    const r = body(
      OCR,
      { ImageBase64: PHOTO },
      outcome('card_unreadable', { cardProblem: 'blurred' }),
    );
    assert.deepEqual(Object.keys(r).sort(), ['Error', 'RequestId']);
    assert.equal((r.Error as { Code: string }).Code, `${F}ImageBlur`);
  });
});
