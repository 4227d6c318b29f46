/** The three sandbox tables, in the order docs/sandbox.md shows them. */
export { ALIYUN_ROWS, ALIYUN_TRIGGERS, type AliyunRow } from './aliyun-cloudauth.ts';
export { TENCENT_ROWS, TENCENT_TRIGGERS, type TencentRow } from './tencent-faceid.ts';
export { LEGACY_ROWS, LEGACY_TRIGGERS, type LegacyRow } from './tencent-legacy.ts';
export { type Dialect, type Inputs, reachable, type SandboxRow } from './types.ts';
