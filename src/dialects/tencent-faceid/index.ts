/**
 * Tencent Cloud API 3.0 FaceID (`faceid`, version 2018-03-01): `POST /` or `GET /` signed with
 * TC3-HMAC-SHA256 or the legacy v1 HmacSHA1/HmacSHA256 (spec tencent.md §1–§4, seed 003).
 * The official `tencentcloud-sdk-nodejs` `faceid.v20180301.Client` works against it unchanged.
 *
 * @example
 *   import { tencentFaceid } from './dialects/tencent-faceid/index.ts';
 *   tencentFaceid.claims(request) // true for POST / with X-TC-Action, or v1 Action + Signature
 */
import type { Dialect } from '../../http/dialect.ts';
import { authenticate } from './auth.ts';
import { type FaceIdParsed, parse } from './parse.ts';
import { toCommand } from './request-map.ts';
import { render } from './response-map.ts';
import { claims } from './routes.ts';

export type { FaceIdParsed };

export const tencentFaceid: Dialect<FaceIdParsed> = {
  name: 'tencent-faceid',
  claims,
  parse,
  authenticate,
  toCommand,
  render,
};
