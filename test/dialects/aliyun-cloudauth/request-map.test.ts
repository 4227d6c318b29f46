/**
 * toCommand: each served action's fields → the core command; missing → Code 400 (missing_parameter),
 * unusable → Code 401 (invalid_parameter), ParamType md5 refused.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from '../../../src/dialects/aliyun-cloudauth/framing.ts';
import { toCommand } from '../../../src/dialects/aliyun-cloudauth/request-map.ts';
import { isRefusal } from '../../../src/http/dialect.ts';
import { PERSONAS } from '../../../src/authorities/sandbox/personas.ts';
import { acs3Request, rpcRequest } from './fixtures.ts';

const zhang = PERSONAS[0]!.record;
const ID = { UserName: zhang.name, IdentifyNum: zhang.idNumber };
const CARD = zhang.bankCards[0]!.number;

const commandFor = (action: string, business: Record<string, string>) => {
  const parsed = parse(rpcRequest({ action, business }));
  assert.ok(!isRefusal(parsed), JSON.stringify(parsed));
  return toCommand(parsed);
};

describe('toCommand', () => {
  for (const action of ['Id2MetaVerify', 'Id2MetaStandardVerify']) {
    test(`case=${action}`, () => {
      assert.deepEqual(commandFor(action, { ...ID, ParamType: 'normal' }), {
        kind: 'identity.verify',
        name: zhang.name,
        idNumber: zhang.idNumber,
      });
    });
  }

  test('case=Id2MetaPeriodVerify passes the dates, long-term spelled either way', () => {
    const dated = { ...ID, ValidityStartDate: '20150301', ValidityEndDate: '20350301' };
    assert.deepEqual(commandFor('Id2MetaPeriodVerify', dated), {
      kind: 'identity.verify',
      name: zhang.name,
      idNumber: zhang.idNumber,
      validity: { begin: '20150301', end: '20350301' },
    });
    for (const end of ['长期', '00000000']) {
      const command = commandFor('Id2MetaPeriodVerify', { ...dated, ValidityEndDate: end });
      assert.deepEqual(!isRefusal(command) && 'validity' in command && command.validity, {
        begin: '20150301',
        end: '长期',
      });
    }
  });

  test('case=Id2MetaPeriodVerify needs both dates', () => {
    assert.deepEqual(commandFor('Id2MetaPeriodVerify', { ...ID, ValidityStartDate: '20150301' }), {
      refused: { code: 'missing_parameter', facts: { parameter: 'ValidityEndDate' } },
    });
  });

  const bank = (productType: string, extra: Record<string, string> = {}) =>
    commandFor('BankMetaVerify', {
      ProductType: productType,
      VerifyMode: 'VERIFY_BANK_CARD',
      UserName: zhang.name,
      BankCard: CARD,
      IdentifyNum: zhang.idNumber,
      Mobile: zhang.phone!,
      ...extra,
    });

  test('case=BankMetaVerify 2/3/4 elements', () => {
    const base = { kind: 'bankcard.verify', name: zhang.name, bankCard: CARD, certType: 0 };
    assert.deepEqual(bank('BANK_CARD_2_META'), base);
    assert.deepEqual(bank('BANK_CARD_3_META'), { ...base, idNumber: zhang.idNumber });
    assert.deepEqual(bank('BANK_CARD_4_META'), {
      ...base,
      idNumber: zhang.idNumber,
      phone: zhang.phone,
    });
  });

  test('case=BankMetaVerify element requirements per ProductType', () => {
    const without = (name: string, productType: string) => bank(productType, { [name]: '' });
    assert.deepEqual(without('IdentifyNum', 'BANK_CARD_3_META'), {
      refused: { code: 'missing_parameter', facts: { parameter: 'IdentifyNum' } },
    });
    assert.deepEqual(without('Mobile', 'BANK_CARD_4_META'), {
      refused: { code: 'missing_parameter', facts: { parameter: 'Mobile' } },
    });
    assert.ok(!isRefusal(without('Mobile', 'BANK_CARD_3_META')));
    assert.deepEqual(without('BankCard', 'BANK_CARD_2_META'), {
      refused: { code: 'missing_parameter', facts: { parameter: 'BankCard' } },
    });
  });

  test('case=BankMetaVerify ProductType, VerifyMode and IdentityType values', () => {
    const refusal = (parameter: string, code = 'invalid_parameter') => ({
      refused: { code, facts: { parameter } },
    });
    assert.deepEqual(bank('BANK_CARD_5_META'), refusal('ProductType'));
    assert.deepEqual(bank('toString'), refusal('ProductType'));
    assert.deepEqual(bank(''), refusal('ProductType', 'missing_parameter'));
    assert.deepEqual(
      bank('BANK_CARD_2_META', { VerifyMode: 'VERIFY_PHONE' }),
      refusal('VerifyMode'),
    );
    assert.ok(!isRefusal(bank('BANK_CARD_2_META', { VerifyMode: '' })));
    const passport = bank('BANK_CARD_3_META', { IdentityType: '02' });
    assert.equal(
      !isRefusal(passport) && passport.kind === 'bankcard.verify' && passport.certType,
      2,
    );
    assert.deepEqual(bank('BANK_CARD_3_META', { IdentityType: 'ID' }), refusal('IdentityType'));
  });

  for (const action of [
    'Mobile3MetaSimpleVerify',
    'Mobile3MetaDetailVerify',
    'Mobile3MetaSimpleStandardVerify',
    'Mobile3MetaDetailStandardVerify',
  ]) {
    test(`case=${action}`, () => {
      assert.deepEqual(commandFor(action, { ...ID, Mobile: zhang.phone! }), {
        kind: 'phone.verify',
        name: zhang.name,
        idNumber: zhang.idNumber,
        phone: zhang.phone,
      });
      assert.deepEqual(commandFor(action, ID), {
        refused: { code: 'missing_parameter', facts: { parameter: 'Mobile' } },
      });
    });
  }

  test('case=empty or absent required parameters', () => {
    assert.deepEqual(commandFor('Id2MetaVerify', { UserName: zhang.name }), {
      refused: { code: 'missing_parameter', facts: { parameter: 'IdentifyNum' } },
    });
    assert.deepEqual(commandFor('Id2MetaVerify', { ...ID, UserName: '' }), {
      refused: { code: 'missing_parameter', facts: { parameter: 'UserName' } },
    });
  });

  test('case=ParamType md5 and unknown values are invalid', () => {
    for (const paramType of ['md5', 'MD5', 'sha256']) {
      for (const action of ['Id2MetaVerify', 'Mobile3MetaDetailVerify']) {
        assert.deepEqual(commandFor(action, { ...ID, Mobile: '1', ParamType: paramType }), {
          refused: { code: 'invalid_parameter', facts: { parameter: 'ParamType' } },
        });
      }
    }
  });

  test('case=ACS3 business parameters from query and body alike', () => {
    const request = acs3Request({
      action: 'Mobile3MetaSimpleVerify',
      query: { Mobile: zhang.phone! },
      body: ID,
    });
    const parsed = parse(request);
    assert.ok(!isRefusal(parsed));
    assert.deepEqual(toCommand(parsed), {
      kind: 'phone.verify',
      name: zhang.name,
      idNumber: zhang.idNumber,
      phone: zhang.phone,
    });
  });
});
