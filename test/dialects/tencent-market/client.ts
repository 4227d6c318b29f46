/**
 * A raw HTTP client for the Cloud Market gateway (no SDK exists), signing like seed 002's
 * samples: `x-date` (RFC 1123 GMT) and `x-source`, HMAC over `name: value` lines. The signature
 * is built here from node:crypto, independently of the dialect's own hmac.ts.
 */
import { createHmac } from 'node:crypto';
import type { AppCredentials } from '../../support/server.ts';

export const PATH = '/release/face_id_card/post';

export interface SignOptions {
  algorithm?: 'hmac-sha1' | 'hmac-sha256' | 'hmac-sha384' | 'hmac-sha512';
  /** Signed headers with their values, in order; default x-date (now) and x-source. */
  signed?: Array<[string, string]>;
  /** Seconds added to now for the default x-date. */
  skew?: number;
  secretKey?: string;
}

export const httpDate = (ms: number): string => new Date(ms).toUTCString();

/** Headers as the seed's Node sample builds them: X-Source, X-Date, Authorization. */
export const signedHeaders = (
  app: Pick<AppCredentials, 'secretId' | 'secretKey'>,
  options: SignOptions = {},
): Record<string, string> => {
  const algorithm = options.algorithm ?? 'hmac-sha1';
  const signed = options.signed ?? [
    ['x-date', httpDate(Date.now() + (options.skew ?? 0) * 1000)],
    ['x-source', 'market'],
  ];
  const text = signed.map(([name, value]) => `${name.toLowerCase()}: ${value}`).join('\n');
  const digest = algorithm.slice('hmac-'.length);
  const signature = createHmac(digest, options.secretKey ?? app.secretKey)
    .update(text)
    .digest('base64');
  const names = signed.map(([name]) => name.toLowerCase()).join(' ');
  const authorization = `hmac id="${app.secretId}", algorithm="${algorithm}", headers="${names}", signature="${signature}"`;
  return { ...Object.fromEntries(signed), authorization };
};

export interface MarketAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & {
    message?: string;
    msg?: string;
    success?: boolean;
    code?: number;
    data?: { order_no?: string; score?: number; msg?: string; incorrect?: number };
  };
}

export const send = async (
  base: string,
  init: {
    path?: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  },
): Promise<MarketAnswer> => {
  const response = await fetch(`${base}${init.path ?? PATH}`, {
    method: init.method ?? 'POST',
    headers: init.headers ?? {},
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) };
};

/** Form-urlencoded, as every sample of seed 002 posts. */
export const form = (fields: Record<string, string>): string =>
  new URLSearchParams(fields).toString();

export const postForm = (
  base: string,
  app: Pick<AppCredentials, 'secretId' | 'secretKey'>,
  fields: Record<string, string>,
  options?: SignOptions,
): Promise<MarketAnswer> =>
  send(base, {
    headers: {
      ...signedHeaders(app, options),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: form(fields),
  });

export const postJson = (
  base: string,
  app: Pick<AppCredentials, 'secretId' | 'secretKey'>,
  fields: Record<string, unknown>,
  options?: SignOptions,
): Promise<MarketAnswer> =>
  send(base, {
    headers: { ...signedHeaders(app, options), 'content-type': 'application/json' },
    body: JSON.stringify(fields),
  });
