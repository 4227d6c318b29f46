/**
 * The face actions' part of the code table (codes.ts asks here first):
 *
 * Face flow — ContrastFaceVerify, LivenessFaceVerify (spec aliyun.md §4.3, §5.2): HTTP 200,
 * Code "200" and `ResultObject.Passed` + `SubCode` for every verdict (200 passed, 201 name and
 * ID number disagree, 202 no record, 203 no usable authority photo, 204 another face, 205
 * liveness attack risk; 206, the business risk policy, has no counterpart here). Refusals are the
 * flow's top-level Codes: 400/401 for parameters, 417 when the authority cannot serve the
 * identity, 418 for the daily attempt limit, 412 for the quota. A photo that cannot be compared
 * is Code 401 naming the picture parameter and why (no face, several, quality, not an image, too
 * large, not downloadable): the flow's tables have no photo-specific Code.
 *
 * Legacy CompareFaces / DetectFaceAttributes (§4.4, §5.1): success is `Data`, every failure an
 * HTTP error with the action's own codes. CompareFaces' documented behaviour is to take the
 * largest face of a several-face photo; the core refuses such photos (and poor-quality ones),
 * which have no code of their own, so they are the action's generic `Error.InternalError`
 * (HTTP 400, as the metadata lists it) with a message that says what happened.
 * DetectFaceAttributes reports a photo without a face as an empty face list.
 *
 * Outcomes no face command produces (a card refused, an invalid phone…) are the platform's
 * InternalError (HTTP 500) in every face action.
 *
 * @example
 *   faceCodeFor(outcome('mismatch', { mismatch: 'face' }), { family: 'faceFlow', facts }, rule)
 *   // → { kind: 'verdict', passed: false, subCode: '204' }
 */
import type { FaceQualityProblem, Outcome, OutcomeCode } from '../../core/outcomes.ts';
import { FACE_FAMILIES, type Family } from './actions.ts';
import {
  business,
  type CodeView,
  DATA,
  gateway,
  INTERNAL_ERROR,
  verdict,
  type WireCode,
} from './wire-codes.ts';

type Rule = (v: CodeView) => WireCode;
type Table = Readonly<Partial<Record<OutcomeCode, Rule>>>;

/** Both image types refused at once: neither side is a face photo (InvalidParam.FacePicNotGiven). */
export const FACE_PIC_PAIR = 'SourceImageType+TargetImageType';

const QUALITY: Record<FaceQualityProblem, string> = {
  face_too_small: '人脸过小',
  too_rotated: '人脸角度过大',
  too_dark: '光线过暗',
  too_bright: '光线过亮',
  too_blurred: '图片模糊',
};

/** The picture parameter the caller used (FaceContrastPicture wins when both are sent). */
const pictureName = (v: CodeView): string =>
  v.params?.get('FaceContrastPicture') ? 'FaceContrastPicture' : 'FaceContrastPictureUrl';

const badPicture =
  (why: (v: CodeView) => string): Rule =>
  (v) =>
    business('401', `${pictureName(v)}（${why(v)}）`);

const FACE_FLOW: Table = {
  match: () => verdict(true, '200'),
  mismatch: (v) => verdict(false, v.facts.mismatch === 'face' ? '204' : '201'),
  not_found: () => verdict(false, '202'),
  no_portrait: () => verdict(false, '203'),
  liveness_failed: () => verdict(false, '205'),
  invalid_id_number: () => business('401', 'CertNo'),
  unsupported_cert_type: () => business('401', 'CertNo'),
  invalid_name: () => business('401', 'CertName'),
  // 417: "face service unavailable for this identity (authority source unusable)".
  authority_unavailable: () => business('417'),
  authority_upgrading: () => business('417'),
  attempt_limit: () => business('418'),
  no_face: badPicture(() => '未检测到人脸'),
  several_faces: badPicture(() => '检测到多张人脸'),
  poor_quality: badPicture((v) => (v.facts.quality ? QUALITY[v.facts.quality] : '人脸质量不合格')),
  image_invalid: badPicture(() => '图片无法解码'),
  image_too_large: badPicture(() => '图片过大'),
  image_unavailable: badPicture(() => '图片无法下载'),
};

/** The legacy actions' generic failure (§4.4: 400 Error.InternalError), with what happened. */
const legacyError = (message: string): WireCode => gateway(400, 'Error.InternalError', message);

const PARAMS_MISSING = gateway(
  400,
  'InvalidParam.ParamsMissing',
  'Please check if there is param empty in your input.',
);
// No quota code exists for these actions: "no permission to access our service" is the
// documented refusal of a caller the service will not serve (§4.4).
const QUOTA = gateway(
  403,
  'Error.NoPermissionAccess',
  'No permission to access our service: the application has used up its quota.',
);
const IMAGE_TYPES = new Set(['SourceImageType', 'TargetImageType']);
const IMAGE_VALUES = new Set(['SourceImageValue', 'TargetImageValue']);
const IMAGE_PATTERN = (message: string) =>
  gateway(400, 'InvalidParam.ImageValuePatternError', message);

const compareInvalid: Rule = (v) => {
  const name = v.facts.parameter ?? '';
  if (name === FACE_PIC_PAIR) {
    return gateway(
      400,
      'InvalidParam.FacePicNotGiven',
      'At least one of the two given images has a type of FacePic.',
    );
  }
  if (IMAGE_TYPES.has(name)) {
    return gateway(400, 'InvalidParam.ImageTypeInvalid', 'The image type is not valid.');
  }
  if (IMAGE_VALUES.has(name)) {
    return IMAGE_PATTERN('The pattern of value of given image is not acceptable.');
  }
  return gateway(400, 'InvalidParameter', `The specified parameter "${name}" is not valid.`);
};

const COMPARE: Table = {
  match: () => DATA,
  mismatch: () => DATA,
  no_face: () => gateway(400, 'Error.NoFaceDetected', 'No face detected from given images.'),
  several_faces: () =>
    legacyError('A given image shows more than one face; send images that show one face.'),
  poor_quality: (v) =>
    legacyError(
      `The face in a given image is not good enough to compare${v.facts.quality ? ` (${v.facts.quality})` : ''}.`,
    ),
  image_invalid: () => IMAGE_PATTERN('A given image cannot be decoded as an image.'),
  image_too_large: () => IMAGE_PATTERN('A given image is too large.'),
  image_unavailable: () =>
    gateway(
      400,
      'InvalidParam.ImageNotFound',
      'A given image cannot be downloaded (http(s):// and base64:// addresses are read; oss:// is not).',
    ),
  missing_parameter: (v) =>
    IMAGE_TYPES.has(v.facts.parameter ?? '')
      ? gateway(400, 'InvalidParam.ImageTypeEmpty', 'The image type is empty.')
      : PARAMS_MISSING,
  invalid_parameter: compareInvalid,
  quota_exhausted: () => QUOTA,
};

/** Was MaterialValue an http(s) address (rather than base64://)? */
const byUrl = (v: CodeView): boolean => /^https?:\/\//i.test(v.params?.get('MaterialValue') ?? '');
const detectError = (kind: string, message: string): WireCode =>
  gateway(400, `Error.DetectFaceAttributes${kind}`, message);

const DETECT: Table = {
  match: () => DATA,
  no_face: () => DATA,
  image_invalid: (v) =>
    byUrl(v)
      ? detectError('HttpError', 'The image at the given address cannot be decoded.')
      : detectError('Base64Error', 'The base64 image cannot be decoded.'),
  image_too_large: () => detectError('ParamError', 'The image is too large.'),
  // The request map refuses oss:// by naming the parameter; the core's download failures don't.
  image_unavailable: (v) =>
    v.facts.parameter
      ? detectError(
          'OssError',
          'oss:// addresses cannot be read here; send http(s):// or base64://.',
        )
      : detectError('HttpError', 'The image cannot be downloaded from the given address.'),
  missing_parameter: () => PARAMS_MISSING,
  invalid_parameter: (v) =>
    detectError(
      'ParamError',
      `The specified parameter "${v.facts.parameter ?? 'MaterialValue'}" is not valid.`,
    ),
  quota_exhausted: () => QUOTA,
};

const TABLES: Readonly<Record<string, Table>> = {
  faceFlow: FACE_FLOW,
  compare: COMPARE,
  detect: DETECT,
};

/** Shapes each face family can answer with, besides its own table's. */
const fits = (family: Family, code: WireCode): boolean =>
  code.kind === 'gateway' || (family === 'faceFlow' && code.kind === 'business');

/**
 * The face actions' code, or undefined for other actions. Outcomes the face table does not name
 * take the generic rule (platform errors, parameters) when its shape fits the action; the rest
 * (outcomes no face command produces) are the generic InternalError.
 */
export const faceCodeFor = (o: Outcome, v: CodeView, generic: Rule): WireCode | undefined => {
  const family = v.family;
  if (!family || !FACE_FAMILIES.has(family)) return undefined;
  const own = TABLES[family]![o.code];
  if (own) return own(v);
  const code = generic(v);
  return fits(family, code) ? code : INTERNAL_ERROR;
};
