/**
 * Wire-test clients for the aliyun-cloudauth dialect: the official SDKs pointed at the test
 * server (pop-core RPCClient GET and POST; @alicloud/cloudauth20190307 with ACS3 and with
 * `signatureAlgorithm: 'v2'`), each call reduced to one comparable `Answer`, plus raw HTTP.
 */
import { after, before } from 'node:test';
import CloudauthModule, * as $Cloudauth from '@alicloud/cloudauth20190307';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import RPCClient from '@alicloud/pop-core';
import type { WireRequest } from '../../../src/http/wire.ts';
import { type AppCredentials, startTestServer, type TestServer } from '../../support/server.ts';

export { DEMO_APP } from '../../support/server.ts';

const TeaClient = CloudauthModule.default;
type Tea = InstanceType<typeof TeaClient>;

/** A parsed JSON body, inspected field by field in assertions. */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary fields of SDK and wire bodies.
export type Json = Record<string, any>;

export interface Answer {
  /** Who threw: an SDK error (pop-core on any Code ≠ 200, Tea on HTTP ≥ 400) or nobody. */
  threw: boolean;
  /** The body's Code (a business or gateway code). */
  code: string;
  /** HTTP status when the SDK exposes it (Tea errors and Tea responses). */
  status?: number;
  bizCode?: string;
  subCode?: string;
  ispName?: string;
  /** pop-core's error name (`<Code>Error`) or Tea's error class. */
  errorName?: string;
}

export type ClientName = 'pop-core GET' | 'pop-core POST' | 'tea ACS3' | 'tea v2';
export const CLIENTS: ClientName[] = ['pop-core GET', 'pop-core POST', 'tea ACS3', 'tea v2'];

export type Call = (action: string, params: Record<string, string>) => Promise<Answer>;

interface PopError {
  name: string;
  code: string;
  data?: Record<string, unknown>;
}

const fromPopBody = (body: Json): Answer => ({
  threw: false,
  code: String(body.Code),
  ...(body.ResultObject?.BizCode !== undefined && { bizCode: body.ResultObject.BizCode }),
  ...(body.ResultObject?.SubCode !== undefined && { subCode: body.ResultObject.SubCode }),
  ...(body.ResultObject?.IspName !== undefined && { ispName: body.ResultObject.IspName }),
});

const popCall =
  (server: TestServer, creds: Credentials, method: 'GET' | 'POST'): Call =>
  async (action, params) => {
    const client = new RPCClient({
      accessKeyId: creds.accessKeyId,
      accessKeySecret: creds.accessKeySecret,
      endpoint: server.url,
      apiVersion: '2019-03-07',
    });
    try {
      const opts = method === 'POST' ? { method: 'POST' } : {};
      return fromPopBody((await client.request(action, params, opts)) as Json);
    } catch (error) {
      const e = error as PopError;
      if (!e.data) throw error;
      return { ...fromPopBody(e.data), threw: true, errorName: e.name };
    }
  };

const camel = (params: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k[0]!.toLowerCase() + k.slice(1), v]));

interface TeaBody {
  code?: string;
  resultObject?: { bizCode?: string; subCode?: string; ispName?: string };
}

const fromTeaBody = (status: number, body: TeaBody): Answer => ({
  threw: false,
  status,
  code: String(body.code),
  ...(body.resultObject?.bizCode !== undefined && { bizCode: body.resultObject.bizCode }),
  ...(body.resultObject?.subCode !== undefined && { subCode: body.resultObject.subCode }),
  ...(body.resultObject?.ispName !== undefined && { ispName: body.resultObject.ispName }),
});

export const teaClient = (server: TestServer, creds: Credentials, v2: boolean): Tea =>
  new TeaClient(
    new $OpenApiUtil.Config({
      accessKeyId: creds.accessKeyId,
      accessKeySecret: creds.accessKeySecret,
      endpoint: `127.0.0.1:${server.port}`,
      protocol: 'http',
      ...(v2 && { signatureAlgorithm: 'v2' }),
    }),
  );

/** Tea SDK errors carry code/statusCode; anything else is a test failure. */
export const teaError = (error: unknown): Answer => {
  const e = error as { code?: string; statusCode?: number; name?: string };
  if (e.code === undefined || e.statusCode === undefined) throw error;
  return { threw: true, code: e.code, status: e.statusCode, errorName: e.name ?? '' };
};

const teaCall =
  (server: TestServer, creds: Credentials, v2: boolean): Call =>
  async (action, params) => {
    const client = teaClient(server, creds, v2) as unknown as Record<
      string,
      (r: unknown) => Promise<{ statusCode: number; body: TeaBody }>
    >;
    const Request = ($Cloudauth as unknown as Record<string, new (m: object) => unknown>)[
      `${action}Request`
    ]!;
    const method = action[0]!.toLowerCase() + action.slice(1);
    try {
      const response = await client[method]!.call(client, new Request(camel(params)));
      return fromTeaBody(response.statusCode, response.body);
    } catch (error) {
      return teaError(error);
    }
  };

export type Credentials = Pick<AppCredentials, 'accessKeyId' | 'accessKeySecret'>;

export const callerFor = (server: TestServer, creds: Credentials, name: ClientName): Call => {
  switch (name) {
    case 'pop-core GET':
      return popCall(server, creds, 'GET');
    case 'pop-core POST':
      return popCall(server, creds, 'POST');
    case 'tea ACS3':
      return teaCall(server, creds, false);
    case 'tea v2':
      return teaCall(server, creds, true);
  }
};

/** Any Cloudauth action through Tea's generic callApi (for names the typed client lacks). */
export const teaCallApi = async (client: Tea, action: string): Promise<Answer> => {
  const params = new $OpenApiUtil.Params({
    action,
    version: '2019-03-07',
    protocol: 'HTTP',
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'json',
  });
  try {
    const response = await client.callApi(params, new $OpenApiUtil.OpenApiRequest({}), {} as never);
    return fromTeaBody(response.statusCode, response.body as TeaBody);
  } catch (error) {
    return teaError(error);
  }
};

export interface Sent {
  status: number;
  headers: Headers;
  text: string;
  json: Json | undefined;
}

/** Sends a WireRequest built by fixtures.ts (rpcRequest / acs3Request) over real HTTP. */
export const send = async (server: TestServer, request: WireRequest): Promise<Sent> => {
  const { host: _, ...headers } = request.headers as Record<string, string>;
  const query = request.rawQuery ? `?${request.rawQuery}` : '';
  const response = await fetch(`${server.url}${request.path}${query}`, {
    method: request.method,
    headers,
    ...(request.body.length > 0 && { body: new Uint8Array(request.body) }),
  });
  const text = await response.text();
  let json: Json | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
};

/** One server per test file (demo mode: sandbox personas and DEMO_APP). */
export const useWireServer = (maxBodyBytes?: number) => {
  const ctx = {} as { server: TestServer; app: AppCredentials };
  before(async () => {
    ctx.server = await startTestServer(maxBodyBytes ? { config: { maxBodyBytes } } : {});
    // A roomy rate limit: the persona matrix sends hundreds of requests in a burst.
    ctx.app = await ctx.server.createApp({ name: 'aliyun-wire', qps: 100_000 });
  });
  after(async () => {
    await ctx.server.close();
  });
  return ctx;
};
