import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CARD_STATES, OUTCOME_CODES, type Outcome, outcome } from '../../../src/core/outcomes.ts';
import {
  CODE_TABLE,
  codeFor,
  LEGACY_CODES,
  MESSAGES,
} from '../../../src/dialects/tencent-legacy/codes.ts';
import { tencentLegacy } from '../../../src/dialects/tencent-legacy/index.ts';
import { wireRequest } from './fixtures.ts';

// Every code of seeds 000 and 001 (their tables are identical), plus 0 = OK.
const SEED_CODES = [
  0, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14, 15, 16, 21, 23, 24, 25, 107, 108, 213, -5803, -5804, -5806,
  -5807,
];

/** Which outcome (with which facts) produces each seed code. */
const PRODUCERS: Array<[number, Outcome]> = [
  [0, outcome('match')],
  [3, outcome('malformed_request')],
  [3, outcome('unknown_action')],
  [3, outcome('unsupported_version')],
  [4, outcome('unsigned')],
  [5, outcome('malformed_signature')],
  [6, outcome('credential_mismatch', { parameter: 'appid' })],
  [6, outcome('credential_mismatch', { parameter: 'bucket' })],
  [9, outcome('signature_expired')],
  [10, outcome('unknown_credential', { parameter: 'appid' })],
  [11, outcome('unknown_credential', { parameter: 'k' })],
  [11, outcome('unknown_credential')],
  [12, outcome('credential_mismatch', { parameter: 'k' })],
  [12, outcome('credential_mismatch')],
  [13, outcome('replay')],
  [14, outcome('bad_signature')],
  [15, outcome('rate_limited', { retryAfter: 1 })],
  [16, outcome('not_found', { parameter: 'bucket' })],
  [21, outcome('missing_parameter', { parameter: 'idcard_name' })],
  [21, outcome('invalid_parameter', { parameter: 'bucket' })],
  [23, outcome('payload_too_large')],
  [24, outcome('app_disabled')],
  [25, outcome('quota_exhausted')],
  [107, outcome('service_unavailable')],
  [108, outcome('authority_upgrading')],
  [213, outcome('internal')],
  [213, outcome('invalid_phone')],
  [213, outcome('invalid_validity')],
  [213, outcome('unsupported_number_range')],
  [-5803, outcome('mismatch', { mismatch: 'name' })],
  [-5803, outcome('mismatch', { mismatch: 'name_and_id_number' })],
  [-5804, outcome('not_found')],
  [-5804, outcome('invalid_id_number', { idProblem: 'checksum' })],
  [-5804, outcome('invalid_id_number', { idProblem: 'date' })],
  [-5804, outcome('invalid_id_number', { idProblem: 'future' })],
  [-5804, outcome('invalid_id_number', { idProblem: 'province' })],
  [-5804, outcome('invalid_id_number', { idProblem: 'too_old' })],
  [-5804, outcome('invalid_id_number')],
  [-5804, outcome('unsupported_cert_type')],
  [-5806, outcome('invalid_id_number', { idProblem: 'format' })],
  [-5806, outcome('invalid_name')],
  [-5806, outcome('invalid_bank_card')],
  [-5807, outcome('authority_unavailable')],
  [-5807, outcome('attempt_limit')],
];

const renderOf = (result: Outcome, parsed = false) => {
  const request = wireRequest({});
  const ctx = { requestId: '3f2a6c1e-8c1d-4f7a-9a1b-2c3d4e5f6a7b', request, outcome: result };
  return tencentLegacy.render(
    parsed ? { ...ctx, parsed: { action: 'idcard', authorization: '', fields: new Map() } } : ctx,
  );
};

describe('tencent-legacy code table', () => {
  test('case=documents-exactly-the-seed-codes', () => {
    assert.deepEqual(
      [...LEGACY_CODES].sort((a, b) => a - b),
      [...SEED_CODES].sort((a, b) => a - b),
    );
  });
  test('case=covers-every-outcome', () => {
    assert.deepEqual(Object.keys(CODE_TABLE).sort(), [...OUTCOME_CODES].sort());
    for (const code of OUTCOME_CODES)
      assert.ok(LEGACY_CODES.includes(codeFor(outcome(code))), code);
  });
  test('case=every-seed-code-has-a-producer', () => {
    for (const code of SEED_CODES)
      assert.ok(
        PRODUCERS.some(([c]) => c === code),
        String(code),
      );
  });
  for (const [code, result] of PRODUCERS) {
    test(`case=${code}-from-${result.code}${result.facts ? `-${JSON.stringify(result.facts)}` : ''}`, () => {
      assert.equal(codeFor(result), code);
    });
  }
  test('case=every-card-state-is-5803', () => {
    for (const cardState of CARD_STATES.filter((s) => s !== 'normal')) {
      assert.equal(codeFor(outcome('card_refused', { cardState })), -5803);
    }
  });
});

describe('tencent-legacy envelope', () => {
  for (const code of OUTCOME_CODES) {
    test(`case=${code}`, () => {
      for (const parsed of [false, true]) {
        const response = renderOf(outcome(code), parsed);
        assert.equal(response.status, 200);
        assert.equal(response.headers['content-type'], 'application/json');
        const body = JSON.parse(String(response.body));
        assert.deepEqual(Object.keys(body), ['code', 'message', 'data']);
        assert.equal(body.code, codeFor(outcome(code)));
        assert.equal(typeof body.message, 'string');
        assert.ok(body.message.startsWith(MESSAGES[body.code as keyof typeof MESSAGES]));
        assert.deepEqual(body.data, { session_id: '3f2a6c1e-8c1d-4f7a-9a1b-2c3d4e5f6a7b' });
      }
    });
  }
  test('case=match-is-OK', () => {
    assert.equal(JSON.parse(String(renderOf(outcome('match')).body)).message, 'OK');
  });
});
