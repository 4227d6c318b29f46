/**
 * Clients for the sandbox walk (walk.test.ts): the official SDKs as a caller configures them,
 * plus what no SDK can be asked to send (a captured request sent again, a stale timestamp, a
 * hand-signed legacy call). Each reduces an answer to the codes the tables expect.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import RPCClient from '@alicloud/pop-core';
import tencentcloud from 'tencentcloud-sdk-nodejs';
import { CommonClient } from 'tencentcloud-sdk-nodejs/tencentcloud/common/common_client.js';
import type { Answer, Json } from '../dialects/aliyun-cloudauth/wire-client.ts';
import { sign, VARIANTS, type SignInput } from '../dialects/tencent-legacy/sign.ts';
import type { AppCredentials } from '../support/server.ts';

export type Credentials = Pick<
  AppCredentials,
  'appId' | 'secretId' | 'secretKey' | 'accessKeyId' | 'accessKeySecret'
>;

/** An http.Agent that keeps a copy of every byte written on its connections. */
export const recordingAgent = (): { agent: http.Agent; sent: () => Buffer } => {
  const chunks: Buffer[] = [];
  const agent = new http.Agent();
  const create = agent.createConnection.bind(agent) as (...args: unknown[]) => Socket;
  (agent as unknown as { createConnection: typeof create }).createConnection = (...args) => {
    const socket = create(...args);
    const write = socket.write.bind(socket) as (...a: unknown[]) => boolean;
    (socket as unknown as { write: typeof write }).write = (chunk, ...rest) => {
      const encoding = typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : 'latin1';
      chunks.push(
        typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk as Uint8Array),
      );
      return write(chunk, ...rest);
    };
    return socket;
  };
  return { agent, sent: () => Buffer.concat(chunks) };
};

/** Sends a captured HTTP/1.1 request again, unchanged (method, target, headers, body). */
export const resend = async (baseUrl: string, raw: Buffer): Promise<Response> => {
  const end = raw.indexOf('\r\n\r\n');
  const [requestLine, ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const [method, target] = requestLine!.split(' ');
  const headers = new Headers();
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    if (['host', 'connection', 'content-length', 'transfer-encoding'].includes(name)) continue;
    headers.append(name, line.slice(colon + 1).trim());
  }
  const body = raw.subarray(end + 4);
  return fetch(`${baseUrl}${target}`, {
    method: method!,
    headers,
    ...(body.length > 0 && { body: new Uint8Array(body) }),
  });
};

// ---- Tencent Cloud API 3.0 (tencentcloud-sdk-nodejs) ----

export interface TencentOptions {
  signMethod?: 'HmacSHA1' | 'HmacSHA256';
  reqMethod?: 'GET' | 'POST';
  agent?: http.Agent;
}

/** The FaceID client as the README configures it, TC3 POST unless told otherwise. */
export const faceid = (
  port: number,
  credential: Pick<Credentials, 'secretId' | 'secretKey'>,
  o: TencentOptions = {},
) =>
  new tencentcloud.faceid.v20180301.Client({
    credential: { secretId: credential.secretId, secretKey: credential.secretKey },
    region: 'ap-guangzhou',
    profile: {
      ...(o.signMethod && { signMethod: o.signMethod }),
      httpProfile: {
        endpoint: `127.0.0.1:${port}`,
        protocol: 'http://',
        reqMethod: o.reqMethod ?? 'POST',
        // Always an agent: without one the SDK would tunnel through $http_proxy if set.
        agent: o.agent ?? new http.Agent(),
      },
    },
  });

/** The SDK's generic client, which lets a caller name any API version. */
export const tencentCommon = (
  port: number,
  credential: Pick<Credentials, 'secretId' | 'secretKey'>,
  version: string,
) =>
  new CommonClient(`127.0.0.1:${port}`, version, {
    credential: { secretId: credential.secretId, secretKey: credential.secretKey },
    region: 'ap-guangzhou',
    profile: {
      httpProfile: { endpoint: `127.0.0.1:${port}`, protocol: 'http://', agent: new http.Agent() },
    },
  });

/** A FaceID answer: the Result (and the response) or the thrown Error.Code. */
export type TencentAnswer =
  | { result: string; response: Record<string, unknown> }
  | { error: string; message: string };

export const tencentAnswer = async (call: Promise<unknown>): Promise<TencentAnswer> => {
  try {
    const response = (await call) as Record<string, unknown>;
    return { result: String(response.Result), response };
  } catch (error) {
    const e = error as { code?: string; message?: string };
    if (e.code === undefined) throw error;
    return { error: e.code, message: e.message ?? '' };
  }
};

// ---- Alibaba Cloud Cloudauth: @alicloud/pop-core (the Tea client is in wire-client.ts) ----

export interface PopOptions {
  method?: 'GET' | 'POST';
  apiVersion?: string;
}

interface PopError {
  name: string;
  data?: Json;
  entry?: { response?: { statusCode?: number } };
}

const fromPopBody = (body: Json): Answer => ({
  threw: false,
  code: String(body.Code),
  ...(body.ResultObject?.BizCode !== undefined && { bizCode: body.ResultObject.BizCode }),
  ...(body.ResultObject?.SubCode !== undefined && { subCode: body.ResultObject.SubCode }),
  ...(body.ResultObject?.IspName !== undefined && { ispName: body.ResultObject.IspName }),
});

/** One pop-core call (GET unless told otherwise), reduced to an Answer (with the HTTP status when it threw). */
export const popCall = async (
  baseUrl: string,
  creds: Pick<Credentials, 'accessKeyId' | 'accessKeySecret'>,
  action: string,
  params: Record<string, string>,
  o: PopOptions = {},
): Promise<Answer> => {
  const client = new RPCClient({
    accessKeyId: creds.accessKeyId,
    accessKeySecret: creds.accessKeySecret,
    endpoint: baseUrl,
    apiVersion: o.apiVersion ?? '2019-03-07',
  });
  try {
    const opts = o.method === 'POST' ? { method: 'POST' } : {};
    return fromPopBody((await client.request(action, params, opts)) as Json);
  } catch (error) {
    const e = error as PopError;
    if (!e.data) throw error;
    const status = e.entry?.response?.statusCode;
    return {
      ...fromPopBody(e.data),
      threw: true,
      errorName: e.name,
      ...(status !== undefined && { status }),
    };
  }
};

// ---- Tencent legacy image service: hand-signed JSON over fetch ----

export interface LegacySent {
  status: number;
  code: number;
  message: string;
  sessionId: string;
}

export const legacyAuthorization = (
  app: Pick<Credentials, 'appId' | 'secretId' | 'secretKey'>,
  over: Partial<SignInput> = {},
): string =>
  sign(
    VARIANTS.docs!({
      appid: app.appId,
      secretId: app.secretId,
      now: Math.floor(Date.now() / 1000),
      ...over,
    }),
    app.secretKey,
  );

export const legacySend = async (
  baseUrl: string,
  path: string,
  body: string,
  authorization?: string,
): Promise<LegacySent> => {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization !== undefined && { authorization }),
    },
    body,
  });
  const json = (await response.json()) as {
    code: number;
    message: string;
    data?: { session_id?: string };
  };
  return {
    status: response.status,
    code: json.code,
    message: json.message,
    sessionId: json.data?.session_id ?? '',
  };
};
