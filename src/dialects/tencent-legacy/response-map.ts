/**
 * Outcome → wire for the legacy routes. Seeds 000/001: always HTTP 200 with
 * `{"code","message","data":{"session_id"}}`; the session id is the request id, on errors too.
 *
 * @example
 *   render({ requestId, request, outcome: outcome('match') })
 *   // body {"code":0,"message":"OK","data":{"session_id":"<requestId>"}}
 */
import type { Outcome } from '../../core/outcomes.ts';
import type { RenderContext } from '../../http/dialect.ts';
import { jsonResponse, type WireResponse } from '../../http/wire.ts';
import { codeFor, MESSAGES } from './codes.ts';

export interface LegacyBody {
  code: number;
  message: string;
  data: { session_id: string };
}

// Naming the parameter saves a developer a guess; the value itself is never echoed, and a
// caller-chosen name (a duplicated multipart field) is cut short.
const messageFor = (result: Outcome, code: keyof typeof MESSAGES): string => {
  const parameter = result.facts?.parameter?.slice(0, 64);
  return code === 21 && parameter ? `${MESSAGES[code]}: ${parameter}` : MESSAGES[code];
};

/** The legacy envelope for one outcome. */
export const renderBody = (result: Outcome, requestId: string): LegacyBody => {
  const code = codeFor(result);
  return { code, message: messageFor(result, code), data: { session_id: requestId } };
};

export const render = (context: RenderContext<unknown>): WireResponse =>
  jsonResponse(200, renderBody(context.outcome, context.requestId));
