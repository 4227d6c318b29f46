/**
 * Hand-made TC3 requests with fetch, for what the SDK cannot be made to send: a replay, another
 * API version, a body over the size limit, a host signed with its port (the Python SDK's
 * habit), an unsigned call. Signed with the dialect's own functions, which the spec vectors pin.
 */
import { sha256Hex } from '../../../src/security/signatures.ts';
import {
  tc3CanonicalRequest,
  tc3Signature,
  tc3SigningKey,
  tc3StringToSign,
  utcDate,
} from '../../../src/dialects/tencent-faceid/sign.ts';
import type { Credentials } from './sdk-client.ts';

export interface RawCall {
  action: string;
  body: string;
  credentials?: Credentials;
  timestamp?: number;
  version?: string;
  /** The host that enters the signature; default the hostname without port (Node SDK). */
  signedHost?: string;
  service?: string;
  headers?: Record<string, string>;
  unsigned?: boolean;
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  body: { Response: Record<string, unknown> & { Error?: { Code: string; Message: string } } };
}

const authorization = (call: RawCall, timestamp: number, credentials: Credentials): string => {
  const date = utcDate(timestamp);
  const service = call.service ?? 'faceid';
  const canonical = tc3CanonicalRequest({
    method: 'POST',
    path: '/',
    query: '',
    signedHeaders: [
      ['content-type', 'application/json'],
      ['host', call.signedHost ?? '127.0.0.1'],
    ],
    payloadHash: sha256Hex(call.body),
  });
  const scope = `${date}/${service}/tc3_request`;
  const signature = tc3Signature(
    tc3SigningKey(credentials.secretKey, date, service),
    tc3StringToSign(timestamp, scope, canonical),
  );
  return `TC3-HMAC-SHA256 Credential=${credentials.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
};

export const rawCall = async (
  port: number,
  call: RawCall,
  fallback: Credentials,
): Promise<RawAnswer> => {
  const timestamp = call.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-tc-action': call.action,
    'x-tc-version': call.version ?? '2018-03-01',
    'x-tc-timestamp': String(timestamp),
    ...call.headers,
  };
  if (!call.unsigned)
    headers.authorization = authorization(call, timestamp, call.credentials ?? fallback);
  const response = await fetch(`http://127.0.0.1:${port}/`, {
    method: 'POST',
    headers,
    body: call.body,
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as RawAnswer['body'],
  };
};
