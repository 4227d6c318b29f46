/**
 * The wire shapes of seed 002 and §6: the success envelope and its score bands, order_no, the
 * seed's failure example, the gateway's messages with their blanks filled, and headers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Outcome } from '../../../src/core/outcomes.ts';
import { isRefusal } from '../../../src/http/dialect.ts';
import { parse } from '../../../src/dialects/tencent-market/request-map.ts';
import { marketScore, orderNo, render } from '../../../src/dialects/tencent-market/response-map.ts';
import { marketRequest } from './fixtures.ts';

const REQUEST_ID = '6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

const answer = (outcome: Outcome, authorization?: string) => {
  const request = marketRequest(authorization ? { headers: { authorization } } : {});
  const parsed = parse(request);
  assert.ok(!isRefusal(parsed));
  const response = render({ requestId: REQUEST_ID, request, parsed, outcome });
  return { ...response, json: JSON.parse(String(response.body)) };
};

const face = (far: number) => ({ cosine: Number.NaN, far });

test('case=seed 002 success example shape', () => {
  const r = answer({ code: 'match', facts: { face: face(1e-6) } });
  assert.equal(r.status, 200);
  assert.equal(r.headers['content-type'], 'application/json;charset=UTF-8');
  assert.equal(r.headers['x-api-requestid'], REQUEST_ID);
  assert.deepEqual(r.json, {
    msg: '',
    success: true,
    code: 200,
    data: {
      order_no: orderNo(REQUEST_ID),
      score: marketScore(1e-6),
      msg: '系统判断为同一人',
      incorrect: 100,
    },
  });
  assert.ok(!String(r.body).includes('NaN'));
});

test('case=score bands of seed 002 (0.45 / 0.40), truncated to 2 decimals', async (t) => {
  const cases: Array<[string, Outcome, number, string]> = [
    ['same person', { code: 'match', facts: { face: face(1e-6) } }, 0.81, '系统判断为同一人'],
    [
      'at the match point',
      { code: 'match', facts: { face: face(1e-4) } },
      0.45,
      '系统判断为同一人',
    ],
    [
      'just above the match point',
      { code: 'mismatch', facts: { mismatch: 'face', face: face(1.01e-4) } },
      0.44,
      '不能确定是否为同一人',
    ],
    [
      'sandbox undecided',
      { code: 'mismatch', facts: { mismatch: 'face', face: face(10 ** -3.4) } },
      0.42,
      '不能确定是否为同一人',
    ],
    [
      'at 0.40',
      { code: 'mismatch', facts: { mismatch: 'face', face: face(1e-3) } },
      0.4,
      '不能确定是否为同一人',
    ],
    [
      'just below 0.40',
      { code: 'mismatch', facts: { mismatch: 'face', face: face(1.05e-3) } },
      0.39,
      '系统判断为不同人',
    ],
    [
      'sandbox different',
      { code: 'mismatch', facts: { mismatch: 'face', face: face(0.5) } },
      0.04,
      '系统判断为不同人',
    ],
    // An operator who moved faceMatchFar: the core's verdict decides "same person".
    [
      'match at a looser faceMatchFar',
      { code: 'match', facts: { face: face(5e-4) } },
      0.41,
      '系统判断为同一人',
    ],
    [
      'mismatch at a stricter faceMatchFar',
      { code: 'mismatch', facts: { mismatch: 'face', face: face(1e-5) } },
      0.63,
      '不能确定是否为同一人',
    ],
  ];
  for (const [name, outcome, score, msg] of cases) {
    await t.test(`case=${name}`, () => {
      const { data } = answer(outcome).json;
      assert.equal(data.incorrect, 100);
      assert.equal(data.msg, msg);
      assert.equal(data.score, score);
    });
  }
});

test('case=answers without a comparison: score 0 and the incorrect table text', () => {
  const { data } = answer({ code: 'mismatch', facts: { mismatch: 'name' } }).json;
  assert.deepEqual(data, {
    order_no: orderNo(REQUEST_ID),
    score: 0,
    msg: '身份证号码姓名不一致',
    incorrect: 101,
  });
});

test('case=order_no: 18 digits, from the request id', () => {
  const ids = [
    '00000000-0000-4000-8000-000000000000',
    'ffffffff-ffff-4fff-bfff-ffffffffffff',
    REQUEST_ID,
  ];
  const numbers = ids.map(orderNo);
  for (const n of numbers) assert.match(n, /^[1-9]\d{17}$/);
  assert.equal(new Set(numbers).size, ids.length);
  assert.equal(orderNo(REQUEST_ID), orderNo(REQUEST_ID));
});

test('case=seed 002 failure example, and the other 400 messages', async (t) => {
  const cases: Array<[Outcome, string]> = [
    [
      { code: 'invalid_id_number', facts: { idProblem: 'format' } },
      '入参错误,身份证号[idcard]格式错误',
    ],
    [{ code: 'invalid_name' }, '入参错误,姓名[name]格式错误'],
    [
      { code: 'missing_parameter', facts: { parameter: 'idcard' } },
      '入参错误,身份证号[idcard]不能为空',
    ],
    [{ code: 'missing_parameter', facts: { parameter: 'name' } }, '入参错误,姓名[name]不能为空'],
    [
      { code: 'missing_parameter', facts: { parameter: 'image,url' } },
      '入参错误,图片[image]和图片地址[url]不能都为空',
    ],
    [
      { code: 'invalid_parameter', facts: { parameter: 'image,url' } },
      '入参错误,图片[image]和图片地址[url]只能二选一',
    ],
    [{ code: 'invalid_parameter', facts: { parameter: 'url' } }, '入参错误,图片地址[url]格式错误'],
    [{ code: 'invalid_parameter', facts: { parameter: 'image' } }, '入参错误,图片[image]格式错误'],
    [{ code: 'malformed_request' }, '入参错误,请求体格式错误'],
  ];
  for (const [outcome, msg] of cases) {
    await t.test(`case=${outcome.code}:${msg}`, () => {
      const r = answer(outcome);
      assert.equal(r.status, 200);
      assert.deepEqual(r.json, { msg, success: false, code: 400, data: {} });
    });
  }
});

test('case=other return codes carry the seed table text', () => {
  const expect: Array<[Outcome, number, string]> = [
    [{ code: 'unknown_action' }, 404, '请求资源不存在'],
    [{ code: 'internal' }, 500, '系统内部错误,请联系服务商'],
    [{ code: 'authority_unavailable' }, 501, '第三方服务异常'],
    [{ code: 'app_disabled' }, 604, '接口停用'],
  ];
  for (const [outcome, code, msg] of expect) {
    assert.deepEqual(answer(outcome).json, { msg, success: false, code, data: {} });
  }
});

test('case=gateway answers: status, single message, blanks filled', () => {
  const md5 = 'hmac id="a", algorithm="hmac-md5", headers="x-date", signature="s"';
  const algorithm = answer({ code: 'malformed_signature', facts: { parameter: 'algorithm' } }, md5);
  assert.equal(algorithm.status, 401);
  assert.deepEqual(algorithm.json, { message: 'HMAC algorithm hmac-md5 not supported.' });
  const header = answer({ code: 'malformed_signature', facts: { parameter: 'header:x-source' } });
  assert.deepEqual(header.json, {
    message: 'HMAC signature cannot be verified, a valid x-source header is required.',
  });
  const limited = answer({ code: 'rate_limited', facts: { retryAfter: 1 } });
  assert.equal(limited.status, 429);
  assert.equal(limited.headers['retry-after'], '1');
  assert.equal(answer({ code: 'quota_exhausted' }).status, 403);
  assert.equal(answer({ code: 'bad_signature' }).json.message, 'HMAC signature does not match.');
});

test('case=a hostile algorithm name is cut short and JSON-escaped', () => {
  const long = `hmac id="a", algorithm="${'x'.repeat(500)}\\u0000", headers="x-date", signature="s"`;
  const r = answer({ code: 'malformed_signature', facts: { parameter: 'algorithm' } }, long);
  assert.ok(r.json.message.length < 100);
});
