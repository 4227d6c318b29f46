/**
 * Malformed input, generated: whatever the method, headers, content type and body, the dialect
 * never throws and always answers in its own envelope (vendor JSON or a gateway message).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tencentMarket } from '../../../src/dialects/tencent-market/index.ts';
import { isRefusal } from '../../../src/http/dialect.ts';
import { authDeps, marketRequest, X_DATE } from './fixtures.ts';

/** Deterministic PRNG (mulberry32): a failing case is reproduced by its index. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

const AUTHORIZATIONS = [
  undefined,
  '',
  'hmac',
  'hmac id=',
  'hmac id="a", headers="x-date", signature="=="',
  'hmac id="a", algorithm="", headers="x-date x-source", signature="x"',
  `hmac id="${'a'.repeat(10_000)}", headers="${'x '.repeat(1000)}", signature="s"`,
  'hmac id="\u0000", headers="\ud800", signature="\u00ff"',
  'TC3-HMAC-SHA256 Credential=AKID/2023-11-14/faceid/tc3_request',
];
const DATES = [undefined, '', X_DATE, `${X_DATE}, ${X_DATE}`, 'Tue, 99 Nov 2023 99:99:99 GMT'];
const TYPES = [
  undefined,
  'application/json',
  'application/x-www-form-urlencoded',
  'text/plain',
  'multipart/form-data',
];
const BODIES = (r: () => number): (string | Buffer)[] => [
  Buffer.from(Array.from({ length: 64 }, () => Math.floor(r() * 256))),
  '{"idcard":',
  'null',
  '[]',
  '{"idcard":1e308,"name":[],"image":{},"url":null}',
  `{"deep":${'['.repeat(2000)}${']'.repeat(2000)}}`,
  'idcard=%zz&name=%E4%B8&image=a+b&url=&url=x',
  Buffer.from([0xff, 0xfe, 0x7b, 0x22, 0xc3, 0x28]),
  '',
];

test('case=500 generated malformed requests: no throw, always our envelope', async () => {
  const r = prng(42);
  for (let i = 0; i < 500; i++) {
    const request = marketRequest({
      method: pick(r, ['POST', 'POST', 'GET', 'DELETE']),
      path: pick(r, ['/release/face_id_card/post', '/release/x', '/release']),
      headers: {
        authorization: pick(r, AUTHORIZATIONS),
        'x-date': pick(r, DATES),
        date: pick(r, DATES),
        'content-type': pick(r, TYPES),
      },
      body: pick(r, BODIES(r)),
    });
    const parsed = tencentMarket.parse(request);
    let outcome = isRefusal(parsed) ? parsed.refused : undefined;
    if (!isRefusal(parsed)) {
      const app = await tencentMarket.authenticate(parsed, request, authDeps());
      const command = isRefusal(app) ? app : tencentMarket.toCommand(parsed);
      outcome = isRefusal(command) ? command.refused : { code: 'match' };
    }
    const response = tencentMarket.render({
      requestId: '00000000-0000-4000-8000-000000000000',
      request,
      parsed: isRefusal(parsed) ? undefined : parsed,
      outcome: outcome!,
    });
    const body = JSON.parse(String(response.body));
    assert.ok('message' in body || 'code' in body, `case ${i}`);
  }
});
