/**
 * The `aliyun-cloudauth` dialect: Alibaba Cloud Cloudauth RPC API 2019-03-07 on `/`, signed with
 * RPC v1 HMAC-SHA1 or ACS3-HMAC-SHA256 (spec aliyun.md). Serves the information-verification
 * actions Id2MetaVerify, Id2MetaStandardVerify, Id2MetaPeriodVerify, BankMetaVerify and the four
 * Mobile3Meta*Verify actions, the face actions CompareFaces, DetectFaceAttributes,
 * ContrastFaceVerify and LivenessFaceVerify, and the legacy real-person actions VerifyMaterial
 * (also as seed 004's `VerifyMaterials`) and DescribeVerifyResult; other Cloudauth actions get
 * `Forbidden.NotSupported`.
 *
 * @example
 *   import { aliyunCloudauth } from './dialects/aliyun-cloudauth/index.ts';
 *   if (aliyunCloudauth.claims(request)) { const parsed = aliyunCloudauth.parse(request); … }
 */
import type { Dialect } from '../../http/dialect.ts';
import { authenticate } from './auth.ts';
import { type CloudauthRequest, parse } from './framing.ts';
import { toCommand } from './request-map.ts';
import { render } from './response-map.ts';
import { claims } from './routes.ts';

export type { CloudauthRequest } from './framing.ts';

export const aliyunCloudauth: Dialect<CloudauthRequest> = {
  name: 'aliyun-cloudauth',
  claims,
  parse,
  authenticate,
  toCommand,
  render,
};
