/**
 * FaceID action parameters → core commands (spec tencent.md §1.3; field names from the SDK
 * 4.1.313 typings). Runs after the caller is authenticated, so only a signed caller learns
 * which field is missing or has the wrong type. Values are passed through raw: validating
 * them is the core's job and yields the action's Result codes, not errors.
 *
 * Encrypted input (§1.5) is out of scope: a non-empty `EncryptList` (or whole-body
 * `EncryptedBody`) is refused with `InvalidParameter.UnsupportEncryptField` rather than handed
 * on as ciphertext that would come back as "illegal ID number"; so is CheckIdCardInformation's
 * request for an encrypted answer (`IsEncrypt`, `IsEncryptResponse`, `Encryption`).
 *
 * The ID-card actions take the portrait side as `ImageBase64` or `ImageUrl` (fetched by the core
 * through the safe fetcher). IdCardOCRVerification: IdCard + Name > ImageBase64 (≤ 3 MB) >
 * ImageUrl; CheckIdCardInformation: ImageUrl > ImageBase64 (≤ 7 MB). `Config` must be a JSON
 * object of booleans (idcard-config.ts) when an image is used.
 *
 * @example
 *   toCommand({ action: 'IdCardVerification', params: { IdCard: '110105199003070017', Name: '张三' }, … })
 *   // → { kind: 'identity.verify', name: '张三', idNumber: '110105199003070017' }
 */
import type { Command, ImageInput } from '../../core/commands.ts';
import { type Outcome, outcome } from '../../core/outcomes.ts';
import { isRefusal, type Refusal, refuse } from '../../http/dialect.ts';
import { parseIdCardConfig } from './idcard-config.ts';
import { type Params, read } from './params.ts';
import type { FaceIdParsed } from './parse.ts';
import type { ServedAction } from './routes.ts';

type Step<T> = T | Refusal;

const fail = (code: Outcome['code'], parameter: string): Refusal =>
  refuse(outcome(code, { parameter }));

const text = (params: Params, name: string): Step<string> => {
  const value = read(params, name);
  if (value === undefined || value === null) return fail('missing_parameter', name);
  return typeof value === 'string' ? value : fail('malformed_request', name);
};

/** Required string fields, checked in the order given: `{ commandField: 'WireName' }`. */
const texts = <K extends string>(
  params: Params,
  wire: Record<K, string>,
): Step<Record<K, string>> => {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(wire) as K[]) {
    const value = text(params, wire[key]);
    if (isRefusal(value)) return value;
    out[key] = value;
  }
  return out;
};

// CertType is an integer in JSON and a digit string over GET or v1.
const certType = (params: Params): Step<number | undefined> => {
  const value = read(params, 'CertType');
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d{1,9}$/.test(value)) return Number(value);
  return fail('malformed_request', 'CertType');
};

const isRecord = (value: unknown): value is Params =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const nonEmptyList = (value: unknown): boolean => Array.isArray(value) && value.length > 0;

/** The parameter that announces encrypted input, if any (nested JSON or flattened names). */
export const encryptedInput = (params: Params): string | undefined => {
  const encryption = read(params, 'Encryption');
  if (isRecord(encryption) && nonEmptyList(read(encryption, 'EncryptList')))
    return 'Encryption.EncryptList';
  if (nonEmptyList(read(params, 'EncryptList'))) return 'EncryptList';
  if (read(params, 'EncryptedBody') !== undefined) return 'EncryptedBody';
  for (const name of Object.keys(params)) {
    if (name.startsWith('Encryption.EncryptList.')) return 'Encryption.EncryptList';
    if (name.startsWith('EncryptList.')) return 'EncryptList';
  }
  return undefined;
};

const withCertType = <T extends object>(
  params: Params,
  fields: Step<T>,
): Step<T & { certType?: number }> => {
  if (isRefusal(fields)) return fields;
  const cert = certType(params);
  if (isRefusal(cert)) return cert;
  return cert === undefined ? fields : { ...fields, certType: cert };
};

const map = <T extends object, C>(fields: Step<T>, build: (f: T) => C): Step<C> =>
  isRefusal(fields) ? fields : build(fields);

const NAME_ID = { idNumber: 'IdCard', name: 'Name' } as const;
const PHONE3 = { idNumber: 'IdCard', name: 'Name', phone: 'Phone' } as const;

const phone = (params: Params, carrier?: 'CMCC' | 'CTCC' | 'CUCC'): Step<Command> =>
  map(texts(params, PHONE3), (f) => ({
    kind: 'phone.verify' as const,
    ...f,
    ...(carrier ? { carrier } : {}),
  }));

// VerifyMode: "0" brief (default) or "1" detailed (ResultDetail on -4), §1.3.
const verifyMode = (params: Params): Step<void> => {
  const mode = read(params, 'VerifyMode');
  if (mode === undefined || mode === null || mode === '0' || mode === '1') return undefined;
  return fail('invalid_parameter', 'VerifyMode');
};

// MinorsVerification Type: "0" by phone (Mobile), "1" by name and ID number.
const minors = (params: Params): Step<Command> => {
  const type = read(params, 'Type');
  if (type === undefined || type === null) return fail('missing_parameter', 'Type');
  if (String(type) === '0') {
    return map(texts(params, { phone: 'Mobile' }), (f) => ({
      kind: 'identity.adult' as const,
      by: 'phone' as const,
      ...f,
    }));
  }
  if (String(type) !== '1') return fail('invalid_parameter', 'Type');
  return map(texts(params, NAME_ID), (f) => ({
    kind: 'identity.adult' as const,
    by: 'identity' as const,
    ...f,
  }));
};

/** "Base64编码后的图片数据大小不超过3M" (SDK typings): counted on the base64 text. */
export const MAX_IMAGE_BASE64 = 3 * 1024 * 1024;
/** CheckIdCardInformation: "所下载图片经Base64编码后不超过 7M" (SDK typings). */
export const MAX_CARD_CHECK_BASE64 = 7 * 1024 * 1024;

// Checked on the wire before anything runs, so these are request-validation Errors (§1.2):
// absent or empty → FailedOperation.EmptyImageError, too long → ImageSizeTooLarge.
const imageBase64 = (params: Params, max = MAX_IMAGE_BASE64): Step<string> => {
  const value = read(params, 'ImageBase64');
  if (value === undefined || value === null || value === '') {
    return fail('missing_parameter', 'ImageBase64');
  }
  if (typeof value !== 'string') return fail('malformed_request', 'ImageBase64');
  return value.length > max ? refuse(outcome('image_too_large')) : value;
};

/** An optional string field; empty counts as absent (the SDKs send only what was set). */
const given = (params: Params, name: string): Step<string | undefined> => {
  const value = read(params, name);
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : fail('malformed_request', name);
};

/** An optional string field: absent, or a string of at most `max` characters. */
const optionalText = (params: Params, name: string, max = Infinity): Step<void> => {
  const value = read(params, name);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return fail('malformed_request', name);
  return value.length > max ? fail('invalid_parameter', name) : undefined;
};

/**
 * ImageRecognition / ImageRecognitionV2: the photo against the authority portrait. `Optional`
 * is unused ("本接口不需要传递此参数"); V2's `Extra` ([1,10] characters) is echoed by render.
 * Neither action has a liveness parameter: the photo is compared, not held to liveness.
 */
const imageRecognition = (params: Params, v2: boolean): Step<Command> => {
  const fields = texts(params, NAME_ID);
  if (isRefusal(fields)) return fields;
  const image = imageBase64(params);
  if (isRefusal(image)) return image;
  const optional = optionalText(params, 'Optional');
  if (isRefusal(optional)) return optional;
  const extra = v2 ? optionalText(params, 'Extra', 10) : undefined;
  if (isRefusal(extra)) return extra;
  return { kind: 'face.verify', ...fields, image: { base64: image }, liveness: false };
};

/** The card photo: `first` wins when both forms are sent (the two actions disagree). */
const cardImage = (
  params: Params,
  first: 'ImageBase64' | 'ImageUrl',
  maxBase64: number,
): Step<ImageInput | undefined> => {
  const url = given(params, 'ImageUrl');
  if (isRefusal(url)) return url;
  const base64 = read(params, 'ImageBase64');
  const hasBase64 = base64 !== undefined && base64 !== null && base64 !== '';
  if (url !== undefined && (first === 'ImageUrl' || !hasBase64)) return { url };
  if (!hasBase64) return undefined;
  const image = imageBase64(params, maxBase64);
  return isRefusal(image) ? image : { base64: image };
};

/** Config is honoured with an image only ("仅当使用ImageBase64或者ImageUrl时，告警配置生效"). */
const validConfig = (params: Params): Step<void> =>
  parseIdCardConfig(read(params, 'Config')) ? undefined : fail('invalid_parameter', 'Config');

const ONE_OF = 'IdCard and Name, ImageBase64 or ImageUrl';

/**
 * IdCardOCRVerification: IdCard + Name when both are given (the photo is then not read), else
 * the portrait side by ImageBase64 (≤ 3 MB), else by ImageUrl.
 */
const idCardOcr = (params: Params): Step<Command> => {
  const idNumber = given(params, 'IdCard');
  if (isRefusal(idNumber)) return idNumber;
  const name = given(params, 'Name');
  if (isRefusal(name)) return name;
  if (idNumber !== undefined && name !== undefined)
    return { kind: 'idcard.verify', name, idNumber };
  const image = cardImage(params, 'ImageBase64', MAX_IMAGE_BASE64);
  if (isRefusal(image)) return image;
  if (!image) return fail('missing_parameter', idNumber ? 'Name' : name ? 'IdCard' : ONE_OF);
  const config = validConfig(params);
  return isRefusal(config) ? config : { kind: 'idcard.verify', image };
};

/** CheckIdCardInformation's options that ask for an encrypted answer, which shiming never gives. */
const encryptedAnswer = (params: Params): string | undefined => {
  for (const name of ['IsEncrypt', 'IsEncryptResponse']) {
    const value = read(params, name);
    if (value === true || value === 'true') return name;
  }
  const encryption = read(params, 'Encryption');
  const asked = typeof encryption === 'object' && encryption !== null;
  return asked && Object.keys(encryption).length > 0 ? 'Encryption' : undefined;
};

/** CheckIdCardInformation: the portrait side by ImageUrl, else ImageBase64 (≤ 7 MB). */
const checkIdCard = (params: Params): Step<Command> => {
  const encrypted = encryptedAnswer(params);
  if (encrypted) return fail('invalid_parameter', encrypted);
  const image = cardImage(params, 'ImageUrl', MAX_CARD_CHECK_BASE64);
  if (isRefusal(image)) return image;
  if (!image) return fail('missing_parameter', 'ImageBase64');
  const config = validConfig(params);
  return isRefusal(config) ? config : { kind: 'idcard.check', image };
};

const COMMANDS: Record<ServedAction, (params: Params) => Step<Command>> = {
  IdCardVerification: (p) => map(texts(p, NAME_ID), (f) => ({ kind: 'identity.verify', ...f })),
  CheckIdNameDate: (p) =>
    map(
      texts(p, { name: 'Name', idNumber: 'IdCard', begin: 'ValidityBegin', end: 'ValidityEnd' }),
      // ValidityEnd "00000000" means long-term; the core reads it as such.
      ({ name, idNumber, begin, end }) => ({
        kind: 'identity.verify',
        name,
        idNumber,
        validity: { begin, end },
      }),
    ),
  BankCardVerification: (p) =>
    map(withCertType(p, texts(p, { ...NAME_ID, bankCard: 'BankCard' })), (f) => ({
      kind: 'bankcard.verify',
      ...f,
    })),
  BankCard2EVerification: (p) =>
    map(texts(p, { name: 'Name', bankCard: 'BankCard' }), (f) => ({
      kind: 'bankcard.verify',
      ...f,
    })),
  BankCard4EVerification: (p) =>
    map(
      withCertType(
        p,
        texts(p, { name: 'Name', bankCard: 'BankCard', phone: 'Phone', idNumber: 'IdCard' }),
      ),
      (f) => ({ kind: 'bankcard.verify', ...f }),
    ),
  CheckBankCardInformation: (p) =>
    map(texts(p, { bankCard: 'BankCard' }), (f) => ({ kind: 'bankcard.lookup', ...f })),
  PhoneVerification: (p) => {
    const mode = verifyMode(p);
    return isRefusal(mode) ? mode : phone(p);
  },
  PhoneVerificationCMCC: (p) => phone(p, 'CMCC'),
  PhoneVerificationCTCC: (p) => phone(p, 'CTCC'),
  PhoneVerificationCUCC: (p) => phone(p, 'CUCC'),
  MinorsVerification: minors,
  ImageRecognition: (p) => imageRecognition(p, false),
  ImageRecognitionV2: (p) => imageRecognition(p, true),
  IdCardOCRVerification: idCardOcr,
  CheckIdCardInformation: checkIdCard,
};

export const toCommand = (parsed: FaceIdParsed): Step<Command> => {
  const encrypted = encryptedInput(parsed.params);
  if (encrypted) return fail('invalid_parameter', encrypted);
  return COMMANDS[parsed.action](parsed.params);
};
