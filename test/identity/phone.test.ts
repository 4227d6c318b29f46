import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Carrier, type NumberCategory, parsePhone } from '../../src/identity/phone.ts';

const phoneOf = (raw: string) => {
  const parsed = parsePhone(raw);
  assert.ok(parsed.ok, `${raw}: ${JSON.stringify(parsed)}`);
  return parsed.phone;
};
const number = (prefix: string) => prefix.padEnd(11, '0');

type Row = [Carrier | null, NumberCategory, boolean, string];

// Spec §5.1, row by row.
const TABLE: Row[] = [
  ['CMCC', 'mobile', false, '1340 1341 1342 1343 1344 1345 1346 1347 1348 135 136 137 138 139'],
  ['CMCC', 'mobile', false, '150 151 152 157 158 159 172 178 182 183 184 187 188 195 197 198'],
  ['CMCC', 'mobile', true, '1703 1705 1706 165'],
  ['CMCC', 'data', false, '147'],
  ['CMCC', 'iot', false, '1440 148'],
  ['CUCC', 'mobile', false, '130 131 132 155 156 166 175 176 185 186 196'],
  ['CUCC', 'mobile', true, '1704 1707 1708 1709 167 171'],
  ['CUCC', 'data', false, '145'],
  ['CUCC', 'iot', false, '146'],
  ['CTCC', 'mobile', false, '133 153 173 177 180 181 189 190 191 193 199'],
  ['CTCC', 'mobile', true, '1700 1701 1702 162'],
  ['CTCC', 'data', false, '149'],
  ['CTCC', 'satellite', false, '1349 17400 17401 17402 17403 17404 17405'],
  ['CTCC', 'iot', false, '1410'],
  ['CBCC', 'mobile', false, '192'],
  [null, 'unassigned', false, '142 143 154 161 164 194'],
];

test('number ranges (§5.1)', async (t) => {
  for (const [carrier, category, virtual, prefixes] of TABLE) {
    for (const prefix of prefixes.split(' ')) {
      await t.test(`case=${prefix} ${carrier} ${category}${virtual ? ' virtual' : ''}`, () => {
        const value = number(prefix);
        assert.deepEqual(phoneOf(value), { value, carrier, category, virtual });
        assert.deepEqual(phoneOf(`${prefix.padEnd(11, '9')}`).carrier, carrier);
      });
    }
  }
  for (const prefix of [
    '140',
    '1411',
    '1441',
    '160',
    '163',
    '168',
    '169',
    '17406',
    '1741',
    '179',
  ]) {
    await t.test(`case=unlisted ${prefix} is unassigned`, () => {
      assert.deepEqual(phoneOf(number(prefix)), {
        value: number(prefix),
        carrier: null,
        category: 'unassigned',
        virtual: false,
      });
    });
  }
});

test('input forms', async (t) => {
  const ok: [string, string][] = [
    ['plain', '13800138000'],
    ['+86', '+8613800138000'],
    ['+86 with spaces and hyphens', '+86 138-0013-8000'],
    ['0086', '008613800138000'],
    ['86', '8613800138000'],
    ['full-width', '＋８６　１３８００１３８０００'],
    ['zero-width and tab', '\t138\u200B00138000 '],
  ];
  for (const [name, raw] of ok) {
    await t.test(`case=${name}`, () => assert.equal(phoneOf(raw).value, '13800138000'));
  }
  const bad: [string, unknown][] = [
    ['10 digits', '1380013800'],
    ['12 digits', '138001380001'],
    ['second digit 2', '12800138000'],
    ['second digit 0', '10086000000'],
    ['+86 then 10 digits', '+861380013800'],
    ['+86 then 12 digits', '+86138001380001'],
    ['86 then a landline', '861012345678'],
    ['+86 then not a mobile', '+8612800138000'],
    ['+1 country code', '+113800138000'],
    ['landline', '01012345678'],
    ['letters', '1380013800O'],
    ['empty', ''],
    ['not a string', 13800138000],
  ];
  for (const [name, raw] of bad) {
    await t.test(`case=${name} refused`, () => {
      assert.deepEqual(parsePhone(raw as string), { ok: false, problem: 'format' });
    });
  }
});

test('results are independent copies', () => {
  const a = phoneOf('13800138000');
  a.carrier = 'CTCC';
  assert.equal(phoneOf('13800138000').carrier, 'CMCC');
});
