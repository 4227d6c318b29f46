/**
 * Tencent Cloud Market face comparison (seed 002): `POST /release/face_id_card/post` behind the
 * API Gateway's key-pair HMAC signature (spec tencent.md §6). No SDK exists; the seed's samples
 * (Python, PHP, Node, Go, C#, Java, curl) sign `x-date x-source` with the app's Tencent
 * SecretId/SecretKey and work against this dialect unchanged.
 *
 * @example
 *   import { tencentMarket } from './dialects/tencent-market/index.ts';
 *   tencentMarket.claims(request) // true for every path under /release/
 */
import type { Dialect } from '../../http/dialect.ts';
import { authenticate } from './auth.ts';
import { type MarketParsed, parse, toCommand } from './request-map.ts';
import { render } from './response-map.ts';
import { claims } from './routes.ts';

export type { MarketParsed };

export const tencentMarket: Dialect<MarketParsed> = {
  name: 'tencent-market',
  claims,
  parse,
  authenticate,
  toCommand,
  render,
};
