/**
 * The code table, exhaustively: every OutcomeCode (with every fact that refines it) renders a
 * documented answer — an `incorrect` of seed 002, a return code of seed 002, or a gateway
 * message of spec tencent.md §6 — and every documented value is reached by some outcome, except
 * the ones listed in UNREACHABLE with the reason.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CARD_STATES,
  type Outcome,
  OUTCOME_CODES,
  type OutcomeFacts,
} from '../../../src/core/outcomes.ts';
import {
  answerFor,
  CODES,
  GATEWAY,
  INCORRECT,
} from '../../../src/dialects/tencent-market/codes.ts';
import { parse } from '../../../src/dialects/tencent-market/request-map.ts';
import { render } from '../../../src/dialects/tencent-market/response-map.ts';
import { isRefusal } from '../../../src/http/dialect.ts';
import { marketRequest } from './fixtures.ts';

const REQUEST_ID = '6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

/** Seed 002's incorrect table and return codes, and §6's gateway messages, as printed there. */
const DOC_INCORRECT = [100, 101, 102, 103, 104, 106, 107, 108, 109, 110, 111, 112, 113];
const DOC_CODES = [200, 400, 404, 500, 501, 604];
const DOC_MESSAGES = [
  'HMAC signature cannot be verified, a validate authorization header is required',
  'HMAC authorization format error.',
  'HMAC authorization headers is invalidate.',
  'HMAC id or signature missing.',
  'HMAC algorithm xxx not supported.',
  'HMAC do not support multiple HTTP header.',
  'HMAC signature cannot be verified, a valid xxx header is required.',
  'HMAC signature cannot be verified, a valid x-date header is required for HMAC Authentication.',
  'HMAC signature cannot be verified, a valid date or x-date header is required.',
  'HMAC signature cannot be verified, the x-date header is out of date for HMAC Authentication.',
  'HMAC apikey is invalid for API.',
  'HMAC signature cannot be verified.',
  'Found no validate usage plan',
  'HMAC signature does not match.',
];
/** Gateway answers not in §6, in the gateway's style. */
const EXTRA_MESSAGES = ['API rate limit exceeded'];

const UNREACHABLE: Record<number, string> = {
  113: 'the comparison runs in-process: an unavailable engine is 106 (identity already checked), an engine crash is the internal error 500',
};

/** Every fact that changes an answer, per outcome. */
const VARIANTS: Partial<Record<Outcome['code'], OutcomeFacts[]>> = {
  mismatch: [
    { mismatch: 'name' },
    { mismatch: 'face', face: { cosine: 0.1, far: 0.5 } },
    { mismatch: 'face', face: { cosine: Number.NaN, far: 10 ** -3.4 } },
    { mismatch: 'id_number' },
    { mismatch: 'other' },
  ],
  match: [{ face: { cosine: 0.8, far: 1e-6 } }, {}],
  invalid_id_number: ['format', 'checksum', 'date', 'future', 'province', 'too_old'].map(
    (idProblem) => ({ idProblem }) as OutcomeFacts,
  ),
  card_refused: CARD_STATES.map((cardState) => ({ cardState })),
  malformed_signature: [
    'authorization',
    'headers',
    'id',
    'signature',
    'algorithm',
    'repeated',
    'x-date',
    'date',
    'header:x-source',
    'unexpected',
  ].map((parameter) => ({ parameter })),
  missing_parameter: ['idcard', 'name', 'image,url'].map((parameter) => ({ parameter })),
  invalid_parameter: ['idcard', 'name', 'url', 'image', 'image,url'].map((parameter) => ({
    parameter,
  })),
  rate_limited: [{ retryAfter: 1 }],
  poor_quality: ['face_too_small', 'too_rotated', 'too_dark', 'too_bright', 'too_blurred'].map(
    (quality) => ({ quality }) as OutcomeFacts,
  ),
};

const outcomes = (): Outcome[] =>
  OUTCOME_CODES.flatMap((code) => [
    { code },
    ...(VARIANTS[code] ?? []).map((facts) => ({ code, facts })),
  ]);

const contexts = () => {
  const request = marketRequest({
    headers: {
      authorization: 'hmac id="a", algorithm="hmac-md5", headers="x-date", signature="s"',
    },
  });
  const parsed = parse(request);
  assert.ok(!isRefusal(parsed));
  return [
    { request, parsed },
    { request: marketRequest({ path: '/release/x' }), parsed: undefined },
  ];
};

const rendered = () =>
  outcomes().flatMap((outcome) =>
    contexts().map(({ request, parsed }) => {
      const response = render({ requestId: REQUEST_ID, request, parsed, outcome });
      return { outcome, response, body: JSON.parse(String(response.body)) };
    }),
  );

const isDocumentedMessage = (message: string): boolean =>
  [...DOC_MESSAGES, ...EXTRA_MESSAGES].some((template) => {
    const [head, tail] = template.split('xxx');
    return tail === undefined
      ? message === template
      : message.startsWith(head!) && message.endsWith(tail) && message.length > template.length - 3;
  });

test('case=every outcome renders a documented answer', () => {
  for (const { outcome, response, body } of rendered()) {
    const label = JSON.stringify(outcome);
    if (response.status !== 200) {
      assert.deepEqual(Object.keys(body), ['message'], label);
      assert.ok(isDocumentedMessage(body.message), `${label}: ${body.message}`);
      assert.ok([401, 403, 429].includes(response.status), label);
      continue;
    }
    assert.deepEqual(Object.keys(body), ['msg', 'success', 'code', 'data'], label);
    assert.ok(DOC_CODES.includes(body.code), label);
    assert.equal(body.success, body.code === 200, label);
    if (body.code !== 200) {
      assert.deepEqual(body.data, {}, label);
      continue;
    }
    assert.deepEqual(Object.keys(body.data), ['order_no', 'score', 'msg', 'incorrect'], label);
    assert.ok(DOC_INCORRECT.includes(body.data.incorrect), label);
    assert.ok(Number.isFinite(body.data.score), label);
  }
});

test('case=every documented value is reached, except the listed unreachable ones', () => {
  const all = rendered();
  const incorrect = new Set(all.map((r) => r.body.data?.incorrect).filter(Boolean));
  const codes = new Set(all.map((r) => r.body.code).filter(Boolean));
  const messages = all.map((r) => r.body.message).filter(Boolean) as string[];
  for (const value of DOC_INCORRECT) {
    assert.equal(incorrect.has(value), !(value in UNREACHABLE), `incorrect ${value}`);
  }
  for (const code of DOC_CODES) assert.ok(codes.has(code), `code ${code}`);
  for (const template of [...DOC_MESSAGES, ...EXTRA_MESSAGES]) {
    const [head, tail] = template.split('xxx');
    const hit = messages.some((m) =>
      tail === undefined ? m === template : m.startsWith(head!) && m.endsWith(tail),
    );
    assert.ok(hit, template);
  }
});

test('case=the tables hold exactly the documented values', () => {
  assert.deepEqual(Object.keys(INCORRECT).map(Number), DOC_INCORRECT);
  assert.deepEqual(Object.keys(CODES).map(Number), DOC_CODES);
  const messages = Object.values(GATEWAY).map(([, message]) => message);
  assert.deepEqual(messages.sort(), [...DOC_MESSAGES, ...EXTRA_MESSAGES].sort());
});

test('case=the table, outcome by outcome (the choices made where the seed is silent)', () => {
  const expect: Array<[Outcome, unknown]> = [
    [{ code: 'match' }, { kind: 'result', incorrect: 100 }],
    [
      { code: 'mismatch', facts: { mismatch: 'face' } },
      { kind: 'result', incorrect: 100 },
    ],
    [
      { code: 'mismatch', facts: { mismatch: 'name' } },
      { kind: 'result', incorrect: 101 },
    ],
    [{ code: 'not_found' }, { kind: 'result', incorrect: 102 }],
    [{ code: 'image_unavailable' }, { kind: 'result', incorrect: 103 }],
    [
      { code: 'invalid_id_number', facts: { idProblem: 'checksum' } },
      { kind: 'result', incorrect: 104 },
    ],
    [
      { code: 'invalid_id_number', facts: { idProblem: 'format' } },
      { kind: 'failure', code: 400, parameter: 'idcard' },
    ],
    [{ code: 'invalid_name' }, { kind: 'failure', code: 400, parameter: 'name' }],
    [{ code: 'service_unavailable' }, { kind: 'result', incorrect: 106 }],
    [{ code: 'poor_quality' }, { kind: 'result', incorrect: 107 }],
    [{ code: 'liveness_failed' }, { kind: 'result', incorrect: 107 }],
    [{ code: 'image_too_large' }, { kind: 'result', incorrect: 108 }],
    [{ code: 'payload_too_large' }, { kind: 'result', incorrect: 108 }],
    [{ code: 'no_portrait' }, { kind: 'result', incorrect: 109 }],
    [{ code: 'no_face' }, { kind: 'result', incorrect: 110 }],
    [{ code: 'several_faces' }, { kind: 'result', incorrect: 111 }],
    [{ code: 'image_invalid' }, { kind: 'result', incorrect: 112 }],
    [{ code: 'unknown_action' }, { kind: 'failure', code: 404 }],
    [{ code: 'internal' }, { kind: 'failure', code: 500 }],
    [{ code: 'authority_unavailable' }, { kind: 'failure', code: 501 }],
    [{ code: 'authority_upgrading' }, { kind: 'failure', code: 501 }],
    [{ code: 'attempt_limit' }, { kind: 'failure', code: 501 }],
    [{ code: 'app_disabled' }, { kind: 'failure', code: 604 }],
    [{ code: 'quota_exhausted' }, { kind: 'gateway', problem: 'usagePlan' }],
    [{ code: 'rate_limited' }, { kind: 'gateway', problem: 'rateLimit' }],
    [{ code: 'replay' }, { kind: 'failure', code: 500 }],
  ];
  for (const [outcome, answer] of expect) {
    assert.deepEqual(answerFor(outcome), answer, JSON.stringify(outcome));
  }
  assert.deepEqual(answerFor({ code: 'service_unavailable' }, { parsed: false }), {
    kind: 'failure',
    code: 500,
  });
});
