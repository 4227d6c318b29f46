/**
 * The face actions without a server (spec aliyun.md §4.3, §4.4, §5.1, §5.2, §9.1): request
 * fields → core commands (face-map.ts), outcome → code (face-codes.ts) and the bodies
 * (face-render.ts): ResultObject Passed/SubCode, CompareFaces and DetectFaceAttributes `Data`.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Outcome, outcome } from '../../../src/core/outcomes.ts';
import { CONFIDENCE_THRESHOLDS } from '../../../src/dialects/aliyun-cloudauth/face-render.ts';
import { parse } from '../../../src/dialects/aliyun-cloudauth/framing.ts';
import { toCommand } from '../../../src/dialects/aliyun-cloudauth/request-map.ts';
import { render } from '../../../src/dialects/aliyun-cloudauth/response-map.ts';
import { isRefusal } from '../../../src/http/dialect.ts';
import { rpcRequest } from './fixtures.ts';
import type { Json } from './wire-client.ts';

const PHOTO = '/9j/4AAQSkZJRgABAQ';
const URL_A = 'https://img.example.test/a.jpg';
const ZHANG = { CertName: '张三', CertNo: '110105199003070017' };
const REQUEST_ID = '3c85e634-24f4-5242-89b9-4e9453fc6d2b';

const parsedFor = (action: string, business: Record<string, string>, format = 'JSON') => {
  const parsed = parse(rpcRequest({ action, business, extra: { Format: format } }));
  assert.ok(!isRefusal(parsed), JSON.stringify(parsed));
  return parsed;
};
const commandFor = (action: string, business: Record<string, string>) =>
  toCommand(parsedFor(action, business));
const refusalOf = (action: string, business: Record<string, string>) => {
  const command = commandFor(action, business);
  assert.ok(isRefusal(command), JSON.stringify(command));
  return command.refused;
};

describe('CompareFaces request', () => {
  const pair = (over: Record<string, string> = {}) => ({
    SourceImageType: 'FacePic',
    SourceImageValue: `base64://${PHOTO}`,
    TargetImageType: 'IDPic',
    TargetImageValue: URL_A,
    ...over,
  });

  test('case=base64:// and http(s) addresses; the face photo is the source', () => {
    const expected = {
      kind: 'face.compare',
      source: { base64: PHOTO },
      target: { url: URL_A },
    };
    assert.deepEqual(commandFor('CompareFaces', pair()), expected);
    const swapped = pair({
      SourceImageType: 'IDPic',
      SourceImageValue: URL_A,
      TargetImageType: 'FacePic',
      TargetImageValue: `base64://${PHOTO}`,
    });
    assert.deepEqual(commandFor('CompareFaces', swapped), expected);
  });

  test('case=image types: empty, invalid, neither a FacePic', () => {
    const { SourceImageType: _, ...noType } = pair();
    assert.deepEqual(
      refusalOf('CompareFaces', noType),
      outcome('missing_parameter', { parameter: 'SourceImageType' }),
    );
    assert.deepEqual(
      refusalOf('CompareFaces', pair({ TargetImageType: 'Selfie' })),
      outcome('invalid_parameter', { parameter: 'TargetImageType' }),
    );
    assert.deepEqual(
      refusalOf('CompareFaces', pair({ SourceImageType: 'IDPic' })),
      outcome('invalid_parameter', { parameter: 'SourceImageType+TargetImageType' }),
    );
  });

  test('case=image values: bare base64 is not an address, oss:// cannot be read', () => {
    assert.deepEqual(
      refusalOf('CompareFaces', pair({ SourceImageValue: PHOTO })),
      outcome('invalid_parameter', { parameter: 'SourceImageValue' }),
    );
    assert.deepEqual(
      refusalOf('CompareFaces', pair({ TargetImageValue: 'oss://bucket:face.jpg' })),
      outcome('image_unavailable', { parameter: 'TargetImageValue' }),
    );
    assert.deepEqual(
      refusalOf('CompareFaces', pair({ TargetImageValue: '' })),
      outcome('missing_parameter', { parameter: 'TargetImageValue' }),
    );
  });
});

describe('DetectFaceAttributes request', () => {
  test('case=MaterialValue as base64:// or URL; BizType optional', () => {
    assert.deepEqual(commandFor('DetectFaceAttributes', { MaterialValue: `base64://${PHOTO}` }), {
      kind: 'face.detect',
      image: { base64: PHOTO },
    });
    assert.deepEqual(
      commandFor('DetectFaceAttributes', { MaterialValue: URL_A, BizType: 'RPBasicTest' }),
      { kind: 'face.detect', image: { url: URL_A } },
    );
    assert.deepEqual(
      refusalOf('DetectFaceAttributes', { BizType: 'x' }),
      outcome('missing_parameter', { parameter: 'MaterialValue' }),
    );
  });
});

describe('ContrastFaceVerify / LivenessFaceVerify request', () => {
  test('case=photo against the portrait, liveness unless Model=NO_LIVENESS', () => {
    const verify = (over: Record<string, string>) =>
      commandFor('ContrastFaceVerify', { ...ZHANG, FaceContrastPicture: PHOTO, ...over });
    const expected = {
      kind: 'face.verify',
      name: ZHANG.CertName,
      idNumber: ZHANG.CertNo,
      image: { base64: PHOTO },
      liveness: true,
    };
    assert.deepEqual(verify({}), expected);
    assert.deepEqual(verify({ Model: 'FRONT_CAMERA_LIVENESS', ProductCode: 'ID_MIN' }), expected);
    assert.deepEqual(verify({ Model: 'NO_LIVENESS' }), { ...expected, liveness: false });
    assert.deepEqual(verify({ CertType: 'IDENTITY_CARD', SceneId: '1000000006' }), expected);
  });

  test('case=the URL form; FaceContrastPicture wins when both are sent', () => {
    assert.deepEqual(
      commandFor('ContrastFaceVerify', { ...ZHANG, FaceContrastPictureUrl: URL_A }),
      {
        kind: 'face.verify',
        name: ZHANG.CertName,
        idNumber: ZHANG.CertNo,
        image: { url: URL_A },
        liveness: true,
      },
    );
    const both = { ...ZHANG, FaceContrastPicture: PHOTO, FaceContrastPictureUrl: URL_A };
    const command = commandFor('ContrastFaceVerify', both);
    assert.deepEqual(!isRefusal(command) && 'image' in command && command.image, {
      base64: PHOTO,
    });
  });

  test('case=refusals name the parameter', () => {
    const refused = (over: Record<string, string>, base: Record<string, string> = ZHANG) =>
      refusalOf('ContrastFaceVerify', { ...base, ...over });
    const invalid = (parameter: string) => outcome('invalid_parameter', { parameter });
    assert.deepEqual(
      refused({}),
      outcome('missing_parameter', { parameter: 'FaceContrastPicture' }),
    );
    assert.deepEqual(refused({ OssBucketName: 'b', OssObjectName: 'o' }), invalid('OssBucketName'));
    assert.deepEqual(refused({ FaceContrastFile: 'https://oss/x' }), invalid('FaceContrastFile'));
    assert.deepEqual(refused({ CertifyId: 'abc' }), invalid('CertifyId'));
    const photo = { FaceContrastPicture: PHOTO };
    assert.deepEqual(refused({ ...photo, Model: 'MULTI_ACTION' }), invalid('Model'));
    assert.deepEqual(refused({ ...photo, CertType: 'PASSPORT' }), invalid('CertType'));
    assert.deepEqual(refused({ ...photo, EncryptType: 'SM2' }), invalid('EncryptType'));
    assert.deepEqual(
      refused(photo, { CertName: '张三' }),
      outcome('missing_parameter', { parameter: 'CertNo' }),
    );
  });

  test('case=LivenessFaceVerify: one photo, liveness only', () => {
    assert.deepEqual(commandFor('LivenessFaceVerify', { FaceContrastPictureUrl: URL_A }), {
      kind: 'face.liveness',
      image: { url: URL_A },
    });
    assert.deepEqual(
      refusalOf('LivenessFaceVerify', { FaceContrastPicture: PHOTO, Model: 'NO_LIVENESS' }),
      outcome('invalid_parameter', { parameter: 'Model' }),
    );
  });
});

const answer = (
  action: string,
  o: Outcome,
  business: Record<string, string> = {},
  format = 'JSON',
) => {
  const response = render({
    requestId: REQUEST_ID,
    request: rpcRequest({ action, business }),
    parsed: parsedFor(action, business, format),
    outcome: o,
  });
  const text = String(response.body);
  return { response, text, body: format === 'JSON' ? (JSON.parse(text) as Json) : {} };
};

const face = (far: number) => ({ face: { cosine: Number.NaN, far } });

describe('face-flow answers (§4.3)', () => {
  const contrast = (
    o: Outcome,
    business: Record<string, string> = { FaceContrastPicture: PHOTO },
  ) => answer('ContrastFaceVerify', o, business).body;

  test('case=every verdict is Code 200 with Passed and SubCode', () => {
    const cases: Array<[Outcome, string, string]> = [
      [outcome('match', face(1e-6)), 'T', '200'],
      [outcome('mismatch', { mismatch: 'name' }), 'F', '201'],
      [outcome('not_found'), 'F', '202'],
      [outcome('no_portrait'), 'F', '203'],
      [outcome('mismatch', { mismatch: 'face', ...face(0.5) }), 'F', '204'],
      [outcome('liveness_failed', { liveness: { score: 0.1, threshold: 0.5 } }), 'F', '205'],
    ];
    for (const [o, passed, sub] of cases) {
      const body = contrast(o);
      assert.deepEqual([body.Code, body.Message], ['200', 'success']);
      assert.deepEqual([body.ResultObject.Passed, body.ResultObject.SubCode], [passed, sub]);
      assert.equal(body.ResultObject.CertifyId, REQUEST_ID.replaceAll('-', ''));
    }
  });

  test('case=MaterialInfo: faceAttack when liveness ran, verifyScore when a comparison ran', () => {
    const info = (o: Outcome, business?: Record<string, string>) => {
      const text = contrast(o, business).ResultObject.MaterialInfo;
      return text === undefined ? undefined : JSON.parse(text);
    };
    assert.deepEqual(info(outcome('match', face(1e-4))), {
      faceAttack: 'F',
      facialPictureFront: { verifyScore: 90 },
    });
    assert.deepEqual(
      info(outcome('match', face(1e-3)), { FaceContrastPicture: PHOTO, Model: 'NO_LIVENESS' }),
      { facialPictureFront: { verifyScore: 80 } },
    );
    assert.deepEqual(info(outcome('liveness_failed')), { faceAttack: 'T' });
    assert.equal(info(outcome('mismatch', { mismatch: 'name' })), undefined);
    const live = answer(
      'LivenessFaceVerify',
      outcome('match', { liveness: { score: 0.9, threshold: 0.5 } }),
    );
    assert.deepEqual(JSON.parse(live.body.ResultObject.MaterialInfo), { faceAttack: 'F' });
    assert.equal(live.body.ResultObject.SubCode, '200');
  });

  test('case=refusals are the flow Codes; a bad photo is 401 naming the picture and why', () => {
    const code = (o: Outcome, business?: Record<string, string>) => {
      const body = contrast(o, business);
      return `${body.Code} ${body.Message}`;
    };
    assert.equal(code(outcome('invalid_id_number')), '401 参数非法: CertNo');
    assert.equal(code(outcome('authority_unavailable')), '417 无法使用刷脸服务');
    assert.equal(code(outcome('authority_upgrading')), '417 无法使用刷脸服务');
    assert.equal(code(outcome('attempt_limit')), '418 刷脸失败次数过多');
    assert.equal(code(outcome('quota_exhausted')), '412 欠费中');
    assert.equal(code(outcome('no_face')), '401 参数非法: FaceContrastPicture（未检测到人脸）');
    assert.equal(
      code(outcome('poor_quality', { quality: 'too_dark' })),
      '401 参数非法: FaceContrastPicture（光线过暗）',
    );
    assert.equal(
      code(outcome('image_unavailable'), { FaceContrastPictureUrl: URL_A }),
      '401 参数非法: FaceContrastPictureUrl（图片无法下载）',
    );
    assert.equal(
      code(outcome('missing_parameter', { parameter: 'CertName' })),
      '400 参数不能为空: CertName',
    );
  });
});

describe('CompareFaces answers (§4.4, §9.1)', () => {
  test('case=Data with SimilarityScore on the alibaba scale and the anchors as JSON text', () => {
    const { response, body } = answer('CompareFaces', outcome('match', face(1e-4)));
    assert.equal(response.status, 200);
    assert.deepEqual(body, {
      RequestId: REQUEST_ID.toUpperCase(),
      Code: '200',
      Message: 'success',
      Success: true,
      Data: { SimilarityScore: 90, ConfidenceThresholds: CONFIDENCE_THRESHOLDS },
    });
    assert.deepEqual(JSON.parse(CONFIDENCE_THRESHOLDS), {
      '0.00001': '95.00',
      '0.0001': '90.00',
      '0.001': '80.00',
      '0.01': '60.00',
    });
    const different = answer(
      'CompareFaces',
      outcome('mismatch', { mismatch: 'face', ...face(0.5) }),
    );
    assert.equal(different.body.Data.SimilarityScore, 9.03);
  });

  test('case=failures are HTTP errors with the action codes', () => {
    const cases: Array<[Outcome, number, string]> = [
      [outcome('no_face'), 400, 'Error.NoFaceDetected'],
      [outcome('several_faces'), 400, 'Error.InternalError'],
      [outcome('poor_quality', { quality: 'face_too_small' }), 400, 'Error.InternalError'],
      [outcome('image_invalid'), 400, 'InvalidParam.ImageValuePatternError'],
      [outcome('image_too_large'), 400, 'InvalidParam.ImageValuePatternError'],
      [outcome('image_unavailable'), 400, 'InvalidParam.ImageNotFound'],
      [
        outcome('missing_parameter', { parameter: 'TargetImageType' }),
        400,
        'InvalidParam.ImageTypeEmpty',
      ],
      [
        outcome('missing_parameter', { parameter: 'SourceImageValue' }),
        400,
        'InvalidParam.ParamsMissing',
      ],
      [
        outcome('invalid_parameter', { parameter: 'SourceImageType' }),
        400,
        'InvalidParam.ImageTypeInvalid',
      ],
      [
        outcome('invalid_parameter', { parameter: 'SourceImageType+TargetImageType' }),
        400,
        'InvalidParam.FacePicNotGiven',
      ],
      [
        outcome('invalid_parameter', { parameter: 'TargetImageValue' }),
        400,
        'InvalidParam.ImageValuePatternError',
      ],
      [outcome('quota_exhausted'), 403, 'Error.NoPermissionAccess'],
      [outcome('service_unavailable'), 503, 'ServiceUnavailable'],
      [outcome('card_refused'), 500, 'InternalError'],
    ];
    for (const [o, status, code] of cases) {
      const { response, body } = answer('CompareFaces', o);
      assert.deepEqual([response.status, body.Code], [status, code], o.code);
      assert.deepEqual(Object.keys(body), ['RequestId', 'HostId', 'Code', 'Message', 'Recommend']);
    }
  });
});

describe('DetectFaceAttributes answers (§5.1)', () => {
  const faces = [
    {
      box: { x: 100.4, y: 80.6, width: 200.2, height: 240.7, score: 0.9987 },
      quality: { sharpness: 75, brightness: 120, yaw: 0.1, rollDeg: -3.456 },
    },
    { box: { x: 400, y: 90, width: 100, height: 120, score: 0.91 } },
  ];

  test('case=face boxes, the detector confidence and the largest face measurements', () => {
    const { body } = answer('DetectFaceAttributes', outcome('match', { faces }));
    assert.deepEqual([body.Code, body.Success], ['200', true]);
    assert.deepEqual(body.Data, {
      FaceInfos: {
        FaceAttributesDetectInfo: [
          {
            FaceRect: { Left: 100, Top: 81, Width: 200, Height: 241 },
            FaceAttributes: {
              Facetype: 'Face',
              Facequal: 99.87,
              Blur: 25,
              Headpose: { RollAngle: -3.46, YawAngle: 11.31 },
            },
          },
          {
            FaceRect: { Left: 400, Top: 90, Width: 100, Height: 120 },
            FaceAttributes: { Facetype: 'Face', Facequal: 91 },
          },
        ],
      },
    });
  });

  test('case=no face is an empty list; at most five faces', () => {
    const none = answer('DetectFaceAttributes', outcome('no_face')).body;
    assert.deepEqual(none.Data, { FaceInfos: { FaceAttributesDetectInfo: [] } });
    const many = Array.from({ length: 7 }, () => faces[1]!);
    const five = answer('DetectFaceAttributes', outcome('match', { faces: many })).body;
    assert.equal(five.Data.FaceInfos.FaceAttributesDetectInfo.length, 5);
  });

  test('case=failures: Base64Error / HttpError / OssError by the address, ParamError, ParamsMissing', () => {
    const code = (o: Outcome, value = `base64://${PHOTO}`) => {
      const { response, body } = answer('DetectFaceAttributes', o, { MaterialValue: value });
      return `${response.status} ${body.Code}`;
    };
    assert.equal(code(outcome('image_invalid')), '400 Error.DetectFaceAttributesBase64Error');
    assert.equal(code(outcome('image_invalid'), URL_A), '400 Error.DetectFaceAttributesHttpError');
    assert.equal(
      code(outcome('image_unavailable'), URL_A),
      '400 Error.DetectFaceAttributesHttpError',
    );
    assert.equal(
      code(outcome('image_unavailable', { parameter: 'MaterialValue' }), 'oss://b:f.jpg'),
      '400 Error.DetectFaceAttributesOssError',
    );
    assert.equal(code(outcome('image_too_large')), '400 Error.DetectFaceAttributesParamError');
    assert.equal(
      code(outcome('invalid_parameter', { parameter: 'MaterialValue' })),
      '400 Error.DetectFaceAttributesParamError',
    );
    assert.equal(
      code(outcome('missing_parameter', { parameter: 'MaterialValue' })),
      '400 InvalidParam.ParamsMissing',
    );
  });

  test('case=Format=XML lists the faces as <element> items', () => {
    const { text } = answer('DetectFaceAttributes', outcome('match', { faces }), {}, 'XML');
    assert.match(
      text,
      /^<\?xml version="1.0" encoding="UTF-8"\?><DetectFaceAttributesResponse>.*<FaceAttributesDetectInfo><element><FaceRect><Left>100<\/Left>/,
    );
  });
});
