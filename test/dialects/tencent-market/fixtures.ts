/**
 * The §6 test vector as a WireRequest with the clock pinned to its x-date, and in-memory auth
 * deps that know its dummy key (and count nonce claims: this dialect must make none).
 */
import type { WireRequest } from '../../../src/http/wire.ts';
import type { App, AuthDeps } from '../../../src/security/apps.ts';

export const KEYS = {
  secretId: 'AKIDTESTID00000000000000000000000000',
  secretKey: 'TestSecretKey00000000000000000000',
} as const;

export const X_DATE = 'Tue, 14 Nov 2023 22:13:20 GMT';
export const AT = Date.parse(X_DATE);
export const SIGNATURE = 'nirwDNOhRwEjDliFn6Hg3FLcI0U=';
export const AUTHORIZATION = `hmac id="${KEYS.secretId}", algorithm="hmac-sha1", headers="x-date x-source", signature="${SIGNATURE}"`;
export const PATH = '/release/face_id_card/post';
export const ZHANG = { idcard: '110105199003070017', name: '张三' } as const;

/** §6's signed request, a form body of seed 002's fields, received at its x-date. */
export const marketRequest = (
  over: {
    method?: string;
    path?: string;
    headers?: Record<string, string | undefined>;
    body?: string | Buffer;
    receivedAt?: number;
  } = {},
): WireRequest => ({
  method: over.method ?? 'POST',
  path: over.path ?? PATH,
  rawQuery: '',
  headers: {
    host: 'service-test-1250000000.ap-shanghai.apigateway.myqcloud.com',
    'x-date': X_DATE,
    'x-source': 'market',
    authorization: AUTHORIZATION,
    'content-type': 'application/x-www-form-urlencoded',
    ...over.headers,
  },
  body: Buffer.from(over.body ?? `idcard=${ZHANG.idcard}&name=%E5%BC%A0%E4%B8%89&image=AAAA&url=`),
  receivedAt: over.receivedAt ?? AT,
});

export const TEST_APP: App = {
  appId: '1250000001',
  name: 'spec-keys',
  secretId: KEYS.secretId,
  secretKey: KEYS.secretKey,
  accessKeyId: 'LTAI-unused',
  accessKeySecret: 'unused',
  qps: null,
  quota: null,
  disabled: false,
  createdAt: 0,
};

/** Auth deps that know only the spec's dummy key; `claims` counts nonce-store calls. */
export const authDeps = (app: App = TEST_APP): AuthDeps & { claims: number } => {
  const deps = {
    claims: 0,
    credentials: {
      bySecretId: async (id: string) => (id === app.secretId ? app : undefined),
      byAccessKeyId: async () => undefined,
      byAppId: async () => undefined,
    },
    nonces: {
      claim: async () => {
        deps.claims += 1;
        return true;
      },
    },
  };
  return deps;
};
