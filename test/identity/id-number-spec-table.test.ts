// Every row of spec §1.7's comparison table, with the answer the spec says is right. The clock
// is the spec's own test date (2026-11-24), passed in as `today`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type IdProblem, parseIdNumber } from '../../src/identity/id-number.ts';

const rules = { today: '2026-11-24' };

type Row = [name: string, input: string, expected: IdProblem | Record<string, unknown>];

const ROWS: Row[] = [
  [
    'standard sample',
    '11010519491231002X',
    { kind: 'resident', sex: 'F', birthDate: '1949-12-31' },
  ],
  ['lowercase x', '11010519491231002x', { value: '11010519491231002X' }],
  ['1900-02-29 is not a date', '110105190002290017', 'date'],
  ['1990-02-30 is not a date', '110105199002300028', 'date'],
  ['born 2100-01-01', '110105210001010015', 'future'],
  ['born 1800-01-01 (age 226 > default 130)', '110105180001010010', 'too_old'],
  [
    'abolished 110103',
    '110103198001010013',
    { kind: 'resident', regionCode: '110103', warnings: [] },
  ],
  ['prefix 000000', '000000199001010018', 'province'],
  ['HK 810000', '810000199408230021', { kind: 'hk', regionCode: '810000', sex: 'F' }],
  ['TW 830000', '830000199201300022', { kind: 'tw', regionCode: '830000', warnings: [] }],
  [
    'new PR, Jiangsu',
    '932682198501010017',
    { kind: 'permanent_resident', regionCode: '320000', sex: 'M' },
  ],
  [
    'new PR, Beijing',
    '911124198108030024',
    { kind: 'permanent_resident', regionCode: '110000', sex: 'F' },
  ],
  ['15-digit, legacy off', '110105491231002', 'format'],
  ['15-digit Feb 30, legacy off', '110105490230002', 'format'],
  ['trailing space', '11010519491231002X ', { value: '11010519491231002X' }],
];

test('spec §1.7 table', async (t) => {
  for (const [name, input, expected] of ROWS) {
    await t.test(`case=${name}`, () => {
      const parsed = parseIdNumber(input, rules);
      if (typeof expected === 'string') {
        assert.deepEqual(parsed, { ok: false, problem: expected });
        return;
      }
      assert.equal(parsed.ok, true, JSON.stringify(parsed));
      if (parsed.ok) assert.deepEqual({ ...parsed.id, ...expected }, parsed.id);
    });
  }
});

test('spec §1.7 table, legacy path', async (t) => {
  const legacy = { ...rules, allowLegacy15: true };
  await t.test('case=15-digit upgraded', () => {
    assert.deepEqual(parseIdNumber('110105491231002', legacy), {
      ok: true,
      id: {
        value: '11010519491231002X',
        kind: 'resident',
        regionCode: '110105',
        birthDate: '1949-12-31',
        sex: 'F',
        warnings: ['legacy_15'],
      },
    });
  });
  await t.test('case=15-digit Feb 30 still refused', () => {
    assert.deepEqual(parseIdNumber('110105490230002', legacy), { ok: false, problem: 'date' });
  });
  await t.test('case=born 1800 accepted with a higher age limit, flagged very_old', () => {
    const parsed = parseIdNumber('110105180001010010', { ...rules, maxAgeYears: 300 });
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.id.warnings, ['very_old']);
  });
});
