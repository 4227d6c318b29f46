/**
 * The one outcome → answer table of the Cloud Market face API (seed 002) and the API Gateway in
 * front of it (spec tencent.md §6). An answer is one of three kinds:
 * - `result`: HTTP 200, `code` 200, `data.incorrect` from the seed's incorrect table;
 * - `failure`: HTTP 200, `success` false, one of the seed's return codes (400/404/500/501/604);
 * - `gateway`: the gateway's own refusal, HTTP 401/403/429 with `{"message": …}`.
 *
 * The vendor's failures travel with HTTP 200 because the seed's samples read the body only on
 * success (Python `urlopen`, Java `getInputStream` throw on 4xx/5xx), so its documented code 400
 * example is only ever seen in a 200 answer. Outcomes this API cannot produce (bank cards,
 * phones, validity dates, replays, API versions) map to 500, the generic internal code.
 *
 * @example
 *   answerFor(outcome('invalid_id_number', { idProblem: 'checksum' })) // → { kind: 'result', incorrect: 104 }
 */
import type { Outcome, OutcomeCode, OutcomeFacts } from '../../core/outcomes.ts';

/** Seed 002's `incorrect` table (there is no 105). */
export const INCORRECT = {
  100: '比对成功',
  101: '身份证号码姓名不一致',
  102: '库中无此号',
  103: '身份核验成功,数据非法',
  104: '数据非法',
  106: '身份核验成功,人脸识别系统异常',
  107: '照片质量不合格',
  108: '上传图片文件过大',
  109: '身份核验成功,库中无照片',
  110: '身份核验成功,特征提取失败',
  111: '身份核验成功,检测到多于一张人脸',
  112: '身份核验成功,图片不合法',
  113: '人像比对服务异常',
} as const;
export type Incorrect = keyof typeof INCORRECT;

/** Seed 002's return codes. */
export const CODES = {
  200: '成功',
  400: '参数错误',
  404: '请求资源不存在',
  500: '系统内部错误,请联系服务商',
  501: '第三方服务异常',
  604: '接口停用',
} as const;
export type FailureCode = Exclude<keyof typeof CODES, 200>;

/** The gateway's messages (§6, `xxx` filled in by the renderer) and the statuses chosen. */
export const GATEWAY = {
  unsigned: [401, 'HMAC signature cannot be verified, a validate authorization header is required'],
  format: [401, 'HMAC authorization format error.'],
  headers: [401, 'HMAC authorization headers is invalidate.'],
  idOrSignature: [401, 'HMAC id or signature missing.'],
  algorithm: [401, 'HMAC algorithm xxx not supported.'],
  repeated: [401, 'HMAC do not support multiple HTTP header.'],
  header: [401, 'HMAC signature cannot be verified, a valid xxx header is required.'],
  xDate: [
    401,
    'HMAC signature cannot be verified, a valid x-date header is required for HMAC Authentication.',
  ],
  dateOrXDate: [
    401,
    'HMAC signature cannot be verified, a valid date or x-date header is required.',
  ],
  outOfDate: [
    401,
    'HMAC signature cannot be verified, the x-date header is out of date for HMAC Authentication.',
  ],
  unknownKey: [401, 'HMAC signature cannot be verified.'],
  mismatch: [401, 'HMAC signature does not match.'],
  // Authenticated, but not allowed: 403 (the doc tables disagree on 401/403, §6).
  apikey: [403, 'HMAC apikey is invalid for API.'],
  usagePlan: [403, 'Found no validate usage plan'],
  // Not in §6: the gateway's throttling answer in the same style (unconfirmed wording).
  rateLimit: [429, 'API rate limit exceeded'],
} as const satisfies Record<string, readonly [number, string]>;
export type GatewayProblem = keyof typeof GATEWAY;

/** facts.parameter values: body wire names, and the signature problems auth.ts reports. */
export const PARAMETER = {
  imageOrUrl: 'image,url',
  authorization: 'authorization',
  algorithm: 'algorithm',
  repeated: 'repeated',
  xDate: 'x-date',
  date: 'date',
  /** Prefix of a listed header that is absent: `header:x-source`. */
  header: 'header:',
} as const;

export type Answer =
  | { kind: 'result'; incorrect: Incorrect }
  | { kind: 'failure'; code: FailureCode; parameter?: string; missing?: boolean }
  | { kind: 'gateway'; problem: GatewayProblem };

const result = (incorrect: Incorrect): Answer => ({ kind: 'result', incorrect });
const failure = (code: FailureCode): Answer => ({ kind: 'failure', code });
const gateway = (problem: GatewayProblem): Answer => ({ kind: 'gateway', problem });
const badInput = (parameter?: string, missing = false): Answer => ({
  kind: 'failure',
  code: 400,
  ...(parameter === undefined ? {} : { parameter }),
  ...(missing ? { missing } : {}),
});

const SIGNATURE_PROBLEMS: Record<string, GatewayProblem> = {
  [PARAMETER.authorization]: 'format',
  headers: 'headers',
  id: 'idOrSignature',
  signature: 'idOrSignature',
  [PARAMETER.algorithm]: 'algorithm',
  [PARAMETER.repeated]: 'repeated',
  [PARAMETER.xDate]: 'xDate',
  [PARAMETER.date]: 'dateOrXDate',
};

const signatureProblem = (f: OutcomeFacts): GatewayProblem => {
  const parameter = f.parameter ?? '';
  if (parameter.startsWith(PARAMETER.header)) return 'header';
  return Object.hasOwn(SIGNATURE_PROBLEMS, parameter) ? SIGNATURE_PROBLEMS[parameter]! : 'format';
};

/** Rendering context a rule may look at: was the request routed and read? */
export interface RuleContext {
  parsed: boolean;
}

type Rule = Answer | ((facts: OutcomeFacts, context: RuleContext) => Answer);

export const CODE_TABLE: Record<OutcomeCode, Rule> = {
  // A completed comparison is 100 whatever its verdict: the score and data.msg tell (seed 002).
  match: result(100),
  mismatch: (f) => result(f.mismatch === 'face' ? 100 : 101),
  not_found: result(102),
  // The seed's failure example: a malformed number is a parameter error; a well-formed number
  // that cannot exist (check digit, date, region, age) is "data invalid".
  invalid_id_number: (f) => (f.idProblem === 'format' ? badInput('idcard') : result(104)),
  invalid_name: badInput('name'),
  unsupported_cert_type: result(104),
  authority_unavailable: failure(501),
  authority_upgrading: failure(501),
  attempt_limit: failure(501),
  // The core looks at the photo only once name + ID number matched a record: "身份核验成功".
  no_portrait: result(109),
  no_face: result(110),
  several_faces: result(111),
  poor_quality: result(107),
  // Not produced (liveness is off, seed 002 sells comparison only); a copied face is unfit.
  liveness_failed: result(107),
  image_invalid: result(112),
  image_too_large: result(108),
  // The URL could not be downloaded after the identity checked out.
  image_unavailable: result(103),
  // ID-card and materials outcomes do not occur on this route: reaching one is our bug.
  card_unreadable: failure(500),
  card_mismatch: failure(500),
  card_expired: failure(500),
  card_not_original: failure(500),
  risk_rejected: failure(500),
  unknown_biz_type: failure(500),
  already_passed: failure(500),
  no_result: failure(500),
  // A face.verify reaches service_unavailable once the identity checked out and the face engine
  // is missing: 106. (An audit-store failure also lands here; the outcome does not say which.)
  service_unavailable: (_f, c) => (c.parsed ? result(106) : failure(500)),
  unsigned: gateway('unsigned'),
  malformed_signature: (f) => gateway(signatureProblem(f)),
  bad_signature: gateway('mismatch'),
  signature_expired: gateway('outOfDate'),
  unknown_credential: gateway('unknownKey'),
  credential_mismatch: gateway('apikey'),
  app_disabled: failure(604),
  rate_limited: gateway('rateLimit'),
  quota_exhausted: gateway('usagePlan'),
  // Bodies are large because of the photo: the seed's "upload too large".
  payload_too_large: result(108),
  malformed_request: badInput(),
  missing_parameter: (f) => badInput(f.parameter, true),
  invalid_parameter: (f) => badInput(f.parameter),
  unknown_action: failure(404),
  internal: failure(500),
  replay: failure(500),
  unsupported_version: failure(500),
  card_refused: failure(500),
  invalid_bank_card: failure(500),
  invalid_phone: failure(500),
  invalid_validity: failure(500),
  unsupported_number_range: failure(500),
};

/** The answer for an outcome. */
export const answerFor = (o: Outcome, context: RuleContext = { parsed: true }): Answer => {
  const rule = CODE_TABLE[o.code];
  return typeof rule === 'function' ? rule(o.facts ?? {}, context) : rule;
};
