import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backWarnings, frontWarnings } from '../../src/engines/idcard/crosscheck.ts';
import { readIdNumber } from '../../src/engines/idcard/id-read.ts';
import { NATIONS } from '../../src/engines/idcard/nations.ts';
import { parseBack } from '../../src/engines/idcard/parse-back.ts';
import { parseFront } from '../../src/engines/idcard/parse-front.ts';
import { parseBirth, parseValidity } from '../../src/engines/idcard/printed.ts';
import type { LineChar, TextLine } from '../../src/engines/ocr/engine.ts';

const TODAY = '2026-11-24';

/** A recognised line laid out from x0 with `pitch` pixels per character, all at `prob`. */
const line = (text: string, x0: number, cy: number, pitch = 22, prob = 0.99): TextLine => {
  const chars: LineChar[] = [...text].map((char, i) => ({
    char,
    prob,
    alt: '',
    altProb: 0,
    pos: 0,
    x: x0 + pitch * (i + 0.5),
    y: cy,
  }));
  const right = x0 + pitch * chars.length;
  return {
    quad: [
      { x: x0, y: cy - 14 },
      { x: right, y: cy - 14 },
      { x: right, y: cy + 14 },
      { x: x0, y: cy + 14 },
    ],
    text,
    score: prob,
    chars,
    cx: (x0 + right) / 2,
    cy,
    height: 28,
    left: x0,
    right,
  };
};

const idChars = (s: string, prob = 0.99) =>
  [...s].map((char) => ({ char, prob, alt: '', altProb: 0, pos: 0 }));

test('case=printed dates parse with or without separators', () => {
  assert.equal(parseBirth('1988年6月15日'), '1988-06-15');
  assert.equal(parseBirth('1988 年 6 月 15 日'), '1988-06-15');
  assert.equal(parseBirth('1988年2月30日'), null);
  assert.deepEqual(parseValidity('2016.08.21-2036.08.21'), {
    from: '2016-08-21',
    to: '2036-08-21',
  });
  assert.deepEqual(parseValidity('2016.08.212036.08.21'), { from: '2016-08-21', to: '2036-08-21' });
  assert.deepEqual(parseValidity('2016.08.21-长期'), { from: '2016-08-21', to: '长期' });
  assert.equal(parseValidity('2016.08.2'), null);
});

test('case=the ID number is read only when it is valid', () => {
  const ok = readIdNumber(idChars('110108198806153726'), TODAY);
  assert.ok(ok.ok && ok.id.value === '110108198806153726' && !ok.corrected);
  const bad = readIdNumber(idChars('110108198806153727'), TODAY);
  assert.deepEqual(bad.ok, false);
  assert.equal(!bad.ok && bad.problem, 'checksum');
  assert.equal(readIdNumber(idChars('11010819880615372'), TODAY).ok, false);
});

test("case=a misread digit is repaired only from the recogniser's own runner-up", () => {
  const chars = idChars('110108198806153727');
  chars[17] = { char: '7', prob: 0.55, alt: '6', altProb: 0.4, pos: 0 };
  const r = readIdNumber(chars, TODAY);
  assert.ok(r.ok && r.corrected && r.id.value === '110108198806153726');
  // A confident wrong digit is not "repaired".
  chars[17] = { char: '7', prob: 0.97, alt: '6', altProb: 0.02, pos: 0 };
  assert.equal(readIdNumber(chars, TODAY).ok, false);
});

const FRONT = [
  line('姓名', 60, 82, 28),
  line('李晓娟', 150, 82),
  line('性别', 60, 142, 28),
  line('女', 150, 142),
  line('民族汉', 250, 142, 30),
  line('出生', 60, 202, 28),
  line('1988年6月15日', 150, 202, 16),
  line('住址', 60, 262, 28),
  line('北京市海淀区中关村南大', 150, 264),
  line('街27号院3号楼2单元', 150, 303),
  line('公民身份号码', 60, 462, 22),
  line('110108198806153726', 260, 461, 19),
];

test('case=front fields come from rows, labels removed by position', () => {
  const p = parseFront(FRONT, TODAY);
  assert.deepEqual(p.fields, {
    name: '李晓娟',
    sex: '女',
    nation: '汉',
    birthDate: '1988-06-15',
    address: '北京市海淀区中关村南大街27号院3号楼2单元',
    idNumber: '110108198806153726',
  });
  assert.deepEqual(frontWarnings(p).warnings, []);
});

test('case=disagreements with the number are warnings, not silent fixes', () => {
  const lines = FRONT.map((l) =>
    l.text === '女'
      ? line('男', 150, 142)
      : l.text.startsWith('1988')
        ? line('1968年6月15日', 150, 202, 16)
        : l,
  );
  const p = parseFront(lines, TODAY);
  assert.equal(p.fields.sex, '男');
  assert.equal(p.fields.birthDate, '1968-06-15');
  const codes = frontWarnings(p).warnings.map((w) => [w.code, w.printed, w.expected]);
  assert.deepEqual(codes, [
    ['birth_date_mismatch', '1968-06-15', '1988-06-15'],
    ['sex_mismatch', '男', '女'],
  ]);
});

test('case=an unknown nation is kept as printed and flagged', () => {
  const p = parseFront(
    FRONT.map((l) => (l.text === '民族汉' ? line('民族火星', 250, 142, 30) : l)),
    TODAY,
  );
  assert.equal(p.fields.nation, '火星');
  assert.deepEqual(
    frontWarnings(p).warnings.map((w) => w.code),
    ['nation_unknown'],
  );
  assert.equal(NATIONS.length, 56);
});

test('case=a checksum-invalid number is never reported', () => {
  const p = parseFront(
    FRONT.map((l) => (l.text.startsWith('1101') ? line('110108198806153727', 260, 461, 19) : l)),
    TODAY,
  );
  assert.equal(p.fields.idNumber, null);
  assert.deepEqual(
    frontWarnings(p).warnings.map((w) => [w.code, w.detail]),
    [['id_number_unreadable', 'checksum']],
  );
});

test('case=back fields, 长期 and expiry', () => {
  const back = (valid: string) => [
    line('签发机关', 160, 400, 24),
    line('北京市公安局海淀分局', 290, 400),
    line('有效期限', 160, 458, 24),
    line(valid, 290, 458, 11),
  ];
  const p = parseBack(back('2016.08.21-2036.08.21'));
  assert.deepEqual(p.fields, {
    authority: '北京市公安局海淀分局',
    validFrom: '2016-08-21',
    validTo: '2036-08-21',
  });
  assert.deepEqual(backWarnings(p, TODAY), { warnings: [], expired: false });
  assert.equal(parseBack(back('2016.08.21-长期')).fields.validTo, '长期');
  const old = backWarnings(parseBack(back('2006.08.21-2016.08.21')), TODAY);
  assert.equal(old.expired, true);
  assert.deepEqual(
    old.warnings.map((w) => w.code),
    ['expired'],
  );
  const odd = backWarnings(parseBack(back('2016.08.21-2030.08.21')), TODAY);
  assert.deepEqual(
    odd.warnings.map((w) => w.code),
    ['validity_span_unusual'],
  );
});
