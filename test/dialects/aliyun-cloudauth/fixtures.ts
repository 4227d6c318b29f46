/**
 * Test fixtures for the aliyun-cloudauth dialect: wire requests, an in-memory app/nonce store,
 * and small signers written here independently of src/ (so a shared mistake cannot hide), pinned
 * themselves by the spec vectors in signing.test.ts.
 */
import { createHash, createHmac } from 'node:crypto';
import type { WireRequest } from '../../../src/http/wire.ts';
import type { App, AuthDeps } from '../../../src/security/apps.ts';
import { memoryNonces } from '../../../src/security/nonces.ts';

export const wire = (partial: Partial<WireRequest> = {}): WireRequest => ({
  method: 'POST',
  path: '/',
  rawQuery: '',
  headers: {},
  body: Buffer.alloc(0),
  receivedAt: Date.parse('2024-01-01T12:00:00Z'),
  ...partial,
});

/** The spec's dummy key (§7, §8). */
export const TEST_APP: App = {
  appId: '1300000001',
  name: 'spec',
  secretId: 'AKIDunused',
  secretKey: 'unused',
  accessKeyId: 'testid',
  accessKeySecret: 'testsecret',
  qps: null,
  quota: null,
  disabled: false,
  createdAt: 0,
};

export const memoryDeps = (apps: App[] = [TEST_APP]): AuthDeps => ({
  credentials: {
    bySecretId: async (id) => apps.find((a) => a.secretId === id),
    byAccessKeyId: async (id) => apps.find((a) => a.accessKeyId === id),
    byAppId: async (id) => apps.find((a) => a.appId === id),
  },
  nonces: memoryNonces(),
});

/** §6.1 pct, as pop-core writes it. */
export const pct = (s: string): string =>
  encodeURIComponent(s)
    .replace(/!/g, '%21')
    .replace(/'/g, '%27')
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29')
    .replace(/\*/g, '%2A');

const canonical = (params: Record<string, string>): string =>
  Object.keys(params)
    .sort()
    .map((k) => `${pct(k)}=${pct(params[k]!)}`)
    .join('&');

export const form = (params: Record<string, string>): string =>
  Object.entries(params)
    .map(([k, v]) => `${pct(k)}=${pct(v)}`)
    .join('&');

export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

let counter = 0;
export const freshNonce = (): string => `nonce-${process.pid}-${Date.now()}-${++counter}`;

export interface RpcOptions {
  method?: 'GET' | 'POST';
  action: string;
  business?: Record<string, string>;
  accessKeyId?: string;
  secret?: string;
  timestamp?: string;
  nonce?: string;
  extra?: Record<string, string>;
  /** The server clock the request arrives at (and, by default, its Timestamp). */
  receivedAt?: number;
}

/** A pop-core style RPC v1 request, signed: everything in the query (GET) or the body (POST). */
export const rpcRequest = (o: RpcOptions): WireRequest => {
  const method = o.method ?? 'GET';
  const receivedAt = o.receivedAt ?? Date.parse('2024-01-01T12:00:00Z');
  const params: Record<string, string> = {
    Action: o.action,
    Format: 'JSON',
    Version: '2019-03-07',
    Timestamp: o.timestamp ?? iso(receivedAt),
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: o.nonce ?? freshNonce(),
    AccessKeyId: o.accessKeyId ?? 'testid',
    ...o.business,
    ...o.extra,
  };
  const sts = `${method}&%2F&${pct(canonical(params))}`;
  const signature = createHmac('sha1', `${o.secret ?? 'testsecret'}&`)
    .update(sts)
    .digest('base64');
  const text = `${canonical(params)}&Signature=${pct(signature)}`;
  const headers = { 'x-acs-action': o.action, 'x-acs-version': '2019-03-07' };
  return method === 'GET'
    ? wire({ method, rawQuery: text, headers, receivedAt })
    : wire({
        method,
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        body: Buffer.from(text),
        receivedAt,
      });
};

export interface Acs3Options {
  action: string;
  query?: Record<string, string>;
  body?: Record<string, string>;
  accessKeyId?: string;
  secret?: string;
  date?: string;
  nonce?: string;
  host?: string;
  receivedAt?: number;
  extraHeaders?: Record<string, string>;
}

/** A Tea-style ACS3-HMAC-SHA256 request, signed. */
export const acs3Request = (o: Acs3Options): WireRequest => {
  const receivedAt = o.receivedAt ?? Date.parse('2024-01-01T12:00:00Z');
  const body = o.body ? Buffer.from(form(o.body)) : Buffer.alloc(0);
  const headers: Record<string, string> = {
    host: o.host ?? 'cloudauth.aliyuncs.com',
    'x-acs-action': o.action,
    'x-acs-version': '2019-03-07',
    'x-acs-date': o.date ?? iso(receivedAt),
    'x-acs-signature-nonce': o.nonce ?? freshNonce(),
    'x-acs-content-sha256': createHash('sha256').update(body).digest('hex'),
    ...(o.body && { 'content-type': 'application/x-www-form-urlencoded' }),
    ...o.extraHeaders,
  };
  const signed = Object.keys(headers)
    .filter((h) => h === 'host' || h === 'content-type' || h.startsWith('x-acs-'))
    .sort();
  const canonicalRequest = [
    'POST',
    '/',
    canonical(o.query ?? {}),
    signed.map((h) => `${h}:${headers[h]!.trim()}\n`).join(''),
    signed.join(';'),
    createHash('sha256').update(body).digest('hex'),
  ].join('\n');
  const sts = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonicalRequest).digest('hex')}`;
  const signature = createHmac('sha256', o.secret ?? 'testsecret')
    .update(sts)
    .digest('hex');
  headers.authorization = `ACS3-HMAC-SHA256 Credential=${o.accessKeyId ?? 'testid'},SignedHeaders=${signed.join(';')},Signature=${signature}`;
  return wire({ method: 'POST', rawQuery: form(o.query ?? {}), headers, body, receivedAt });
};
