/**
 * THE outcome → Cloudauth code table (spec aliyun.md §0.4–5, §4.2–4.3, §10). The shapes are
 * wire-codes.ts's; this file holds the information checks' and the platform's rules, and
 * `codeFor` hands the face actions to face-codes.ts and the legacy real-person actions
 * (VerifyMaterial, DescribeVerifyResult) to materials-codes.ts first (their answers differ in
 * shape).
 *
 * @example
 *   codeFor(outcome('card_refused', { cardState: 'lost' }), view) // → result BizCode '2' SubCode '210'
 */
import type { CardState, MismatchField, Outcome, OutcomeCode } from '../../core/outcomes.ts';
import { faceCodeFor } from './face-codes.ts';
import { materialsCodeFor } from './materials-codes.ts';
import {
  type BusinessCode,
  business,
  type CodeView,
  gateway,
  INTERNAL_ERROR,
  result,
  type WireCode,
} from './wire-codes.ts';

export type { BizCode, BusinessCode, CodeView, WireCode } from './wire-codes.ts';
export { INTERNAL_ERROR };

/** Information-verification Code messages, as Alibaba's return-code tables print them (§4.3). */
export const BUSINESS_MESSAGES: Record<BusinessCode, string> = {
  '400': '参数不能为空',
  '401': '参数非法',
  '402': '权威源服务异常',
  '403': '异常重复调用',
  '405': '号段不支持',
  '412': '欠费中',
  // Face-flow Codes (§4.3 "Top-level Code").
  '417': '无法使用刷脸服务',
  '418': '刷脸失败次数过多',
};

/** BankMetaVerify SubCodes by card state, in the order of the official SubCode list (§4.2). */
export const CARD_SUBCODES: Record<Exclude<CardState, 'normal'>, string> = {
  holder_info_wrong: '201',
  no_card_not_present: '202',
  expired: '203',
  restricted: '204',
  confiscated: '205',
  invalid: '206',
  no_issuer: '207',
  dormant: '208',
  fraud: '209',
  lost: '210',
  pin_locked: '211',
  issuer_refused: '212',
  abnormal: '213',
  no_reserved_phone: '214',
  wrong_credentials: '215',
  other: '216',
  service_unsupported: '301',
  bank_unavailable: '302',
  phone_check_unsupported: '303',
};

/** Mobile3MetaDetail* SubCodes: which of phone / name / ID agree (§4.2). */
export const PHONE_MISMATCH_SUBCODES: Record<MismatchField, string> = {
  name_and_id_number: '201', // the phone is someone else's altogether
  id_number: '202', // name matches, ID number does not
  name: '203', // ID number matches, name does not
  other: '204',
  phone: '204',
  validity: '204',
  face: '204',
};

const missingParameter = (name: string) =>
  gateway(
    400,
    'MissingParameter',
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  );
const invalidParameter = (name: string, status = 400) =>
  gateway(status, 'InvalidParameter', `The specified parameter "${name}" is not valid.`);

const INCOMPLETE_SIGNATURE = gateway(
  400,
  'IncompleteSignature',
  'The request signature does not conform to Aliyun standards.',
);
const TIMESTAMP_FORMAT = gateway(
  400,
  'InvalidTimeStamp.Format',
  'Specified time stamp or date value is not well formatted.',
);
const TIMESTAMP_PARAMS = new Set(['Timestamp', 'x-acs-date']);

/** BizCode 2 for the 2xx SubCodes ("inconsistent"), 3 for 3xx ("cannot verify", not billed). */
const cardRefused = (state: CardState | undefined): WireCode => {
  const subCode = state && state !== 'normal' ? CARD_SUBCODES[state] : '305'; // 305: other reason
  return result(subCode.startsWith('3') ? '3' : '2', subCode);
};

/** Parameter problems after parsing are the action's Code 400/401; before, gateway errors. */
const parameterProblem = (v: CodeView, afterParse: WireCode, beforeParse: WireCode) =>
  v.family ? afterParse : beforeParse;

export const CODES: Record<OutcomeCode, (v: CodeView) => WireCode> = {
  match: () => result('1', '101'),
  mismatch: (v) =>
    result('2', v.family === 'bank' ? '201' : PHONE_MISMATCH_SUBCODES[v.facts.mismatch ?? 'other']),
  // BankMetaVerify: a card the issuer does not know is "304 银行卡号有误"; elsewhere 301 no record.
  not_found: (v) => result('3', v.family === 'bank' ? '304' : '301'),
  card_refused: (v) => (v.family === 'bank' ? cardRefused(v.facts.cardState) : INTERNAL_ERROR),
  invalid_id_number: () => business('401', 'IdentifyNum'),
  invalid_name: () => business('401', 'UserName'),
  invalid_bank_card: () => business('401', 'BankCard'),
  invalid_phone: () => business('401', 'Mobile'),
  invalid_validity: () => business('401', 'ValidityStartDate/ValidityEndDate'),
  unsupported_cert_type: () => business('401', 'IdentityType'),
  unsupported_number_range: () => business('405', 'Mobile'),
  authority_unavailable: () => business('402'),
  authority_upgrading: () => business('402'),
  // The bank list has its own "attempt limit exceeded" (306); elsewhere 403 异常重复调用.
  attempt_limit: (v) => (v.family === 'bank' ? result('3', '306') : business('403')),
  // Face outcomes belong to the face actions (face-codes.ts); no information check produces
  // them, and before parsing there is no photo.
  no_portrait: () => INTERNAL_ERROR,
  no_face: () => INTERNAL_ERROR,
  several_faces: () => INTERNAL_ERROR,
  poor_quality: () => INTERNAL_ERROR,
  liveness_failed: () => INTERNAL_ERROR,
  image_invalid: () => INTERNAL_ERROR,
  image_too_large: () => INTERNAL_ERROR,
  image_unavailable: () => INTERNAL_ERROR,
  // ID-card and materials outcomes belong to the legacy real-person actions
  // (materials-codes.ts); no other command produces them.
  card_unreadable: () => INTERNAL_ERROR,
  card_mismatch: () => INTERNAL_ERROR,
  card_expired: () => INTERNAL_ERROR,
  card_not_original: () => INTERNAL_ERROR,
  risk_rejected: () => INTERNAL_ERROR,
  unknown_biz_type: () => INTERNAL_ERROR,
  already_passed: () => INTERNAL_ERROR,
  no_result: () => INTERNAL_ERROR,
  unsigned: () => INCOMPLETE_SIGNATURE,
  malformed_signature: () => INCOMPLETE_SIGNATURE,
  bad_signature: () =>
    gateway(
      400,
      'SignatureDoesNotMatch',
      'Specified signature is not matched with our calculation.',
    ),
  signature_expired: () =>
    gateway(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.'),
  unknown_credential: () =>
    gateway(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.'),
  credential_mismatch: () =>
    gateway(
      400,
      'InvalidSecurityToken.MismatchWithAccessKey',
      'The security token does not belong to the access key.',
    ),
  app_disabled: () =>
    gateway(400, 'InvalidAccessKeyId.Inactive', 'Specified access key is disabled.'),
  replay: () => gateway(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.'),
  rate_limited: () =>
    gateway(400, 'Throttling.User', 'Request was denied due to user flow control.'),
  // 412 欠费中 ("product in arrears, recharge first") is the documented code for "no more paid
  // verifications" on the Id2MetaVerify and BankMetaVerify return-code tables.
  quota_exhausted: () => business('412'),
  payload_too_large: () => invalidParameter('Body', 413),
  malformed_request: (v) => invalidParameter(v.facts.parameter ?? 'Body'),
  missing_parameter: (v) => {
    const name = v.facts.parameter ?? 'Unknown';
    return parameterProblem(v, business('400', name), missingParameter(name));
  },
  invalid_parameter: (v) => {
    const name = v.facts.parameter ?? 'Unknown';
    const before = TIMESTAMP_PARAMS.has(name) ? TIMESTAMP_FORMAT : invalidParameter(name);
    return parameterProblem(v, business('401', name), before);
  },
  // A real Cloudauth action shiming lacks is told apart from a typo: 400 with its own code.
  unknown_action: (v) =>
    v.notServedYet
      ? gateway(
          400,
          'Forbidden.NotSupported',
          `The Cloudauth action "${v.notServedYet}" is not served by shiming yet.`,
        )
      : gateway(
          404,
          'InvalidAction.NotFound',
          'Specified api is not found, please check your url and method.',
        ),
  unsupported_version: () =>
    gateway(400, 'InvalidVersion', 'Specified parameter Version is not valid.'),
  service_unavailable: () =>
    gateway(
      503,
      'ServiceUnavailable',
      'The request has failed due to a temporary failure of the server.',
    ),
  internal: () => INTERNAL_ERROR,
};

/** The non-Standard mobile actions list CMCC/CUCC/CTCC only (§4.2): a CBCC number is out of range. */
const outsideCarriers = (o: Outcome, v: CodeView): boolean =>
  (v.family === 'mobileSimple' || v.family === 'mobileDetail') &&
  v.standard !== true &&
  o.facts?.carrier === 'CBCC';

/** The wire code for an outcome; result/business codes need a served action, else InternalError. */
export const codeFor = (o: Outcome, v: CodeView): WireCode => {
  if (outsideCarriers(o, v)) return business('405', 'Mobile');
  const face = faceCodeFor(o, v, CODES[o.code]) ?? materialsCodeFor(o, v, CODES[o.code]);
  if (face) return face;
  const code = CODES[o.code](v);
  return code.kind !== 'gateway' && !v.family ? INTERNAL_ERROR : code;
};
