/**
 * ImageRecognition (historical) and ImageRecognitionV2 without a server: the request map (spec
 * tencent.md §1.3: IdCard, Name, ImageBase64 ≤ 3 MB, Optional, Extra), the Result table with its
 * V1/V2 verdicts and Sim scales (face-results.ts), and the rendered response.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Outcome, type OutcomeCode, outcome } from '../../../src/core/outcomes.ts';
import { errorFor, resultCode } from '../../../src/dialects/tencent-faceid/codes.ts';
import { simFor } from '../../../src/dialects/tencent-faceid/face-results.ts';
import type { Params } from '../../../src/dialects/tencent-faceid/params.ts';
import type { FaceIdParsed } from '../../../src/dialects/tencent-faceid/parse.ts';
import { MAX_IMAGE_BASE64, toCommand } from '../../../src/dialects/tencent-faceid/request-map.ts';
import { render } from '../../../src/dialects/tencent-faceid/response-map.ts';
import type { ServedAction } from '../../../src/dialects/tencent-faceid/routes.ts';
import { isRefusal } from '../../../src/http/dialect.ts';
import { tc3Post } from './fixtures.ts';

const ZHANG = { IdCard: '110105199003070017', Name: '张三' };
const PHOTO = '/9j/4AAQSkZJRgABAQ';
const ACTIONS = ['ImageRecognition', 'ImageRecognitionV2'] as const;

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

const refusalOf = (action: ServedAction, params: Params) => {
  const command = toCommand(parsed(action, params));
  assert.ok(isRefusal(command), JSON.stringify(command));
  return command.refused;
};

describe('request map', () => {
  for (const action of ACTIONS) {
    test(`case=${action} → face.verify against the portrait, liveness off`, () => {
      assert.deepEqual(toCommand(parsed(action, { ...ZHANG, ImageBase64: PHOTO })), {
        kind: 'face.verify',
        idNumber: ZHANG.IdCard,
        name: ZHANG.Name,
        image: { base64: PHOTO },
        liveness: false,
      });
    });

    test(`case=${action} missing or empty image → missing ImageBase64 (EmptyImageError)`, () => {
      for (const params of [
        ZHANG,
        { ...ZHANG, ImageBase64: '' },
        { ...ZHANG, ImageBase64: null },
      ]) {
        const refused = refusalOf(action, params);
        assert.deepEqual(refused, outcome('missing_parameter', { parameter: 'ImageBase64' }));
        assert.equal(errorFor(refused, action).code, 'FailedOperation.EmptyImageError');
      }
    });

    test(`case=${action} image over 3 MB of base64 → ImageSizeTooLarge`, () => {
      const big = 'A'.repeat(MAX_IMAGE_BASE64 + 4);
      const refused = refusalOf(action, { ...ZHANG, ImageBase64: big });
      assert.equal(refused.code, 'image_too_large');
      assert.equal(errorFor(refused, action).code, 'FailedOperation.ImageSizeTooLarge');
      const edge = toCommand(
        parsed(action, { ...ZHANG, ImageBase64: 'A'.repeat(MAX_IMAGE_BASE64) }),
      );
      assert.ok(!isRefusal(edge));
    });

    test(`case=${action} wrong types and missing identity fields`, () => {
      assert.deepEqual(
        refusalOf(action, { ...ZHANG, ImageBase64: 42 }),
        outcome('malformed_request', { parameter: 'ImageBase64' }),
      );
      assert.deepEqual(
        refusalOf(action, { ...ZHANG, ImageBase64: PHOTO, Optional: {} }),
        outcome('malformed_request', { parameter: 'Optional' }),
      );
      assert.deepEqual(
        refusalOf(action, { Name: '张三', ImageBase64: PHOTO }),
        outcome('missing_parameter', { parameter: 'IdCard' }),
      );
    });

    test(`case=${action} encrypted input is refused`, () => {
      const params = { ...ZHANG, ImageBase64: PHOTO, Encryption: { EncryptList: ['Name'] } };
      assert.equal(refusalOf(action, params).facts?.parameter, 'Encryption.EncryptList');
    });
  }

  test('case=V2 Extra: 1–10 characters, a string', () => {
    const base = { ...ZHANG, ImageBase64: PHOTO };
    assert.ok(
      !isRefusal(toCommand(parsed('ImageRecognitionV2', { ...base, Extra: 'order-0042' }))),
    );
    assert.deepEqual(
      refusalOf('ImageRecognitionV2', { ...base, Extra: 'order-00042' }),
      outcome('invalid_parameter', { parameter: 'Extra' }),
    );
    assert.deepEqual(
      refusalOf('ImageRecognitionV2', { ...base, Extra: 7 }),
      outcome('malformed_request', { parameter: 'Extra' }),
    );
    // V1 has no Extra: whatever is sent there is ignored.
    assert.ok(!isRefusal(toCommand(parsed('ImageRecognition', { ...base, Extra: 7 }))));
  });
});

const face = (far: number, cosine = Number.NaN) => ({ face: { cosine, far } });
const SAME = face(1e-6);
const UNDECIDED = face(10 ** -3.4);
const DIFFERENT = face(0.5);

describe('Sim scales', () => {
  test('case=sandbox verdicts on the V1 and V2 scales (from the FAR; cosine NaN never shows)', () => {
    const sims = [SAME, UNDECIDED, DIFFERENT].map((facts) => [
      simFor(outcome('match', facts), 'tencent-v1'),
      simFor(outcome('match', facts), 'tencent-v2'),
    ]);
    assert.deepEqual(sims, [
      [93.33, 90],
      [74, 59.5],
      [7.02, 5.27],
    ]);
  });

  test('case=documented anchors: V1 70 ≈ 1e-3, 80 ≈ 1e-4; V2 70 ≈ 1e-4', () => {
    assert.equal(simFor(outcome('match', face(1e-3, 0.4)), 'tencent-v1'), 70);
    assert.equal(simFor(outcome('match', face(1e-4, 0.5)), 'tencent-v1'), 80);
    assert.equal(simFor(outcome('match', face(1e-4, 0.5)), 'tencent-v2'), 70);
  });

  test('case=no comparison → Sim 0', () => {
    assert.equal(simFor(outcome('mismatch', { mismatch: 'name' }), 'tencent-v2'), 0);
  });
});

describe('Result table', () => {
  const code = (action: ServedAction, o: Outcome) => resultCode(action, o, {});

  test('case=V1: every comparison that ran is Success, the caller applies its threshold', () => {
    assert.equal(code('ImageRecognition', outcome('match', SAME)), 'Success');
    const different = outcome('mismatch', { mismatch: 'face', ...DIFFERENT });
    assert.equal(code('ImageRecognition', different), 'Success');
  });

  test('case=V2: Success exactly when Sim ≥ 70', () => {
    const v2 = (o: Outcome) => code('ImageRecognitionV2', o);
    assert.equal(v2(outcome('match', SAME)), 'Success');
    const low = 'FailedOperation.CompareLowSimilarity';
    assert.equal(v2(outcome('mismatch', { mismatch: 'face', ...UNDECIDED })), low);
    assert.equal(v2(outcome('mismatch', { mismatch: 'face', ...DIFFERENT })), low);
    // A faceMatchFar looser or stricter than 1e-4 does not move the documented threshold.
    assert.equal(v2(outcome('match', face(5e-4, 0.45))), low);
    assert.equal(v2(outcome('mismatch', { mismatch: 'face', ...face(5e-5, 0.5) })), 'Success');
  });

  test('case=the other outcomes, both versions', () => {
    const expected: Partial<Record<OutcomeCode, string>> = {
      mismatch: 'IdNameMisMatch',
      not_found: 'IdNoExistSystem',
      no_portrait: 'IdPhotoNoExist',
      authority_unavailable: 'IdPhotoSystemNoanswer',
      authority_upgrading: 'CompareLibServiceUnavailable',
      no_face: 'LifePhotoDetectNoFaces',
      several_faces: 'LifePhotoDetectFaces',
      poor_quality: 'LifePhotoPoorQuality',
      liveness_failed: 'LifePhotoDetectFake',
      image_invalid: 'ImageDecodeFailed',
      invalid_id_number: 'IdFormatError',
      unsupported_cert_type: 'IdFormatError',
      invalid_name: 'NameFormatError',
      attempt_limit: 'RequestLimitExceeded',
    };
    for (const action of ACTIONS) {
      for (const [o, result] of Object.entries(expected)) {
        const facts = o === 'mismatch' ? { mismatch: 'name' as const } : undefined;
        assert.equal(code(action, outcome(o as OutcomeCode, facts)), `FailedOperation.${result}`);
      }
      // Request-validation failures are Errors (§1.2).
      for (const o of ['image_too_large', 'image_unavailable', 'missing_parameter'] as const) {
        assert.equal(code(action, outcome(o)), undefined, o);
      }
    }
  });
});

describe('rendered response', () => {
  const body = (action: ServedAction, params: Params, o: Outcome) =>
    JSON.parse(
      String(
        render({
          requestId: '6c1f0c1e-2b5e-4c1e-9d55-0b3d9c7f1a10',
          request: tc3Post({ action }),
          parsed: parsed(action, params),
          outcome: o,
        }).body,
      ),
    ).Response as Record<string, unknown>;

  test('case=V2 carries Sim, Result, Description and the echoed Extra', () => {
    const params = { ...ZHANG, ImageBase64: PHOTO, Extra: 'order-42' };
    const different = outcome('mismatch', { mismatch: 'face', ...DIFFERENT });
    assert.deepEqual(body('ImageRecognitionV2', params, different), {
      Result: 'FailedOperation.CompareLowSimilarity',
      Description: '比对相似度未达到通过标准',
      Sim: 5.27,
      Extra: 'order-42',
      RequestId: '6c1f0c1e-2b5e-4c1e-9d55-0b3d9c7f1a10',
    });
    const noExtra = body('ImageRecognitionV2', { ...ZHANG }, outcome('match', SAME));
    assert.deepEqual([noExtra.Result, noExtra.Sim, noExtra.Extra], ['Success', 90, '']);
  });

  test('case=V1 carries Sim on its own scale and no Extra', () => {
    const r = body('ImageRecognition', { ...ZHANG, Extra: 'x' }, outcome('match', SAME));
    assert.deepEqual(Object.keys(r).sort(), ['Description', 'RequestId', 'Result', 'Sim']);
    assert.deepEqual([r.Result, r.Description, r.Sim], ['Success', '成功', 93.33]);
  });

  test('case=a Result without a comparison has Sim 0; an Error has no Sim', () => {
    const name = body('ImageRecognitionV2', ZHANG, outcome('mismatch', { mismatch: 'name' }));
    assert.deepEqual([name.Result, name.Sim], ['FailedOperation.IdNameMisMatch', 0]);
    const big = body('ImageRecognitionV2', ZHANG, outcome('image_too_large'));
    assert.deepEqual(Object.keys(big).sort(), ['Error', 'RequestId']);
    assert.equal((big.Error as { Code: string }).Code, 'FailedOperation.ImageSizeTooLarge');
  });
});
