/**
 * Outcome → wire for FaceID (spec tencent.md §0.4, §3.1, §4.5): always HTTP 200 with
 * `{"Response":{…,"RequestId"}}` and `Content-Type: application/json` exactly (the Python SDK
 * only reads errors under that exact type); errors inside as `Response.Error.{Code,Message}`;
 * the caller's `X-TC-TraceId` echoed (the Node SDK puts it on its exceptions).
 *
 * @example
 *   render({ requestId, request, parsed, outcome: outcome('match') })
 *   // body {"Response":{"Result":"0","Description":"姓名和身份证号一致","RequestId":"…"}}
 */
import type { Carrier, MismatchField, Outcome } from '../../core/outcomes.ts';
import type { RenderContext } from '../../http/dialect.ts';
import { jsonResponse, type WireRequest, type WireResponse } from '../../http/wire.ts';
import { ageOn, parseIdNumber, shanghaiToday } from '../../identity/index.ts';
import { errorFor, RESULTS, resultCode } from './codes.ts';
import { simFor } from './face-results.ts';
import { idCardFields } from './idcard-render.ts';
import { read } from './params.ts';
import type { FaceIdParsed } from './parse.ts';
import { minorsByPhone } from './results.ts';
import { actionNameOf } from './routes.ts';

type Fields = Record<string, unknown>;

// The documented Isp values are "", 移动, 电信, 联通 (§1.3); China Broadnet has none.
const ISP: Record<Carrier, string> = { CMCC: '移动', CTCC: '电信', CUCC: '联通', CBCC: '' };

const RESULT_DETAIL: Record<MismatchField, string> = {
  id_number: 'PhoneIdCardMismatch',
  name: 'PhoneNameMismatch',
  name_and_id_number: 'PhoneNameIdCardMismatch',
  phone: 'OtherMismatch',
  validity: 'OtherMismatch',
  face: 'OtherMismatch',
  other: 'OtherMismatch',
};

// AccountType: 1 debit, 2 credit, 3 prepaid, 4 semi-credit (SDK typings).
const ACCOUNT_TYPE = { DC: 1, CC: 2, PC: 3, SCC: 4 } as const;

const phoneFields = (o: Outcome, parsed: FaceIdParsed, code: string): Fields => {
  const fields: Fields = { Isp: o.facts?.carrier ? ISP[o.facts.carrier] : '' };
  const detailed =
    parsed.action === 'PhoneVerification' && read(parsed.params, 'VerifyMode') === '1';
  if (detailed && code === '-4') fields.ResultDetail = RESULT_DETAIL[o.facts?.mismatch ?? 'other'];
  return fields;
};

const cardFields = (o: Outcome): Fields => {
  const card = o.facts?.bankCard;
  return {
    AccountBank: card?.bankName ?? '',
    AccountType: card?.cardType ? ACCOUNT_TYPE[card.cardType] : null,
  };
};

const bracket = (age: number): string => (age < 8 ? '[0,8)' : age < 16 ? '[8,16)' : '[16,18)');

// The outcome says only adult or not; a minor's bracket comes from the birth date in the ID
// number that was just verified. By phone there is no ID number: the whole minor range.
const minorRange = (parsed: FaceIdParsed, receivedAt: number): string => {
  const idCard = read(parsed.params, 'IdCard');
  if (minorsByPhone(parsed.params) || typeof idCard !== 'string') return '[0,18)';
  const today = shanghaiToday(new Date(receivedAt));
  const id = parseIdNumber(idCard, { today });
  return id.ok ? bracket(ageOn(id.id.birthDate, today)) : '[0,18)';
};

const minorsFields = (parsed: FaceIdParsed, code: string, request: WireRequest): Fields => {
  if (code === '0') return { AgeRange: '[18,+)' };
  return code === '-1' ? { AgeRange: minorRange(parsed, request.receivedAt) } : {};
};

// Sim on each version's scale (face-results.ts); V2 echoes Extra, "" when none was sent (§1.3).
const imageFields = (parsed: FaceIdParsed, o: Outcome): Fields => {
  if (parsed.action === 'ImageRecognition') return { Sim: simFor(o, 'tencent-v1') };
  const extra = read(parsed.params, 'Extra');
  return { Sim: simFor(o, 'tencent-v2'), Extra: typeof extra === 'string' ? extra : '' };
};

const extraFields = (
  parsed: FaceIdParsed,
  o: Outcome,
  code: string,
  request: WireRequest,
): Fields => {
  if (parsed.action.startsWith('PhoneVerification')) return phoneFields(o, parsed, code);
  if (parsed.action === 'CheckBankCardInformation') return cardFields(o);
  if (parsed.action === 'MinorsVerification') return minorsFields(parsed, code, request);
  if (parsed.action.startsWith('ImageRecognition')) return imageFields(parsed, o);
  if (parsed.action === 'IdCardOCRVerification' || parsed.action === 'CheckIdCardInformation') {
    return idCardFields(parsed, o, code);
  }
  return {};
};

const resultFields = (
  parsed: FaceIdParsed,
  o: Outcome,
  code: string,
  request: WireRequest,
): Fields => ({
  Result: code,
  Description: RESULTS[parsed.action].documented[code] ?? '',
  ...extraFields(parsed, o, code, request),
});

const errorFields = (context: RenderContext<FaceIdParsed>): Fields => {
  const { code, message } = errorFor(
    context.outcome,
    context.parsed?.action ?? actionNameOf(context.request),
  );
  return { Error: { Code: code, Message: message } };
};

// Echoed as received when it is a plain printable token (the SDKs send a UUID).
const traceHeader = (request: WireRequest): Record<string, string> => {
  const traceId = request.headers['x-tc-traceid'];
  return traceId && /^[\x21-\x7e]{1,256}$/.test(traceId) ? { 'x-tc-traceid': traceId } : {};
};

export const render = (context: RenderContext<FaceIdParsed>): WireResponse => {
  const { parsed, outcome: o, request } = context;
  const code = parsed && resultCode(parsed.action, o, parsed.params);
  const fields =
    parsed && code !== undefined ? resultFields(parsed, o, code, request) : errorFields(context);
  return jsonResponse(
    200,
    { Response: { ...fields, RequestId: context.requestId } },
    traceHeader(request),
  );
};
