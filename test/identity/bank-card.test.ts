import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lookupIssuer, luhnValid, parseBankCard } from '../../src/identity/bank-card.ts';
import { breakLuhn, withLuhn } from './synthetic.ts';

const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const pad = (prefix: string, length: number) => prefix.padEnd(length, '0');
const bankOf = (card: string) => lookupIssuer(card)?.bankCode ?? null;

test('format (§3.1)', async (t) => {
  const ok: [string, string, string][] = [
    ['15 digits', withLuhn('37000000000000'), withLuhn('37000000000000')],
    ['16 digits', withLuhn('622588000000000'), withLuhn('622588000000000')],
    ['19 digits', withLuhn('621700000000000000'), withLuhn('621700000000000000')],
    ['grouping spaces', '6222 0200 0000 0000 000', '6222020000000000000'],
    ['hyphens', '6222-0200-0000-0000-000', '6222020000000000000'],
    ['full-width digits and U+3000', fullWidth('6222\u3000020000000000000'), '6222020000000000000'],
    ['zero-width and tab', '\t6222\u200B020000000000000 ', '6222020000000000000'],
  ];
  for (const [name, raw, value] of ok) {
    await t.test(`case=${name}`, () => {
      const parsed = parseBankCard(raw);
      assert.ok(parsed.ok);
      assert.equal(parsed.value, value);
    });
  }
  const bad: [string, unknown][] = [
    ['14 digits', '62220200000000'],
    ['20 digits', '62220200000000000000'],
    ['leading 0', '0222020000000000000'],
    ['letter', '622202000000000000A'],
    ['empty', ''],
    ['not a string', 6222020000000000],
  ];
  for (const [name, raw] of bad) {
    await t.test(`case=${name} refused`, () => {
      assert.deepEqual(parseBankCard(raw as string), { ok: false, problem: 'format' });
    });
  }
});

test('Luhn is a soft signal (§3.2)', async (t) => {
  const valid = withLuhn('601428000000000');
  await t.test('case=Luhn-valid card', () => {
    const parsed = parseBankCard(valid);
    assert.ok(parsed.ok && parsed.luhn);
  });
  await t.test('case=Luhn-invalid card still accepted, flagged', () => {
    const parsed = parseBankCard(breakLuhn(valid));
    assert.ok(parsed.ok);
    assert.equal(parsed.luhn, false);
  });
  const known: [string, boolean][] = [
    ['4111111111111111', true],
    ['79927398713', true],
    ['79927398710', false],
    ['0', true],
    ['', false],
    ['1234 5678', false],
    ['abc', false],
  ];
  for (const [digits, expected] of known) {
    await t.test(`case=luhnValid(${JSON.stringify(digits)})`, () => {
      assert.equal(luhnValid(digits), expected);
    });
  }
  await t.test('case=every single-digit error is caught', () => {
    const card = withLuhn('622202000000000123');
    for (let i = 0; i < card.length; i++) {
      for (let d = 0; d <= 9; d++) {
        const changed = card.slice(0, i) + d + card.slice(i + 1);
        assert.equal(luhnValid(changed), changed === card);
      }
    }
  });
});

test('issuer by longest prefix at the card length (§3.4)', async (t) => {
  const cases: [string, string, string | null][] = [
    ['621260002 sub-BIN is ESRCB, not the parent CSRCB', '6212600020000000000', 'ESRCB'],
    ['621260001 sub-BIN is XFRCB', '6212600010000000000', 'XFRCB'],
    ['621260102 sub-BIN (same bank as parent)', '6212601020000000000', 'CSRCB'],
    ['621260 parent at 19 digits', '6212609990000000000', 'CSRCB'],
    ['621260 at 16 digits is another bank', '6212600020000000', 'SPABANK'],
    ['62249804 Bank of Cangzhou beats 622498', '6224980400000000000', 'BOCZ'],
    ['62249802 Qinhuangdao beats 622498', '6224980200000000000', 'QHDCCB'],
    ['622498 Bank of Hebei', '6224980000000000000', 'BHB'],
    ['622303 at 18 digits is ICBC', '622303000000000000', 'ICBC'],
    ['622303 at 16 digits is Bank of Nanjing', '6223030000000000', 'NJCB'],
    ['622303 at 17 digits is unknown', '62230300000000000', null],
    ['3-digit BIN 103 (ABC)', '1030000000000000000', 'ABC'],
    ['unknown prefix', '1999999999999999', null],
  ];
  for (const [name, card, bank] of cases) {
    await t.test(`case=${name}`, () => assert.equal(bankOf(card), bank));
  }
  await t.test('case=issuer fields', () => {
    assert.deepEqual(lookupIssuer('6212600020000000000'), {
      bankCode: 'ESRCB',
      bankName: '恩施农村商业银行',
      cardType: 'DC',
      cardTypeName: '储蓄卡',
    });
  });
  await t.test('case=parseBankCard carries the issuer', () => {
    const parsed = parseBankCard('6212 6000 2000 0000 000');
    assert.ok(parsed.ok);
    assert.equal(parsed.issuer?.bankCode, 'ESRCB');
  });
  await t.test('case=lookupIssuer tolerates grouping, refuses non-digits', () => {
    assert.equal(bankOf('6224 9804 0000 0000 000'), 'BOCZ');
    assert.equal(bankOf('6224980A00000000000'), null);
    assert.equal(bankOf(''), null);
  });
  await t.test('case=shared table entries are read-only', () => {
    const issuer = lookupIssuer('6224980400000000000');
    assert.ok(issuer && Object.isFrozen(issuer));
  });
});

test('every row of the BIN table agrees with a brute-force longest match', () => {
  const rows = readFileSync(
    new URL('../../data/bank-bin/china-bank-card-bin.csv', import.meta.url),
    'utf8',
  )
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
  for (const [bin = '', code, , , , length] of rows) {
    const card = pad(bin, Number(length));
    const longest = rows
      .filter(([b = '', , , , , l]) => l === length && card.startsWith(b))
      .sort((a, b) => (b[0] ?? '').length - (a[0] ?? '').length)[0];
    assert.equal(bankOf(card), longest?.[1], `${card} (row ${bin} ${code})`);
  }
});
