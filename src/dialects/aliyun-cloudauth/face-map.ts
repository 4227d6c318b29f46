/**
 * Wire → core command for the face actions (spec aliyun.md §5.1, §5.2). Images are handed to
 * the core as base64 or URL; the core fetches URLs through the safe fetcher.
 *
 * - CompareFaces / DetectFaceAttributes take Alibaba's image addresses ("关于上传图片地址的说明"):
 *   `base64://<base64>` or an `http(s)://` URL; `oss://bucket:path` cannot be read here (no OSS)
 *   and is refused as an image that cannot be downloaded; anything else is a pattern error.
 *   CompareFaces: SourceImageType / TargetImageType are `FacePic` (a face photo) or `IDPic`
 *   (the portrait read from an ID card's chip), at least one `FacePic`; the face photo is the
 *   command's source. DetectFaceAttributes: `MaterialValue`; `BizType` is optional and unused.
 * - ContrastFaceVerify: CertName + CertNo and a photo (`FaceContrastPicture` base64, or
 *   `FaceContrastPictureUrl`), held to liveness unless `Model=NO_LIVENESS` (the default is
 *   FRONT_CAMERA_LIVENESS). LivenessFaceVerify: a photo, liveness only.
 *   Photo sources shiming does not have (OSS objects, an earlier CertifyId, the SDK's Advance
 *   upload `FaceContrastFile`) are refused by name; so are `CertType` other than IDENTITY_CARD
 *   and `EncryptType` (no SM2 decryption). SceneId, OuterOrderNo, ProductCode, Crop, DeviceToken,
 *   Mobile, Ip and UserId are accepted and unused.
 *
 * @example
 *   faceCommand('compare', params) // → { kind: 'face.compare', source: { base64: '…' }, target: { url: 'https://…' } }
 */
import type { Command, ImageInput } from '../../core/commands.ts';
import { outcome } from '../../core/outcomes.ts';
import { isRefusal, type Refusal, refuse } from '../../http/dialect.ts';
import { FACE_PIC_PAIR } from './face-codes.ts';

type Params = ReadonlyMap<string, string>;
type Step<T> = T | Refusal;

const missing = (parameter: string) => refuse(outcome('missing_parameter', { parameter }));
const invalid = (parameter: string) => refuse(outcome('invalid_parameter', { parameter }));

const required = (params: Params, name: string): Step<string> => params.get(name) || missing(name);

const BASE64_ADDRESS = 'base64://';

/** An image address of CompareFaces / DetectFaceAttributes. */
export const imageAddress = (params: Params, name: string): Step<ImageInput> => {
  const value = required(params, name);
  if (isRefusal(value)) return value;
  if (value.startsWith(BASE64_ADDRESS)) return { base64: value.slice(BASE64_ADDRESS.length) };
  if (/^https?:\/\//i.test(value)) return { url: value };
  if (value.startsWith('oss://')) return refuse(outcome('image_unavailable', { parameter: name }));
  return invalid(name);
};

const IMAGE_TYPES = new Set(['FacePic', 'IDPic']);

const imageType = (params: Params, name: string): Step<string> => {
  const value = required(params, name);
  if (isRefusal(value)) return value;
  return IMAGE_TYPES.has(value) ? value : invalid(name);
};

const compare = (params: Params): Step<Command> => {
  const sourceType = imageType(params, 'SourceImageType');
  if (isRefusal(sourceType)) return sourceType;
  const targetType = imageType(params, 'TargetImageType');
  if (isRefusal(targetType)) return targetType;
  if (sourceType === 'IDPic' && targetType === 'IDPic') return invalid(FACE_PIC_PAIR);
  const source = imageAddress(params, 'SourceImageValue');
  if (isRefusal(source)) return source;
  const target = imageAddress(params, 'TargetImageValue');
  if (isRefusal(target)) return target;
  // The core compares a face photo (source) with a reference (target).
  return sourceType === 'IDPic'
    ? { kind: 'face.compare', source: target, target: source }
    : { kind: 'face.compare', source, target };
};

const detect = (params: Params): Step<Command> => {
  const image = imageAddress(params, 'MaterialValue');
  return isRefusal(image) ? image : { kind: 'face.detect', image };
};

/** Photo sources of the face flow that live in Alibaba's storage, not in the request. */
const ELSEWHERE = ['FaceContrastFile', 'OssBucketName', 'OssObjectName', 'CertifyId'];

const contrastPicture = (params: Params): Step<ImageInput> => {
  const picture = params.get('FaceContrastPicture');
  if (picture) return { base64: picture };
  const url = params.get('FaceContrastPictureUrl');
  if (url) return { url };
  const elsewhere = ELSEWHERE.find((name) => params.get(name));
  return elsewhere ? invalid(elsewhere) : missing('FaceContrastPicture');
};

const MODELS = new Set(['NO_LIVENESS', 'FRONT_CAMERA_LIVENESS', 'REAR_CAMERA_LIVENESS']);

/** Whether Model asks for liveness (the default does); NO_LIVENESS only where `allowNone`. */
const liveness = (params: Params, allowNone: boolean): Step<boolean> => {
  const model = params.get('Model') || 'FRONT_CAMERA_LIVENESS';
  if (!MODELS.has(model) || (model === 'NO_LIVENESS' && !allowNone)) return invalid('Model');
  return model !== 'NO_LIVENESS';
};

const identityOptions = (params: Params): Step<void> => {
  const certType = params.get('CertType');
  if (certType && certType !== 'IDENTITY_CARD') return invalid('CertType');
  return params.get('EncryptType') ? invalid('EncryptType') : undefined;
};

const contrast = (params: Params): Step<Command> => {
  const name = required(params, 'CertName');
  if (isRefusal(name)) return name;
  const idNumber = required(params, 'CertNo');
  if (isRefusal(idNumber)) return idNumber;
  const options = identityOptions(params);
  if (isRefusal(options)) return options;
  const live = liveness(params, true);
  if (isRefusal(live)) return live;
  const image = contrastPicture(params);
  if (isRefusal(image)) return image;
  return { kind: 'face.verify', name, idNumber, image, liveness: live };
};

const livenessOnly = (params: Params): Step<Command> => {
  const live = liveness(params, false);
  if (isRefusal(live)) return live;
  const image = contrastPicture(params);
  return isRefusal(image) ? image : { kind: 'face.liveness', image };
};

export type FaceAction = 'compare' | 'detect' | 'contrast' | 'liveness';

const BUILD: Record<FaceAction, (params: Params) => Step<Command>> = {
  compare,
  detect,
  contrast,
  liveness: livenessOnly,
};

/** The command of a face action (see the module comment). */
export const faceCommand = (action: FaceAction, params: Params): Step<Command> =>
  BUILD[action](params);
