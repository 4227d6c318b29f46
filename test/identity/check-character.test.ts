// Table-driven MOD 11-2 tests (spec §1.2): numbers whose check value is each of 0..10.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCharacter, parseIdNumber } from '../../src/identity/id-number.ts';

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHARS = '0123456789X';
const rules = { today: '2026-11-24' };

// The check value is (12 − S mod 11) mod 11 (§1.2), written X when it is 10.
const checkValue = (body: string) =>
  (12 - ([...body].reduce((s, d, i) => s + Number(d) * (W[i] ?? 0), 0) % 11)) % 11;

// Search sequence numbers 000..999 for a body with the wanted check value.
const bodyWithCheck = (value: number): string => {
  for (let seq = 0; seq < 1000; seq++) {
    const body = `32058319850612${String(seq).padStart(3, '0')}`;
    if (checkValue(body) === value) return body;
  }
  throw new Error(`no body for ${value}`);
};

test('every check value 0..10', async (t) => {
  for (let value = 0; value <= 10; value++) {
    const body = bodyWithCheck(value);
    const right = CHARS[value] ?? '';
    await t.test(`case=check value ${value} → ${right}`, () => {
      assert.equal(checkCharacter(body), right);
      assert.equal(parseIdNumber(body + right, rules).ok, true);
    });
    await t.test(`case=check value ${value}, the 10 wrong characters refused`, () => {
      for (const wrong of CHARS.replace(right, '')) {
        assert.deepEqual(parseIdNumber(body + wrong, rules), { ok: false, problem: 'checksum' });
      }
    });
  }
});

test('checkCharacter', async (t) => {
  await t.test('case=standard example', () =>
    assert.equal(checkCharacter('11010519491231002'), 'X'),
  );
  await t.test('case=published examples', () => {
    for (const id of ['440524188001010014', '110105200002290013', '810000199408230021']) {
      assert.equal(checkCharacter(id.slice(0, 17)), id[17]);
    }
  });
  await t.test('case=matches the weights 2^(17-i) mod 11 on 2,000 pseudo-random bodies', () => {
    let seed = 20261124;
    for (let n = 0; n < 2000; n++) {
      let body = '';
      for (let i = 0; i < 17; i++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        body += String(seed % 10);
      }
      const s = [...body].reduce((acc, d, i) => acc + Number(d) * (2 ** (17 - i) % 11), 0);
      assert.equal(checkCharacter(body), CHARS[(12 - (s % 11)) % 11]);
    }
  });
  await t.test('case=not 17 digits gives empty string', () => {
    for (const bad of [
      '',
      '1101051949123100',
      '110105194912310021',
      '1101051949123100X',
      '１１０１０５１９４９１２３１００２',
    ]) {
      assert.equal(checkCharacter(bad), '');
    }
  });
});
