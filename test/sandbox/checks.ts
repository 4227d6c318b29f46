/**
 * An answer checked against a sandbox row's expectation, shared by walk.test.ts and
 * walk-photos.test.ts.
 */
import assert from 'node:assert/strict';
import { RESULTS } from '../../src/dialects/tencent-faceid/codes.ts';
import { SERVED_ACTIONS, type ServedAction } from '../../src/dialects/tencent-faceid/routes.ts';
import type { Answer } from '../dialects/aliyun-cloudauth/wire-client.ts';
import type { AliyunExpect } from './cases/aliyun-cloudauth.ts';
import type { TencentExpect } from './cases/tencent-faceid.ts';
import type { TencentAnswer } from './clients.ts';

const isServed = (action: string): action is ServedAction =>
  (SERVED_ACTIONS as readonly string[]).includes(action);

export const checkTencent = (answer: TencentAnswer, expect: TencentExpect, action: string) => {
  if ('error' in expect) {
    assert.deepEqual('error' in answer ? answer.error : answer, expect.error);
    return;
  }
  assert.ok('result' in answer, `expected Result ${expect.result}, got ${JSON.stringify(answer)}`);
  assert.equal(answer.result, expect.result);
  if (isServed(action)) {
    assert.equal(answer.response.Description, RESULTS[action].documented[expect.result]);
  }
  for (const [field, value] of Object.entries(expect.fields ?? {})) {
    assert.equal(answer.response[field], value, field);
  }
  if (action === 'MinorsVerification' && expect.result === '-1' && !expect.fields) {
    // The bracket depends on today's date: only its form is checked.
    assert.match(String(answer.response.AgeRange), /^\[(0,8|8,16|16,18)\)$/);
  }
};

/** An SDK answer against the row: pop-core throws on every Code ≠ "200", Tea on HTTP ≥ 400. */
export const checkAliyun = (answer: Answer, expect: AliyunExpect, pop: boolean) => {
  const status = expect.status ?? 200;
  assert.equal(answer.code, expect.code);
  assert.equal(answer.bizCode, expect.bizCode);
  assert.equal(answer.subCode, expect.subCode);
  assert.equal(answer.ispName, expect.ispName);
  assert.equal(answer.threw, pop ? expect.code !== '200' : status >= 400);
  if (pop && answer.threw) assert.equal(answer.errorName, `${expect.code}Error`);
  // Tea always reports the HTTP status; popCall does when pop-core threw.
  if (!pop || answer.status !== undefined) assert.equal(answer.status, status);
};
