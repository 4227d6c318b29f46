/**
 * The one outcome → code table of the legacy image-service dialect (seeds 000 and 001, spec
 * tencent.md §5). The seeds document one code list for both routes; a few outcomes split on
 * their facts because the legacy service told apart what the catalogue keeps together
 * (which credential is unknown, which field names a missing bucket, which ID problem).
 *
 * @example
 *   codeFor(outcome('invalid_id_number', { idProblem: 'format' })) // → -5806
 */
import type { Outcome, OutcomeCode, OutcomeFacts } from '../../core/outcomes.ts';

/** Every code the seeds document, with a short message in their meaning (English / 中文). */
export const MESSAGES = {
  0: 'OK',
  3: 'bad request (错误的请求)',
  4: 'signature is empty (签名为空)',
  5: 'signature string is malformed (签名串错误)',
  6: 'appid/bucket in the signature does not match the request (签名中的 appid/bucket 与操作目标不匹配)',
  9: 'signature expired (签名过期)',
  10: 'appid does not exist (appid 不存在)',
  11: 'secretid does not exist (secretid 不存在)',
  12: 'appid and secretid do not match (appid 和 secretid 不匹配)',
  13: 'replayed signature (重放攻击)',
  14: 'signature verification failed (签名校验失败)',
  15: 'too many requests (操作太频繁，触发频控)',
  16: 'bucket does not exist (bucket 不存在)',
  21: 'invalid parameter (无效参数)',
  23: 'request body too large (请求包体过大)',
  24: 'no permission (没有权限)',
  25: 'resource used up (您购买的资源已用完)',
  107: 'authentication service unavailable (鉴权服务不可用)',
  108: 'authentication service unavailable (鉴权服务不可用)',
  213: 'internal error (内部错误)',
  [-5803]: 'ID number and name do not match (身份证号码与姓名不匹配)',
  [-5804]: 'ID number is invalid (身份证号码无效)',
  [-5806]: 'ID number or name format error (身份证号码或者姓名格式错误)',
  [-5807]: 'identity query failed (查询身份证信息失败)',
} as const;

export type LegacyCode = keyof typeof MESSAGES;
export const LEGACY_CODES = Object.keys(MESSAGES).map(Number) as LegacyCode[];

type CodeRule = LegacyCode | ((facts: OutcomeFacts) => LegacyCode);

// A 'format' problem is the seeds' "format error"; every other ID problem (check digit, date,
// province, age) makes a well-formed but invalid number.
const idNumberCode = (facts: OutcomeFacts): LegacyCode =>
  facts.idProblem === 'format' ? -5806 : -5804;

/** The facts.parameter that auth.ts / request-map.ts attach to tell the split codes apart. */
export const PARAMETER = { appid: 'appid', bucket: 'bucket', secretId: 'k' } as const;

export const CODE_TABLE: Record<OutcomeCode, CodeRule> = {
  match: 0,
  mismatch: -5803,
  // A card the bank refuses fails the three-element check as a whole (seed 001 has no card code).
  card_refused: -5803,
  // Code 16: the only "not found" bucket is one named after another app (request-map.ts).
  not_found: (f) => (f.parameter === PARAMETER.bucket ? 16 : -5804),
  invalid_id_number: idNumberCode,
  invalid_name: -5806,
  invalid_bank_card: -5806,
  // The legacy service took only mainland resident ID numbers: any other is "invalid".
  unsupported_cert_type: -5804,
  authority_unavailable: -5807,
  authority_upgrading: 108,
  attempt_limit: -5807,
  unsigned: 4,
  malformed_signature: 5,
  bad_signature: 14,
  signature_expired: 9,
  unknown_credential: (f) => (f.parameter === PARAMETER.appid ? 10 : 11),
  // 6 is the signature naming another appid/bucket than the body; otherwise the catalogue's
  // meaning ("credential of another app") is 12.
  credential_mismatch: (f) =>
    f.parameter === PARAMETER.appid || f.parameter === PARAMETER.bucket ? 6 : 12,
  app_disabled: 24,
  replay: 13,
  rate_limited: 15,
  quota_exhausted: 25,
  payload_too_large: 23,
  malformed_request: 3,
  missing_parameter: 21,
  invalid_parameter: 21,
  unknown_action: 3,
  unsupported_version: 3,
  service_unavailable: 107,
  internal: 213,
  // No phone, validity, number range or photo exists on these routes: reaching one is our bug.
  invalid_phone: 213,
  invalid_validity: 213,
  unsupported_number_range: 213,
  no_portrait: 213,
  no_face: 213,
  several_faces: 213,
  poor_quality: 213,
  liveness_failed: 213,
  image_invalid: 213,
  image_too_large: 213,
  image_unavailable: 213,
  card_unreadable: 213,
  card_mismatch: 213,
  card_expired: 213,
  card_not_original: 213,
  risk_rejected: 213,
  unknown_biz_type: 213,
  already_passed: 213,
  no_result: 213,
};

/** The documented code for an outcome. */
export const codeFor = (result: Outcome): LegacyCode => {
  const rule = CODE_TABLE[result.code];
  return typeof rule === 'number' ? rule : rule(result.facts ?? {});
};
