import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type IdRules, parseIdNumber } from '../../src/identity/id-number.ts';
import { areaTable } from '../../src/identity/tables.ts';
import { checkChar, withCheck } from './synthetic.ts';

const rules: IdRules = { today: '2026-11-24' };
const SAMPLE = '11010519491231002X';

const problemOf = (raw: string, r = rules) => {
  const parsed = parseIdNumber(raw, r);
  return parsed.ok ? 'ok' : parsed.problem;
};
const idOf = (raw: string, r = rules) => {
  const parsed = parseIdNumber(raw, r);
  assert.ok(parsed.ok, `${raw}: ${JSON.stringify(parsed)}`);
  return parsed.id;
};

test('normalisation (§1.4)', async (t) => {
  const inputs: [string, string][] = [
    ['lowercase x', '11010519491231002x'],
    ['full-width digits and X', '１１０１０５１９４９１２３１００２Ｘ'],
    ['full-width lowercase x', '１１０１０５１９４９１２３１００２ｘ'],
    ['trailing space', `${SAMPLE} `],
    ['leading tab and newline', `\t${SAMPLE}\n`],
    ['ideographic space U+3000', `${SAMPLE}\u3000`],
    ['grouping spaces', '110105 19491231 002X'],
    ['zero-width space inside', '110105\u200B19491231002X'],
    ['BOM and word joiner', '\uFEFF1101051949\u20601231002X'],
    ['no-break space', `${SAMPLE}\u00A0`],
  ];
  for (const [name, raw] of inputs) {
    await t.test(`case=${name}`, () => assert.equal(idOf(raw).value, SAMPLE));
  }
});

test('format', async (t) => {
  const bad: [string, unknown][] = [
    ['empty', ''],
    ['17 digits', SAMPLE.slice(0, 17)],
    ['19 characters', `${SAMPLE}0`],
    ['X not last', '1101051949123100X2'],
    ['letter inside', '11010519491231A02X'],
    ['hyphens are not stripped', '110105-19491231-002X'],
    ['16 digits', '1101051949123100'],
    ['not a string', 110105194912310020],
    ['undefined', undefined],
  ];
  for (const [name, raw] of bad) {
    await t.test(`case=${name}`, () => assert.equal(problemOf(raw as string), 'format'));
  }
});

test('calendar date (§1.4)', async (t) => {
  const cases: [string, string, string][] = [
    ['2000-02-29 leap year', '20000229', 'ok'],
    ['1900-02-29 not a leap year', '19000229', 'date'],
    ['2024-02-29', '20240229', 'ok'],
    ['2023-02-29', '20230229', 'date'],
    ['1990-02-30 (Date would roll over)', '19900230', 'date'],
    ['April 31', '19900431', 'date'],
    ['December 31', '19901231', 'ok'],
    ['month 00', '19900001', 'date'],
    ['month 13', '19901301', 'date'],
    ['day 00', '19900100', 'date'],
    ['day 32', '19900132', 'date'],
  ];
  for (const [name, date, expected] of cases) {
    await t.test(`case=${name}`, () => {
      assert.equal(problemOf(withCheck(`110105${date}001`)), expected);
    });
  }
  await t.test('case=the spec sample 110105200002290013', () => {
    assert.equal(idOf('110105200002290013').birthDate, '2000-02-29');
  });
});

test('future births, today in Asia/Shanghai passed in (§1.4)', async (t) => {
  const born = (date: string) => withCheck(`110105${date}001`);
  await t.test('case=born today', () => assert.equal(problemOf(born('20261124')), 'ok'));
  await t.test('case=born tomorrow', () => assert.equal(problemOf(born('20261125')), 'future'));
  await t.test('case=later this year (a year-only check would pass it)', () => {
    assert.equal(problemOf(born('20261201')), 'future');
  });
  await t.test('case=next year', () => assert.equal(problemOf(born('20270101')), 'future'));
  await t.test('case=Shanghai already on the 25th', () => {
    assert.equal(problemOf(born('20261125'), { today: '2026-11-25' }), 'ok');
  });
  await t.test('case=malformed today is a programming error', () => {
    assert.throws(() => parseIdNumber(SAMPLE, { today: '2026-13-01' }), RangeError);
    assert.throws(() => parseIdNumber(SAMPLE, { today: '20261124' }), RangeError);
  });
});

test('age policy (§1.4)', async (t) => {
  const born = (date: string) => withCheck(`110105${date}001`);
  const warningsOf = (raw: string, r = rules) => idOf(raw, r).warnings;
  await t.test('case=age 120 not flagged', () =>
    assert.deepEqual(warningsOf(born('19061124')), []),
  );
  await t.test('case=age 121 very_old', () => {
    assert.deepEqual(warningsOf(born('19051124')), ['very_old']);
  });
  await t.test('case=age 120, 121st birthday tomorrow', () => {
    assert.deepEqual(warningsOf(born('19051125')), []);
  });
  await t.test('case=age 130 still accepted', () => {
    assert.deepEqual(warningsOf(born('18961124')), ['very_old']);
  });
  await t.test('case=age 131 too_old', () => assert.equal(problemOf(born('18951124')), 'too_old'));
  await t.test('case=maxAgeYears lowered', () => {
    assert.equal(problemOf(born('19251124'), { ...rules, maxAgeYears: 100 }), 'too_old');
    assert.equal(problemOf(born('19261124'), { ...rules, maxAgeYears: 100 }), 'ok');
  });
  await t.test('case=maxAgeYears raised for historical imports', () => {
    assert.deepEqual(warningsOf(born('18860625'), { ...rules, maxAgeYears: 150 }), ['very_old']);
  });
  await t.test('case=published sample 440524188001010014 needs a raised limit', () => {
    assert.equal(problemOf('440524188001010014'), 'too_old');
    assert.equal(idOf('440524188001010014', { ...rules, maxAgeYears: 200 }).sex, 'M');
  });
});

test('checksum', async (t) => {
  await t.test('case=every wrong check character of the sample', () => {
    for (const c of '0123456789') assert.equal(problemOf(SAMPLE.slice(0, 17) + c), 'checksum');
  });
  await t.test('case=one digit changed', () => {
    assert.equal(problemOf(`110106${SAMPLE.slice(6)}`), 'checksum');
  });
  await t.test('case=two digits swapped', () => {
    assert.equal(problemOf('11010519491213002X'), 'checksum');
  });
});

test('sex from the 17th digit (§1.1)', async (t) => {
  for (let d = 0; d <= 9; d++) {
    await t.test(`case=17th digit ${d}`, () => {
      assert.equal(idOf(withCheck(`1101051990010100${d}`)).sex, d % 2 === 1 ? 'M' : 'F');
    });
  }
});

test('residence permits (§1.5)', async (t) => {
  const permit = (code: string) => withCheck(`${code}19900101001`);
  for (const [code, kind] of [
    ['810000', 'hk'],
    ['820000', 'mo'],
    ['830000', 'tw'],
  ]) {
    await t.test(`case=${code} is ${kind}`, () => {
      const id = idOf(permit(code as string));
      assert.deepEqual([id.kind, id.regionCode, id.warnings], [kind, code, []]);
    });
  }
  for (const code of ['810100', '811234', '820001', '830100', '831000']) {
    await t.test(`case=${code} is not a permit code`, () => {
      assert.equal(problemOf(permit(code)), 'province');
    });
  }
  await t.test('case=830000 is deliberately not in the division table', () => {
    assert.equal(areaTable().codes.has('830000'), false);
  });
});

test('permanent-residence cards (§1.6)', async (t) => {
  const pr = (province: string) => withCheck(`9${province}12419810803002`);
  await t.test('case=province of application is the region', () => {
    assert.equal(idOf(pr('44')).regionCode, '440000');
  });
  for (const province of ['00', '10', '19', '83', '99']) {
    await t.test(`case=province ${province} refused`, () => {
      assert.equal(problemOf(pr(province)), 'province');
    });
  }
  await t.test('case=no county check or county warnings', () => {
    assert.deepEqual(idOf('932682198501010017').warnings, []);
  });
});

test('resident address codes (§1.4)', async (t) => {
  const resident = (code: string, date = '19900101') => withCheck(`${code}${date}001`);
  for (const code of ['00', '10', '19', '20', '39', '47', '55', '68', '80', '84']) {
    await t.test(`case=province ${code} refused`, () => {
      assert.equal(problemOf(resident(`${code}0101`)), 'province');
    });
  }
  for (const code of ['110101', '650000', '710000', '460100', '500157']) {
    await t.test(`case=listed code ${code} gives no warning`, () => {
      assert.deepEqual(idOf(resident(code)).warnings, []);
    });
  }
  await t.test('case=historical 66 (兵团, mumuy history only) is a known province', () => {
    assert.deepEqual(idOf(resident('662800')).warnings, []);
  });
  await t.test('case=codes in no official list but in mumuy history (632824, 320219)', () => {
    assert.deepEqual(idOf(resident('632824')).warnings, []);
    assert.deepEqual(idOf(resident('320219')).warnings, []);
  });
  await t.test('case=unknown county is a warning, not a refusal', () => {
    assert.equal(areaTable().codes.has('119999'), false);
    const id = idOf(resident('119999'));
    assert.deepEqual(
      [id.kind, id.regionCode, id.warnings],
      ['resident', '119999', ['unknown_county']],
    );
  });
  await t.test('case=born in the year 110103 was abolished', () => {
    assert.deepEqual(idOf(resident('110103', '20100601')).warnings, []);
  });
  await t.test('case=born after 110103 was abolished is only a warning', () => {
    assert.deepEqual(idOf(resident('110103', '20110101')).warnings, ['born_after_code_retired']);
  });
  await t.test('case=reused code still in use is not retired', () => {
    const reused = [...areaTable().codes.values()].filter((a) => a.endYear === null).length;
    assert.ok(reused > 3000);
    assert.deepEqual(idOf(resident('110101', '20200101')).warnings, []);
  });
});

test('legacy 15-digit numbers (§1.3)', async (t) => {
  const legacy = { ...rules, allowLegacy15: true };
  await t.test('case=refused by default', () =>
    assert.equal(problemOf('110105491231002'), 'format'),
  );
  await t.test('case=upgraded with 19 and the computed check character', () => {
    const id = idOf('440524800101001', legacy);
    assert.equal(id.value, withCheck('44052419800101001'));
    assert.deepEqual([id.birthDate, id.sex, id.warnings], ['1980-01-01', 'M', ['legacy_15']]);
  });
  await t.test('case=full-width 15-digit input', () => {
    assert.equal(idOf('１１０１０５４９１２３１００２', legacy).value, SAMPLE);
  });
  await t.test('case=truncated 18-digit number (mc-zone #7) is not a date', () => {
    assert.equal(problemOf(SAMPLE.slice(0, 15), legacy), 'date');
  });
  await t.test('case=province still checked', () => {
    assert.equal(problemOf('000000800101001', legacy), 'province');
  });
  await t.test('case=county warning kept next to legacy_15', () => {
    assert.deepEqual(idOf('119999800101001', legacy).warnings, ['legacy_15', 'unknown_county']);
  });
  await t.test('case=centenarian sequences 996-999 are not guessed', () => {
    for (const seq of ['996', '997', '998', '999']) {
      assert.equal(problemOf(`110105050101${seq}`, legacy), 'format');
    }
    assert.equal(problemOf('110105500101995', legacy), 'ok');
  });
  await t.test('case=no 15-digit permits or PR cards', () => {
    for (const raw of ['810000800101001', '830000800101001', '911124800101001']) {
      assert.equal(problemOf(raw, legacy), 'format');
    }
  });
  await t.test('case=18-digit input unaffected by the flag', () => {
    assert.equal(idOf(SAMPLE, legacy).warnings.length, 0);
  });
  await t.test('case=check character computed per spec', () => {
    assert.equal(checkChar('11010519491231002'), 'X');
  });
});
