/**
 * Applications and their credentials: the callers of the server. One app holds one credential
 * pair per dialect family (Tencent SecretId/SecretKey, Alibaba AccessKeyId/AccessKeySecret);
 * the legacy Tencent dialect also names the app by its numeric `appId`.
 *
 * @example
 *   const app = await credentials.bySecretId('AKID...');
 *   if (app && !app.disabled) verify(app.secretKey);
 */
export interface App {
  appId: string;
  name: string;
  secretId: string;
  secretKey: string;
  accessKeyId: string;
  accessKeySecret: string;
  /** Requests per second; null = the server default. */
  qps: number | null;
  /** Billed verifications allowed in total; null = unlimited. */
  quota: number | null;
  disabled: boolean;
  createdAt: number;
}

/** Read side used by the dialects' signature checks. */
export interface CredentialLookup {
  bySecretId(secretId: string): Promise<App | undefined>;
  byAccessKeyId(accessKeyId: string): Promise<App | undefined>;
  byAppId(appId: string): Promise<App | undefined>;
}

/** Single-use keys (nonces, single-use signatures) within a time window. */
export interface NonceStore {
  /** True when the key was not seen within `ttlSeconds`; records it either way. */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
}

export interface AuthDeps {
  credentials: CredentialLookup;
  nonces: NonceStore;
}
