/**
 * The retired Tencent image-service ("Youtu") identity routes: `POST /auth/idcard` and
 * `POST /auth/idbankcard`, signed with the multi-effective signature (spec tencent.md §5,
 * seeds 000 and 001).
 *
 * @example
 *   import { tencentLegacy } from './dialects/tencent-legacy/index.ts';
 *   tencentLegacy.claims(request) // true for /auth/idcard and /auth/idbankcard
 */
import type { Dialect } from '../../http/dialect.ts';
import { authenticate } from './auth.ts';
import { type LegacyParsed, parse, toCommand } from './request-map.ts';
import { render } from './response-map.ts';
import { claims } from './routes.ts';

export const tencentLegacy: Dialect<LegacyParsed> = {
  name: 'tencent-legacy',
  claims,
  parse,
  authenticate,
  toCommand,
  render,
};
