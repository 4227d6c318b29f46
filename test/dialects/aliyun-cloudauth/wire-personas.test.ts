/**
 * Every served action through every official SDK client, with the sandbox personas reaching each
 * BizCode / SubCode / IspName and each information-verification Code (spec aliyun.md §4.2, §4.3).
 * The cases are the shared sandbox table's (test/sandbox/cases/aliyun-cloudauth.ts, rendered as
 * docs/sandbox.md); test/sandbox/walk.test.ts sends them with two clients, this file with all four.
 *
 * SDK behaviour on a business Code ≠ "200" (HTTP 200) is documented in §9.4 and expected here:
 * pop-core throws `<Code>Error`; the Tea client returns the body as data.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SERVED } from '../../../src/dialects/aliyun-cloudauth/actions.ts';
import { ALIYUN_ROWS, type AliyunExpect } from '../../sandbox/cases/aliyun-cloudauth.ts';
import { type Answer, CLIENTS, callerFor, useWireServer } from './wire-client.ts';

const ctx = useWireServer();

/**
 * The table's reachable rows of served actions that need no platform trigger and no photo
 * (photo rows need the face engine: test/sandbox/walk-photos.test.ts walks them).
 */
const CASES = ALIYUN_ROWS.filter(
  (row) =>
    SERVED.has(row.action) &&
    row.trigger === undefined &&
    row.unreachable === undefined &&
    !row.photos,
);

const check = (answer: Answer, expected: AliyunExpect, pop: boolean) => {
  const status = expected.status ?? 200;
  assert.equal(answer.code, expected.code);
  assert.equal(answer.bizCode, expected.bizCode);
  assert.equal(answer.subCode, expected.subCode);
  assert.equal(answer.ispName, expected.ispName);
  // §9.4: pop-core throws on every Code ≠ "200"; Tea throws on HTTP ≥ 400 only (the legacy
  // real-person actions' refusals are HTTP errors).
  assert.equal(answer.threw, pop ? expected.code !== '200' : status >= 400);
  if (pop && answer.threw) assert.equal(answer.errorName, `${expected.code}Error`);
  if (!pop) assert.equal(answer.status, status);
};

for (const client of CLIENTS) {
  const pop = client.startsWith('pop');
  describe(`wire ${client}`, () => {
    for (const row of CASES) {
      test(`case=${row.action} ${row.description}`, async () => {
        const params = row.inputs as Record<string, string>;
        check(await callerFor(ctx.server, ctx.app, client)(row.action, params), row.expect, pop);
      });
    }
  });
}
