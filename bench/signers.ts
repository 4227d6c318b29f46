/**
 * Request builders for the benchmarks, signed the way each dialect's callers sign. The
 * official SDKs are too slow to drive load from the same 2-core machine, so the signatures are
 * built here once and reused for as long as each scheme allows.
 */
import { createHash, createHmac } from 'node:crypto';
import { DEMO_APP } from '../src/security/demo.ts';
import type { LoadRequest } from './load.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** TC3 POST; the signature is valid for 300 s, so one per second keeps the client cheap. */
export const tc3Requests = (action: string, body: string): (() => LoadRequest) => {
  let cached: { second: number; request: LoadRequest } | undefined;
  return () => {
    const second = Math.floor(Date.now() / 1000);
    if (cached?.second === second) return cached.request;
    const date = new Date(second * 1000).toISOString().slice(0, 10);
    const canonical = `POST\n/\n\ncontent-type:application/json\nhost:faceid.tencentcloudapi.com\n\ncontent-type;host\n${sha256(body)}`;
    const scope = `${date}/faceid/tc3_request`;
    const toSign = `TC3-HMAC-SHA256\n${second}\n${scope}\n${sha256(canonical)}`;
    const dateKey = createHmac('sha256', `TC3${DEMO_APP.secretKey}`).update(date).digest();
    const key = ['faceid', 'tc3_request'].reduce(
      (k, part) => createHmac('sha256', k).update(part).digest(),
      dateKey,
    );
    const signature = createHmac('sha256', key).update(toSign).digest('hex');
    const headers = {
      host: 'faceid.tencentcloudapi.com',
      'content-type': 'application/json',
      'x-tc-action': action,
      'x-tc-version': '2018-03-01',
      'x-tc-timestamp': String(second),
      authorization: `TC3-HMAC-SHA256 Credential=${DEMO_APP.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`,
    };
    cached = { second, request: { method: 'POST', path: '/', headers, body } };
    return cached.request;
  };
};

/** A multi-use legacy signature stays valid until its expiry: one is enough for a run. */
export const legacyRequests = (
  path: string,
  fields: Record<string, string>,
): (() => LoadRequest) => {
  const now = Math.floor(Date.now() / 1000);
  const original = `a=${DEMO_APP.appId}&b=&k=${DEMO_APP.secretId}&e=${now + 3600}&t=${now}&r=42&u=0&f=`;
  const digest = createHmac('sha1', DEMO_APP.secretKey).update(original).digest();
  const authorization = Buffer.concat([digest, Buffer.from(original)]).toString('base64');
  const body = JSON.stringify({ appid: DEMO_APP.appId, ...fields });
  const request = {
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json', authorization },
    body,
  };
  return () => request;
};

/** The market gateway's key-pair HMAC over x-date and x-source (valid for 15 minutes). */
export const marketRequests = (fields: Record<string, string>): (() => LoadRequest) => {
  const date = new Date().toUTCString();
  const signature = createHmac('sha1', DEMO_APP.secretKey)
    .update(`x-date: ${date}\nx-source: market`)
    .digest('base64');
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'x-date': date,
    'x-source': 'market',
    authorization: `hmac id="${DEMO_APP.secretId}", algorithm="hmac-sha1", headers="x-date x-source", signature="${signature}"`,
  };
  const request = {
    method: 'POST',
    path: '/release/face_id_card/post',
    headers,
    body: new URLSearchParams(fields).toString(),
  };
  return () => request;
};
