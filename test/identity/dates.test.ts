import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isIsoDate, isoDate } from '../../src/identity/dates.ts';
import { ageOn, shanghaiToday } from '../../src/identity/id-number.ts';

test('shanghaiToday (UTC+8)', async (t) => {
  const cases: [string, string][] = [
    ['2026-11-24T15:59:59.999Z', '2026-11-24'],
    ['2026-11-24T16:00:00.000Z', '2026-11-25'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01'],
    ['2024-02-28T16:00:00.000Z', '2024-02-29'],
    ['2026-11-24T00:00:00.000Z', '2026-11-24'],
  ];
  for (const [utc, expected] of cases) {
    await t.test(`case=${utc}`, () => assert.equal(shanghaiToday(new Date(utc)), expected));
  }
  await t.test('case=defaults to now', () => assert.match(shanghaiToday(), /^\d{4}-\d{2}-\d{2}$/));
});

test('ageOn', async (t) => {
  const cases: [string, string, number][] = [
    ['1990-05-10', '2026-05-09', 35],
    ['1990-05-10', '2026-05-10', 36],
    ['1990-05-10', '2026-05-11', 36],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
    ['2000-02-29', '2028-02-29', 28],
    ['2026-11-24', '2026-11-24', 0],
    ['1949-12-31', '2026-11-24', 76],
  ];
  for (const [born, today, age] of cases) {
    await t.test(`case=${born} on ${today}`, () => assert.equal(ageOn(born, today), age));
  }
});

test('isoDate and isIsoDate', async (t) => {
  await t.test('case=valid', () => assert.equal(isoDate('20000229'), '2000-02-29'));
  for (const bad of [
    '19000229',
    '20230229',
    '19900230',
    '19900431',
    '19900001',
    '19901301',
    '19900100',
    '1990010',
    'abcdefgh',
    '1990-1-1',
  ]) {
    await t.test(`case=${bad} refused`, () => assert.equal(isoDate(bad), null));
  }
  await t.test('case=isIsoDate', () => {
    assert.equal(isIsoDate('2026-11-24'), true);
    assert.equal(isIsoDate('2026-02-30'), false);
    assert.equal(isIsoDate('20261124'), false);
    assert.equal(isIsoDate('2026-11-24T00:00'), false);
  });
});
