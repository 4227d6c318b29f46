/**
 * Wire → core command for the legacy real-person actions (spec aliyun.md §5.1, seed 004):
 *
 * - VerifyMaterial / VerifyMaterials: BizType, BizId (at most 64 characters: "不超过64字符"),
 *   Name, IdCardNumber and FaceImageUrl are required; IdCardFrontImageUrl, IdCardBackImageUrl and
 *   UserId are optional. Images are public http(s) addresses ("图片地址支持公网可访问的
 *   HTTP/HTTPS地址"), fetched by the core through the safe fetcher; an `oss://` address cannot be
 *   read here (no OSS) and is an image that cannot be downloaded; anything else is an invalid
 *   parameter.
 * - DescribeVerifyResult: BizType and BizId.
 *
 * Missing or empty required parameters are `missing_parameter`, rendered as the gateway's
 * `MissingParameter` (the legacy body has no Code for business failures).
 *
 * @example
 *   materialsCommand('verify', params) // → { kind: 'materials.verify', bizType: 'shop', face: { url: 'https://…' }, … }
 */
import type { Command, ImageInput } from '../../core/commands.ts';
import { outcome } from '../../core/outcomes.ts';
import { isRefusal, type Refusal, refuse } from '../../http/dialect.ts';

type Params = ReadonlyMap<string, string>;
type Step<T> = T | Refusal;

/** "标识一次认证任务的唯一ID，不超过64字符" (seed 004, spec §5.1). */
export const MAX_BIZ_ID = 64;

const missing = (parameter: string) => refuse(outcome('missing_parameter', { parameter }));
const invalid = (parameter: string) => refuse(outcome('invalid_parameter', { parameter }));

const required = (params: Params, name: string): Step<string> => params.get(name) || missing(name);

/** An image address: http(s) is fetched by the core; oss:// cannot be read here. */
const imageUrl = (value: string, name: string): Step<ImageInput> => {
  if (/^https?:\/\//i.test(value)) return { url: value };
  if (value.startsWith('oss://')) return refuse(outcome('image_unavailable', { parameter: name }));
  return invalid(name);
};

const requiredImage = (params: Params, name: string): Step<ImageInput> => {
  const value = required(params, name);
  return isRefusal(value) ? value : imageUrl(value, name);
};

/** An optional image: absent (or empty) is no image. */
const optionalImage = (params: Params, name: string): Step<ImageInput | undefined> => {
  const value = params.get(name);
  return value ? imageUrl(value, name) : undefined;
};

/** BizType + BizId, the key of a task in both actions. */
const task = (params: Params): Step<{ bizType: string; bizId: string }> => {
  const bizType = required(params, 'BizType');
  if (isRefusal(bizType)) return bizType;
  const bizId = required(params, 'BizId');
  if (isRefusal(bizId)) return bizId;
  return bizId.length > MAX_BIZ_ID ? invalid('BizId') : { bizType, bizId };
};

const cardSides = (params: Params): Step<{ front?: ImageInput; back?: ImageInput }> => {
  const front = optionalImage(params, 'IdCardFrontImageUrl');
  if (isRefusal(front)) return front;
  const back = optionalImage(params, 'IdCardBackImageUrl');
  if (isRefusal(back)) return back;
  return { ...(front && { front }), ...(back && { back }) };
};

const verify = (params: Params): Step<Command> => {
  const key = task(params);
  if (isRefusal(key)) return key;
  const name = required(params, 'Name');
  if (isRefusal(name)) return name;
  const idNumber = required(params, 'IdCardNumber');
  if (isRefusal(idNumber)) return idNumber;
  const face = requiredImage(params, 'FaceImageUrl');
  if (isRefusal(face)) return face;
  const sides = cardSides(params);
  if (isRefusal(sides)) return sides;
  const userId = params.get('UserId');
  return {
    kind: 'materials.verify',
    ...key,
    name,
    idNumber,
    face,
    ...sides,
    ...(userId && { userId }),
  };
};

const result = (params: Params): Step<Command> => {
  const key = task(params);
  return isRefusal(key) ? key : { kind: 'materials.result', ...key };
};

/** The command of a legacy real-person action (see the module comment). */
export const materialsCommand = (action: 'verify' | 'result', params: Params): Step<Command> =>
  action === 'verify' ? verify(params) : result(params);
