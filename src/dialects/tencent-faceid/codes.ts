/**
 * The outcome → code table of the FaceID dialect. Two kinds of answer (spec tencent.md §0.5):
 * - a verification outcome becomes the action's string `Result` with its `Description`, in a
 *   normal response (`RESULTS`, one table per action: §1.3, §1.4 and the SDK 4.1.313 typings);
 * - everything else, and a verification outcome an action has no Result for, becomes
 *   `Response.Error.{Code,Message}` (`ERRORS`, §3).
 *
 * @example
 *   resultCode('IdCardVerification', outcome('not_found'), {}) // → '-5'
 *   errorFor(outcome('bad_signature'), 'IdCardVerification').code // → 'AuthFailure.SignatureFailure'
 */
import type { Outcome, OutcomeCode } from '../../core/outcomes.ts';
import { IMAGE_RECOGNITION_V1, IMAGE_RECOGNITION_V2 } from './face-results.ts';
import { CHECK_ID_CARD, ID_CARD_OCR, unreadableCode } from './idcard-results.ts';
import type { Params } from './params.ts';
import {
  BANK_CARD_2E,
  BANK_CARD_3E,
  BANK_CARD_4E,
  CARD_INFORMATION,
  ID_NAME_DATE,
  IDENTITY,
  MINORS,
  PHONE,
  PHONE_CARRIER,
  type ResultTable,
} from './results.ts';
import { type ServedAction, UNSERVED_ACTIONS } from './routes.ts';

export interface ErrorCode {
  code: string;
  message: string;
}

/** The one message the docs give verbatim (§3.1). */
export const SIGNATURE_FAILURE =
  'The provided credentials could not be validated. Please check your signature is correct.';

/**
 * Parameters whose invalid_parameter means "encryption", which shiming does not do (§1.5): of
 * the input, or of CheckIdCardInformation's answer (IsEncrypt, IsEncryptResponse, Encryption).
 */
export const ENCRYPTION_PARAMETERS: ReadonlySet<string> = new Set([
  'Encryption.EncryptList',
  'EncryptList',
  'EncryptedBody',
  'Encryption',
  'IsEncrypt',
  'IsEncryptResponse',
]);

type ErrorRule = ErrorCode | ((o: Outcome, action: string) => ErrorCode);

const error = (code: string, message: string): ErrorCode => ({ code, message });
// Naming the parameter saves the developer a guess; its value is never echoed.
const naming = (o: Outcome, text: string): string =>
  o.facts?.parameter ? `${text}: ${o.facts.parameter}.` : `${text}.`;
const INTERNAL = error('InternalError', 'Internal error.');

export const ERRORS: Record<OutcomeCode, ErrorRule> = {
  // Verification outcomes land here only when the action has no Result code for them.
  match: INTERNAL,
  mismatch: INTERNAL,
  not_found: INTERNAL,
  card_refused: INTERNAL,
  invalid_id_number: INTERNAL,
  invalid_name: INTERNAL,
  invalid_bank_card: INTERNAL,
  invalid_phone: INTERNAL,
  invalid_validity: INTERNAL,
  unsupported_cert_type: INTERNAL,
  unsupported_number_range: INTERNAL,
  authority_unavailable: INTERNAL,
  authority_upgrading: INTERNAL,
  attempt_limit: INTERNAL,
  // Face outcomes are Results of the photo actions (face-results.ts); as Errors they keep the
  // FailedOperation code the FaceID list gives them (§3.3).
  no_portrait: error(
    'FailedOperation.IdPhotoNoExist',
    'The authority holds no portrait for this identity.',
  ),
  no_face: error(
    'FailedOperation.LifePhotoDetectNoFaces',
    'No complete face was found in the photo.',
  ),
  several_faces: error(
    'FailedOperation.LifePhotoDetectFaces',
    'The photo shows more than one face.',
  ),
  poor_quality: error(
    'FailedOperation.LifePhotoPoorQuality',
    'The face in the photo is not good enough to compare.',
  ),
  liveness_failed: error(
    'FailedOperation.LifePhotoDetectFake',
    'The photo failed the liveness check.',
  ),
  image_invalid: error('FailedOperation.ImageDecodeFailed', 'The image cannot be decoded.'),
  // ImageBase64 over 3 MB is refused before anything runs: a request-validation Error (§1.2).
  image_too_large: error(
    'FailedOperation.ImageSizeTooLarge',
    'The image is too large (ImageBase64 must stay within 3 MB).',
  ),
  image_unavailable: error('FailedOperation.DownLoadError', 'The image could not be downloaded.'),
  // ID-card outcomes: IdCardOCRVerification has no Result for a card it could not read, so these
  // are Errors there, with the FailedOperation codes CheckIdCardInformation answers as Results.
  card_unreadable: (o) =>
    error(unreadableCode(o), 'The ID card photo cannot be read; take it again.'),
  card_not_original: error(
    'FailedOperation.OcrWarningOccurred',
    'The ID card photo is not of an original card (a copy or a screen).',
  ),
  card_expired: error(
    'FailedOperation.OcrWarningOccurred',
    'The ID card has expired (invalid validity date).',
  ),
  // No FaceID command produces these (materials and business scenarios are Alibaba's).
  card_mismatch: INTERNAL,
  risk_rejected: INTERNAL,
  unknown_biz_type: INTERNAL,
  already_passed: INTERNAL,
  no_result: INTERNAL,
  unsigned: error(
    'AuthFailure.InvalidAuthorization',
    'The request carries no Authorization header.',
  ),
  malformed_signature: error(
    'AuthFailure.InvalidAuthorization',
    'Authorization in the request header is invalid (TC3-HMAC-SHA256 with SignedHeaders content-type;host expected).',
  ),
  bad_signature: error('AuthFailure.SignatureFailure', SIGNATURE_FAILURE),
  signature_expired: error(
    'AuthFailure.SignatureExpire',
    'Signature expired. Timestamp and server time cannot differ by more than five minutes.',
  ),
  unknown_credential: error('AuthFailure.SecretIdNotFound', 'The SecretId does not exist.'),
  // Not produced by this dialect (a SecretId names exactly one app); kept for completeness.
  credential_mismatch: error('AuthFailure.UnauthorizedOperation', 'The request is not authorized.'),
  // The docs' SecretIdNotFound covers "deleted or disabled in the console" (§3.2), which is
  // exactly a disabled app; UnauthorizedOperation would send the caller to CAM policies instead.
  app_disabled: error('AuthFailure.SecretIdNotFound', 'The SecretId has been disabled.'),
  // No Tencent code exists for a reused TC3 signature. An AuthFailure.* code tells every client
  // not to resend the same bytes (resending an identical request fails identically), while
  // RequestLimitExceeded would invite an SDK retryer to repeat it. SignatureFailure is the code
  // clients already treat as "sign again"; the message tells it apart from a wrong key.
  replay: error(
    'AuthFailure.SignatureFailure',
    'The request signature has already been used; sign the request again with a new timestamp.',
  ),
  rate_limited: error(
    'RequestLimitExceeded',
    'The number of requests exceeds the frequency limit.',
  ),
  // LimitExceeded is the common code whose documented meaning is "quota limit exceeded" (§3.2);
  // ResourceInsufficient is about resources, and the FaceID error pages use neither for billing.
  quota_exhausted: error(
    'LimitExceeded',
    'Quota limit exceeded: the application has used up its quota.',
  ),
  payload_too_large: error('RequestSizeLimitExceeded', 'The request body is too large.'),
  // With a parameter: it has the wrong type (request-map.ts); without: the body is unreadable.
  malformed_request: (o) =>
    o.facts?.parameter
      ? error('InvalidParameter', naming(o, 'Incorrect parameter type or format'))
      : error('InvalidParameter', 'The request could not be parsed.'),
  // A missing photo has its own FaceID code (§3.3); other fields the common one.
  missing_parameter: (o) =>
    o.facts?.parameter === 'ImageBase64'
      ? error('FailedOperation.EmptyImageError', 'The image is empty: ImageBase64 is required.')
      : error('MissingParameter', naming(o, 'The request is missing a required parameter')),
  invalid_parameter: (o) =>
    ENCRYPTION_PARAMETERS.has(o.facts?.parameter ?? '')
      ? error(
          'InvalidParameter.UnsupportEncryptField',
          'Encrypted input is not supported by this server; send the fields in plain text.',
        )
      : error('InvalidParameterValue', naming(o, 'Invalid parameter value')),
  unknown_action: (_o, action) =>
    UNSERVED_ACTIONS.has(action)
      ? error('UnsupportedOperation', `The action ${action} is not served by this server yet.`)
      : error('InvalidAction', 'The API does not exist.'),
  unsupported_version: error(
    'NoSuchVersion',
    'The API version does not exist (FaceID speaks 2018-03-01).',
  ),
  // InternalError is in FaceID's own common-code list; the message says it is transient.
  service_unavailable: error(
    'InternalError',
    'A service the server depends on is unavailable; retry later.',
  ),
  internal: INTERNAL,
};

export const errorFor = (o: Outcome, action: string): ErrorCode => {
  const rule = ERRORS[o.code];
  return typeof rule === 'function' ? rule(o, action) : rule;
};

export const RESULTS: Record<ServedAction, ResultTable> = {
  IdCardVerification: IDENTITY,
  CheckIdNameDate: ID_NAME_DATE,
  BankCardVerification: BANK_CARD_3E,
  BankCard2EVerification: BANK_CARD_2E,
  BankCard4EVerification: BANK_CARD_4E,
  CheckBankCardInformation: CARD_INFORMATION,
  PhoneVerification: PHONE,
  PhoneVerificationCMCC: PHONE_CARRIER,
  PhoneVerificationCTCC: PHONE_CARRIER,
  PhoneVerificationCUCC: PHONE_CARRIER,
  MinorsVerification: MINORS,
  ImageRecognition: IMAGE_RECOGNITION_V1,
  ImageRecognitionV2: IMAGE_RECOGNITION_V2,
  IdCardOCRVerification: ID_CARD_OCR,
  CheckIdCardInformation: CHECK_ID_CARD,
};

const tableCode = (table: ResultTable, o: Outcome): string | undefined => {
  const state = o.facts?.cardState;
  if (o.code === 'card_refused' && table.byCardState && state && state !== 'normal') {
    return table.byCardState[state];
  }
  return table.byOutcome[o.code];
};

/** The Result code of a verification outcome, or undefined when it is rendered as an Error. */
export const resultCode = (
  action: ServedAction,
  o: Outcome,
  params: Params,
): string | undefined => {
  const table = RESULTS[action];
  const code = tableCode(table, o);
  return code !== undefined && table.refine ? table.refine(o, params, code) : code;
};
