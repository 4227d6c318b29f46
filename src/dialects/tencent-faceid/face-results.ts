/**
 * The Result tables of ImageRecognition (historical) and ImageRecognitionV2: a photo against the
 * authority portrait of IdCard + Name (spec tencent.md §1.2, §1.3, §3.3). `Result` is "Success"
 * or a `FailedOperation.*` code inside a normal 200 response, next to `Sim` (0–100).
 *
 * Result or Error (§1.2: "request-validation failures … come back as Error"): what the request
 * map checks on the wire before anything runs is an Error — a missing image
 * (`FailedOperation.EmptyImageError`), an image over 3 MB of base64
 * (`FailedOperation.ImageSizeTooLarge`); everything the comparison service decides once it has
 * the request — the identity, the portrait, what the photo shows, whether it decodes at all —
 * is a Result, as the typings say ("错误情况请参考下方错误码列表中FailedOperation部分").
 *
 * The two versions differ in their scale and their verdict (SDK typings, §1.3):
 * - V1: `Sim` on the 'tencent-v1' scale (70 ≈ FAR 1e-3, 80 ≈ 1e-4) and the caller chooses the
 *   threshold, so every comparison that ran is "Success", a different person included;
 * - V2: `Sim` on the 'tencent-v2' scale with the fixed threshold 70 (FAR 1e-4): "Success" exactly
 *   when Sim ≥ 70, else `FailedOperation.CompareLowSimilarity`. The threshold is the documented
 *   one whatever `faceMatchFar` says, so Sim and Result never disagree.
 *
 * Liveness is not part of either action (a single photo, no liveness parameter): never asked, so
 * `LifePhotoDetectFake` is documented but not produced. A portrait the authority has not got is
 * `IdPhotoNoExist`; one it holds but that cannot be used (facts.portraitProblem 'unusable') is
 * `IdPhotoPoorQuality`.
 *
 * @example
 *   simFor(outcome('match', { face: { cosine: 0.7, far: 1e-6 } }), 'tencent-v2') // → 90
 */
import type { Outcome, OutcomeCode } from '../../core/outcomes.ts';
import { type ScoreScale, toScale } from '../face-scores.ts';
import type { ResultTable } from './results.ts';

/** V2's fixed pass mark (typings: "采用固定阈值70，误通过率为万分之一"). */
export const V2_THRESHOLD = 70;

/**
 * Sim of an outcome on a scale, with 2 decimals as in Tencent's examples (26.04). It comes from
 * the calibrated FAR only (a sandbox verdict has no cosine); 0 when no comparison ran.
 */
export const simFor = (o: Outcome, scale: ScoreScale): number => {
  const far = o.facts?.face?.far;
  if (far === undefined || Number.isNaN(far)) return 0;
  return Math.round(toScale(far, scale) * 100) / 100;
};

const F = 'FailedOperation.';

/** Every Result the two actions produce, with its Description (FaceID docs' code pages). */
export const IMAGE_DOCUMENTED: Readonly<Record<string, string>> = {
  Success: '成功',
  [`${F}CompareLowSimilarity`]: '比对相似度未达到通过标准',
  [`${F}IdNameMisMatch`]: '姓名和身份证号不一致，请核实后重试',
  [`${F}IdNoExistSystem`]: '库中无此号，请到户籍所在地进行核实',
  [`${F}IdPhotoNoExist`]: '库中无此用户照片，请到户籍所在地进行核实',
  [`${F}IdPhotoPoorQuality`]: '证件图片质量差，请更新后重试',
  [`${F}IdPhotoSystemNoanswer`]: '认证中心返照失败，请稍后再试',
  [`${F}CompareLibServiceUnavailable`]: '比对库服务暂不可用，请稍后再试',
  [`${F}LifePhotoDetectNoFaces`]: '未能检测到完整人脸',
  [`${F}LifePhotoDetectFaces`]: '检测到多张人脸',
  [`${F}LifePhotoPoorQuality`]: '传入图片质量差，请重新上传',
  [`${F}LifePhotoDetectFake`]: '实人比对没通过',
  [`${F}ImageDecodeFailed`]: '图片解码失败',
  [`${F}IdFormatError`]: '身份证号码有误',
  [`${F}NameFormatError`]: '姓名格式不正确',
  [`${F}RequestLimitExceeded`]: '认证次数超过当日限制，请次日重试',
};

/** Photo-comparison Results by outcome (the ID-card check reuses them: idcard-results.ts). */
export const COMPARISON_RESULTS: Readonly<Partial<Record<OutcomeCode, string>>> = {
  match: 'Success',
  // A face mismatch is refined below; what stays is the name + ID number disagreeing.
  mismatch: `${F}IdNameMisMatch`,
  not_found: `${F}IdNoExistSystem`,
  no_portrait: `${F}IdPhotoNoExist`,
  // The authority did not answer with the portrait / its comparison library is being upgraded.
  authority_unavailable: `${F}IdPhotoSystemNoanswer`,
  authority_upgrading: `${F}CompareLibServiceUnavailable`,
  no_face: `${F}LifePhotoDetectNoFaces`,
  several_faces: `${F}LifePhotoDetectFaces`,
  poor_quality: `${F}LifePhotoPoorQuality`,
  liveness_failed: `${F}LifePhotoDetectFake`,
  image_invalid: `${F}ImageDecodeFailed`,
  invalid_id_number: `${F}IdFormatError`,
  // The actions take mainland resident ID numbers only: any other number is malformed.
  unsupported_cert_type: `${F}IdFormatError`,
  invalid_name: `${F}NameFormatError`,
  // No per-subject daily limit code exists for these actions; the FaceID list's closest one.
  attempt_limit: `${F}RequestLimitExceeded`,
};

/** Did a comparison run (a match, or a face that is not the portrait's)? */
export const compared = (o: Outcome): boolean =>
  o.code === 'match' || (o.code === 'mismatch' && o.facts?.mismatch === 'face');

/** A portrait the authority holds but that cannot be used is of poor quality, not missing. */
export const portraitRefined = (o: Outcome, code: string): string =>
  o.code === 'no_portrait' && o.facts?.portraitProblem === 'unusable'
    ? `${F}IdPhotoPoorQuality`
    : code;

export const IMAGE_RECOGNITION_V1: ResultTable = {
  documented: IMAGE_DOCUMENTED,
  byOutcome: COMPARISON_RESULTS,
  refine: (o, _params, code) => (compared(o) ? 'Success' : portraitRefined(o, code)),
};

export const IMAGE_RECOGNITION_V2: ResultTable = {
  documented: IMAGE_DOCUMENTED,
  byOutcome: COMPARISON_RESULTS,
  refine: (o, _params, code) => {
    if (!compared(o)) return portraitRefined(o, code);
    return simFor(o, 'tencent-v2') >= V2_THRESHOLD ? 'Success' : `${F}CompareLowSimilarity`;
  },
};
