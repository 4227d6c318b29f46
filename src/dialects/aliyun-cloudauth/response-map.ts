/**
 * Outcome → wire. Success and business codes use the action envelope
 * `{"RequestId","Code","Message","ResultObject":{…}}` (spec aliyun.md §9.1) — ResultObject with
 * BizCode for the information checks, with Passed/SubCode for the face flow — or, for
 * CompareFaces and DetectFaceAttributes, `{"RequestId","Code","Message","Success","Data"}`
 * (face-render.ts fills Data and the face-flow ResultObject), or the legacy real-person
 * body with VerifyStatus (materials-render.ts); gateway errors the
 * RPC error envelope `{"RequestId","HostId","Code","Message","Recommend"}` (§9.2). RequestId is
 * the pipeline's UUID in upper case, mirrored in `x-acs-request-id`. RPC v1 callers that send
 * `Format=XML` get the same documents as XML (§9.3), errors included.
 *
 * @example
 *   render({ requestId, request, parsed, outcome: outcome('match', { carrier: 'CMCC' }) })
 *   // → 200 {"RequestId":"…","Code":"200","Message":"success","ResultObject":{"BizCode":"1",…}}
 */
import type { OutcomeFacts } from '../../core/outcomes.ts';
import type { RenderContext } from '../../http/dialect.ts';
import type { WireResponse } from '../../http/wire.ts';
import type { Family } from './actions.ts';
import { BUSINESS_MESSAGES, type CodeView, codeFor, type WireCode } from './codes.ts';
import { certifyId, compareData, detectData, materialInfo } from './face-render.ts';
import type { CloudauthRequest } from './framing.ts';
import { materialsBody } from './materials-render.ts';
import { notServedYet, wantsXml } from './routes.ts';
import { toXml, type XmlObject } from './xml.ts';

const HOST_ID = 'cloudauth.aliyuncs.com';
const JSON_TYPE = 'application/json;charset=utf-8';
const XML_TYPE = 'text/xml;charset=utf-8';
/** Used when a rate-limited outcome carries no retryAfter (Tea reads the header in ms, §9.4). */
const DEFAULT_RETRY_AFTER_MS = 1000;

type ResultCode = Extract<WireCode, { kind: 'result' }>;
type VerdictCode = Extract<WireCode, { kind: 'verdict' }>;
type GatewayCode = Extract<WireCode, { kind: 'gateway' }>;
type ActionCode = Exclude<WireCode, GatewayCode>;

/** Which result fields each information-check family returns (§5.3). */
const RESULT_OBJECT: Partial<Record<Family, (code: ResultCode, facts: OutcomeFacts) => XmlObject>> =
  {
    id2: (code) => ({ BizCode: code.bizCode }),
    bank: (code) => ({ BizCode: code.bizCode, SubCode: code.subCode }),
    mobileSimple: (code, facts) => ({ BizCode: code.bizCode, IspName: facts.carrier ?? undefined }),
    mobileDetail: (code, facts) => ({
      BizCode: code.bizCode,
      SubCode: code.subCode,
      IspName: facts.carrier ?? undefined,
    }),
  };

const SUCCESS = { Code: '200', Message: 'success' } as const;

/** Face flow (§5.2): Model's default is FRONT_CAMERA_LIVENESS; LivenessFaceVerify always. */
const livenessAsked = (parsed: CloudauthRequest): boolean =>
  parsed.served.liveness === true || parsed.params.get('Model') !== 'NO_LIVENESS';

const verdictObject = (
  code: VerdictCode,
  parsed: CloudauthRequest,
  facts: OutcomeFacts,
  requestId: string,
): XmlObject => ({
  Passed: code.passed ? 'T' : 'F',
  SubCode: code.subCode,
  CertifyId: certifyId(requestId),
  MaterialInfo: materialInfo(code.subCode, facts, livenessAsked(parsed)),
});

const actionBody = (
  requestId: string,
  code: ActionCode,
  parsed: CloudauthRequest,
  facts: OutcomeFacts,
): XmlObject => {
  const head = { RequestId: requestId };
  switch (code.kind) {
    case 'result': {
      // Only the information checks produce `result` codes (face-codes.ts never does).
      const ResultObject = RESULT_OBJECT[parsed.served.family]?.(code, facts) ?? {
        BizCode: code.bizCode,
      };
      return { ...head, ...SUCCESS, ResultObject };
    }
    case 'verdict':
      return { ...head, ...SUCCESS, ResultObject: verdictObject(code, parsed, facts, requestId) };
    case 'data': {
      const detect = parsed.served.family === 'detect';
      return {
        ...head,
        ...SUCCESS,
        Success: true,
        Data: (detect ? detectData : compareData)(facts),
      };
    }
    case 'status':
      return materialsBody(code.verifyStatus, parsed, facts, requestId);
    case 'business': {
      const message = BUSINESS_MESSAGES[code.code];
      const Message = code.parameter ? `${message}: ${code.parameter}` : message;
      return { ...head, Code: code.code, Message };
    }
  }
};

const errorBody = (requestId: string, code: GatewayCode): XmlObject => ({
  RequestId: requestId,
  HostId: HOST_ID,
  Code: code.code,
  Message: code.message,
  Recommend: `https://api.aliyun.com/troubleshoot?q=${code.code}&product=Cloudauth&requestId=${requestId}`,
});

const viewOf = (context: RenderContext<CloudauthRequest>): CodeView => {
  const { parsed, request, outcome } = context;
  const facts = outcome.facts ?? {};
  if (parsed) {
    const { family, standard, seedShape } = parsed.served;
    return { family, standard, seedShape, params: parsed.params, facts };
  }
  const action = notServedYet(request);
  return action ? { notServedYet: action, facts } : { facts };
};

const headersFor = (context: RenderContext<CloudauthRequest>, requestId: string, xml: boolean) => {
  const headers: Record<string, string> = {
    'content-type': xml ? XML_TYPE : JSON_TYPE,
    'x-acs-request-id': requestId,
  };
  if (context.outcome.code === 'rate_limited') {
    const seconds = context.outcome.facts?.retryAfter;
    const ms = seconds === undefined ? DEFAULT_RETRY_AFTER_MS : Math.ceil(seconds * 1000);
    headers['x-acs-retry-after'] = String(ms);
  }
  return headers;
};

/** Dialect step 4: every outcome, with or without a parsed request. */
export const render = (context: RenderContext<CloudauthRequest>): WireResponse => {
  const { parsed } = context;
  const requestId = context.requestId.toUpperCase();
  const view = viewOf(context);
  const code = codeFor(context.outcome, view);
  const xml = parsed ? parsed.format === 'XML' : wantsXml(context.request);
  const headers = headersFor(context, requestId, xml);
  if (code.kind === 'gateway') {
    const body = errorBody(requestId, code);
    return {
      status: code.status,
      headers,
      body: xml ? toXml('Error', body) : JSON.stringify(body),
    };
  }
  // codeFor returns non-gateway codes only when the action is known (parsed is set).
  const body = actionBody(requestId, code, parsed!, view.facts);
  const root = `${parsed!.action}Response`;
  return { status: 200, headers, body: xml ? toXml(root, body) : JSON.stringify(body) };
};
