/**
 * The official tencentcloud-sdk-nodejs FaceID client pointed at the test server, in each
 * transport the SDK has (spec tencent.md §4.1): TC3 POST and GET, v1 HmacSHA256 and HmacSHA1,
 * with endpoint `127.0.0.1:<port>` (scope service "127") or the production endpoint through an
 * agent that dials the test server (requests byte-identical to production).
 */
import http from 'node:http';
import net from 'node:net';
import tencentcloud from 'tencentcloud-sdk-nodejs';

export interface Mode {
  name: string;
  signMethod?: 'HmacSHA1' | 'HmacSHA256';
  reqMethod: 'POST' | 'GET';
  /** Production endpoint through LocalAgent instead of 127.0.0.1:<port>. */
  production: boolean;
}

export const MODES: Mode[] = [
  { name: 'tc3-post', reqMethod: 'POST', production: false },
  { name: 'tc3-post-production-endpoint', reqMethod: 'POST', production: true },
  { name: 'tc3-get', reqMethod: 'GET', production: false },
  { name: 'v1-hmacsha256-post', signMethod: 'HmacSHA256', reqMethod: 'POST', production: false },
  {
    name: 'v1-hmacsha1-get-production-endpoint',
    signMethod: 'HmacSHA1',
    reqMethod: 'GET',
    production: true,
  },
];

/** An agent whose connections all go to the test server, whatever the URL says. */
const localAgent = (port: number): http.Agent =>
  Object.assign(new http.Agent(), {
    createConnection: () => net.createConnection({ host: '127.0.0.1', port }),
  });

export interface Credentials {
  secretId: string;
  secretKey: string;
}

export type FaceidClient = InstanceType<typeof tencentcloud.faceid.v20180301.Client>;

export const faceidClient = (
  port: number,
  mode: Mode,
  credentials: Credentials,
  headers: Record<string, string> = {},
): FaceidClient =>
  new tencentcloud.faceid.v20180301.Client({
    credential: credentials,
    region: 'ap-guangzhou',
    profile: {
      ...(mode.signMethod ? { signMethod: mode.signMethod } : {}),
      httpProfile: {
        endpoint: mode.production ? 'faceid.tencentcloudapi.com' : `127.0.0.1:${port}`,
        protocol: 'http://',
        reqMethod: mode.reqMethod,
        // Always an agent: without one the SDK would tunnel through $http_proxy if set.
        agent: mode.production ? localAgent(port) : new http.Agent(),
        headers,
      },
    },
  });

/** What the SDK's TencentCloudSDKHttpException carries (common/exception, spec §4.5). */
export interface SdkException extends Error {
  code?: string;
  requestId: string;
  traceId: string;
  httpCode?: number;
}

/** The exception an SDK call throws; fails the test when the call succeeds. */
export const sdkError = async (call: Promise<unknown>): Promise<SdkException> => {
  try {
    await call;
  } catch (error) {
    return error as SdkException;
  }
  throw new Error('expected the SDK call to throw');
};
