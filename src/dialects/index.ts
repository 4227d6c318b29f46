/** Every dialect the server speaks, in the order they are asked to claim a request. */
import type { Dialect } from '../http/dialect.ts';
import { aliyunCloudauth } from './aliyun-cloudauth/index.ts';
import { tencentFaceid } from './tencent-faceid/index.ts';
import { tencentLegacy } from './tencent-legacy/index.ts';
import { tencentMarket } from './tencent-market/index.ts';

/**
 * The Cloud Market gateway claims by path (`/release/…`) alone, so it goes first. Alibaba
 * before Tencent: the Tencent dialect also answers `/` requests nobody else claims.
 */
export const DIALECTS: readonly Dialect[] = [
  tencentMarket,
  tencentLegacy,
  aliyunCloudauth,
  tencentFaceid,
] as Dialect[];
