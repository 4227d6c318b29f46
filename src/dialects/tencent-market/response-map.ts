/**
 * Outcome → wire (seed 002, spec tencent.md §6). Vendor answers are HTTP 200 with
 * `{msg, success, code, data}`; a completed comparison carries `data {order_no, score, msg,
 * incorrect}`. Gateway refusals are `{"message": …}` with their own status.
 *
 * The score is the calibrated false-accept rate on the 'cloud-market' scale (0.40 ⇔ FAR 1e-3,
 * 0.45 ⇔ FAR 1e-4), truncated to 2 decimals so that no rounding moves a score across the
 * seed's 0.40 / 0.45 lines. data.msg follows the score's band, except that the core's verdict
 * wins where an operator moved faceMatchFar: a match is always "同一人", a non-match never is.
 * Answers without a comparison carry score 0 (typed clients read a number) and the incorrect
 * table's text.
 *
 * @example
 *   render({ requestId, request, outcome: outcome('match', { face: { cosine: 0.7, far: 1e-6 } }) })
 *   // 200 {"msg":"","success":true,"code":200,"data":{"order_no":"…","score":0.63,"msg":"系统判断为同一人","incorrect":100}}
 */
import type { Outcome } from '../../core/outcomes.ts';
import { isRefusal, type RenderContext } from '../../http/dialect.ts';
import { jsonResponse, type WireResponse } from '../../http/wire.ts';
import { toScale } from '../face-scores.ts';
import {
  type Answer,
  answerFor,
  CODES,
  GATEWAY,
  INCORRECT,
  type Incorrect,
  PARAMETER,
} from './codes.ts';
import type { MarketParsed } from './request-map.ts';

const CONTENT_TYPE = 'application/json;charset=UTF-8';
const VERDICT = {
  same: '系统判断为同一人',
  unsure: '不能确定是否为同一人',
  different: '系统判断为不同人',
} as const;
const LABELS: Record<string, string> = {
  idcard: '身份证号',
  name: '姓名',
  image: '图片',
  url: '图片地址',
};

/** 18 digits from the request id, no leading zero (seed 002's `"order_no": "568753443590770688"`). */
export const orderNo = (requestId: string): string => {
  const hex = requestId.replace(/[^0-9a-f]/gi, '') || '0';
  return (10n ** 17n + (BigInt(`0x${hex}`) % (9n * 10n ** 17n))).toString();
};

/** FAR → the seed's 0..1 score, truncated to 2 decimals. */
export const marketScore = (far: number): number =>
  Math.floor(toScale(far, 'cloud-market') * 100 + 1e-6) / 100;

const verdictMsg = (o: Outcome, score: number): string => {
  if (o.code === 'match') return VERDICT.same;
  return score >= 0.4 ? VERDICT.unsure : VERDICT.different;
};

const resultData = (o: Outcome, incorrect: Incorrect, requestId: string) => {
  const far = o.facts?.face?.far;
  const order_no = orderNo(requestId);
  if (incorrect !== 100 || far === undefined) {
    return { order_no, score: 0, msg: INCORRECT[incorrect], incorrect };
  }
  const score = marketScore(far);
  return { order_no, score, msg: verdictMsg(o, score), incorrect };
};

const fieldText = (parameter: string): string =>
  `${LABELS[parameter] ?? parameter.slice(0, 64)}[${parameter.slice(0, 64)}]`;

/** `入参错误,身份证号[idcard]格式错误` (seed 002's failure example) and its siblings. */
export const badInputMsg = (parameter: string | undefined, missing: boolean): string => {
  if (parameter === undefined) return '入参错误,请求体格式错误';
  if (parameter === PARAMETER.imageOrUrl) {
    return `入参错误,图片[image]和图片地址[url]${missing ? '不能都为空' : '只能二选一'}`;
  }
  return `入参错误,${fieldText(parameter)}${missing ? '不能为空' : '格式错误'}`;
};

type GatewayAnswer = Extract<Answer, { kind: 'gateway' }>;
type FailureAnswer = Extract<Answer, { kind: 'failure' }>;

const algorithmOf = (context: RenderContext<MarketParsed>): string => {
  const credential = context.parsed?.credential;
  return credential && !isRefusal(credential) ? credential.algorithm : '';
};

// The `xxx` of §6's templates: the algorithm as sent (cut short), or the missing header's name;
// 'unknown' only if a refusal arrives without them (never from auth.ts).
const gatewaySubject = (answer: GatewayAnswer, context: RenderContext<MarketParsed>): string => {
  const subject =
    answer.problem === 'algorithm'
      ? algorithmOf(context)
      : (context.outcome.facts?.parameter ?? '').slice(PARAMETER.header.length);
  return subject.slice(0, 64) || 'unknown';
};

const gatewayResponse = (answer: GatewayAnswer, context: RenderContext<MarketParsed>) => {
  const [status, template] = GATEWAY[answer.problem];
  const message = template.replace('xxx', () => gatewaySubject(answer, context));
  const retryAfter = context.outcome.facts?.retryAfter;
  const headers: Record<string, string> = retryAfter ? { 'retry-after': String(retryAfter) } : {};
  return jsonResponse(status, { message }, headers);
};

const failureBody = (answer: FailureAnswer) => ({
  msg:
    answer.code === 400
      ? badInputMsg(answer.parameter, answer.missing ?? false)
      : CODES[answer.code],
  success: false,
  code: answer.code,
  data: {},
});

const resultBody = (incorrect: Incorrect, context: RenderContext<MarketParsed>) => ({
  msg: '',
  success: true,
  code: 200,
  data: resultData(context.outcome, incorrect, context.requestId),
});

export const render = (context: RenderContext<MarketParsed>): WireResponse => {
  const answer = answerFor(context.outcome, { parsed: context.parsed !== undefined });
  if (answer.kind === 'gateway') return gatewayResponse(answer, context);
  const body =
    answer.kind === 'result' ? resultBody(answer.incorrect, context) : failureBody(answer);
  return jsonResponse(200, body, { 'x-api-requestid': context.requestId }, CONTENT_TYPE);
};
