import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from '../../src/identity/csv.ts';
import { areaTable, binTable, buildAreaTable, buildBinTable } from '../../src/identity/tables.ts';

test('parseCsv', async (t) => {
  await t.test('case=header names the fields', () => {
    assert.deepEqual(parseCsv('a,b\n1,2\r\n3,\n'), [
      { a: '1', b: '2' },
      { a: '3', b: '' },
    ]);
  });
  await t.test('case=BOM stripped', () => assert.deepEqual(parseCsv('\uFEFFa\n1'), [{ a: '1' }]));
  await t.test('case=wrong field count fails loudly', () => {
    assert.throws(() => parseCsv('a,b\n1,2,3\n'), /row 2/);
  });
});

test('division table', async (t) => {
  await t.test('case=loaded once', () => assert.equal(areaTable(), areaTable()));
  await t.test('case=size and provinces', () => {
    const { codes, provinces } = areaTable();
    assert.equal(codes.size, 7232);
    for (const p of ['11', '44', '65', '71', '81', '82']) assert.ok(provinces.has(p), p);
    for (const p of ['00', '83', '90', '91']) assert.ok(!provinces.has(p), p);
  });
  await t.test('case=abolished 110103', () => {
    assert.deepEqual(areaTable().codes.get('110103'), {
      code: '110103',
      name: '崇文区',
      endYear: 2010,
    });
  });
  await t.test('case=a reused code is retired only when every row ended', () => {
    const row = (end: string) => ({ code: '123456', name: 'x', level: 'county', end_year: end });
    assert.equal(buildAreaTable([row('1990'), row('')]).codes.get('123456')?.endYear, null);
    assert.equal(buildAreaTable([row('1990'), row('2001')]).codes.get('123456')?.endYear, 2001);
  });
});

test('BIN table', async (t) => {
  await t.test('case=loaded once, one entry per (length, bin)', () => {
    assert.equal(binTable(), binTable());
    assert.equal(binTable().size, 1698);
  });
  await t.test('case=unknown card type fails loudly', () => {
    const row = {
      bin: '1',
      bank_code: 'X',
      bank_name: 'x',
      card_type: 'ZZ',
      card_type_name: '',
      card_length: '16',
    };
    assert.throws(() => buildBinTable([row]), /card type ZZ/);
  });
});
