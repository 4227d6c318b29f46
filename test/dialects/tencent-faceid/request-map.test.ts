/** Wire fields → core commands for every served action; field-level refusals after auth. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRefusal } from '../../../src/http/dialect.ts';
import type { Params } from '../../../src/dialects/tencent-faceid/params.ts';
import type { FaceIdParsed } from '../../../src/dialects/tencent-faceid/parse.ts';
import { toCommand } from '../../../src/dialects/tencent-faceid/request-map.ts';
import type { ServedAction } from '../../../src/dialects/tencent-faceid/routes.ts';

const CREDENTIAL = {
  scheme: 'tc3' as const,
  secretId: 'AKID',
  date: '2023-11-14',
  service: 'faceid',
  signedHeaders: ['content-type', 'host'],
  signature: '0'.repeat(64),
  timestamp: 1700000000,
};

const map = (action: ServedAction, params: Params) => {
  const parsed: FaceIdParsed = { action, params, credential: CREDENTIAL };
  const command = toCommand(parsed);
  if (!isRefusal(command)) return command;
  const { code, facts } = command.refused;
  return `${code}:${facts?.parameter}`;
};

const ID = { IdCard: '110105199003070017', Name: '张三' };

test('case=identity actions', () => {
  assert.deepEqual(map('IdCardVerification', ID), {
    kind: 'identity.verify',
    idNumber: ID.IdCard,
    name: '张三',
  });
  assert.deepEqual(
    map('CheckIdNameDate', { ...ID, ValidityBegin: '20150301', ValidityEnd: '00000000' }),
    {
      kind: 'identity.verify',
      idNumber: ID.IdCard,
      name: '张三',
      validity: { begin: '20150301', end: '00000000' },
    },
  );
  assert.equal(
    map('CheckIdNameDate', { ...ID, ValidityBegin: '20150301' }),
    'missing_parameter:ValidityEnd',
  );
});

test('case=bank card actions', () => {
  const card = '6222021000000000009';
  assert.deepEqual(map('BankCardVerification', { ...ID, BankCard: card }), {
    kind: 'bankcard.verify',
    idNumber: ID.IdCard,
    name: '张三',
    bankCard: card,
  });
  assert.deepEqual(map('BankCard2EVerification', { Name: '张三', BankCard: card }), {
    kind: 'bankcard.verify',
    name: '张三',
    bankCard: card,
  });
  assert.deepEqual(
    map('BankCard4EVerification', { ...ID, BankCard: card, Phone: '13800138000', CertType: 0 }),
    {
      kind: 'bankcard.verify',
      idNumber: ID.IdCard,
      name: '张三',
      bankCard: card,
      phone: '13800138000',
      certType: 0,
    },
  );
  assert.deepEqual(map('CheckBankCardInformation', { BankCard: card }), {
    kind: 'bankcard.lookup',
    bankCard: card,
  });
});

test('case=CertType: integer in JSON, digits over GET/v1, anything else refused', () => {
  const base = { ...ID, BankCard: '6222021000000000009' };
  const cert = (value: unknown) => {
    const command = map('BankCardVerification', { ...base, CertType: value });
    return typeof command === 'string'
      ? command
      : command.kind === 'bankcard.verify' && command.certType;
  };
  assert.equal(cert(1), 1);
  assert.equal(cert('2'), 2);
  assert.equal(cert(null), undefined);
  assert.equal(cert(1.5), 'malformed_request:CertType');
  assert.equal(cert('x'), 'malformed_request:CertType');
  assert.equal(cert([0]), 'malformed_request:CertType');
});

test('case=phone actions, carrier-specific ones restrict the carrier', () => {
  const phone = { ...ID, Phone: '13800138000' };
  const expected = {
    kind: 'phone.verify',
    idNumber: ID.IdCard,
    name: '张三',
    phone: '13800138000',
  };
  assert.deepEqual(map('PhoneVerification', phone), expected);
  assert.deepEqual(map('PhoneVerification', { ...phone, VerifyMode: '1' }), expected);
  assert.equal(
    map('PhoneVerification', { ...phone, VerifyMode: '2' }),
    'invalid_parameter:VerifyMode',
  );
  assert.deepEqual(map('PhoneVerificationCMCC', phone), { ...expected, carrier: 'CMCC' });
  assert.deepEqual(map('PhoneVerificationCTCC', phone), { ...expected, carrier: 'CTCC' });
  assert.deepEqual(map('PhoneVerificationCUCC', phone), { ...expected, carrier: 'CUCC' });
});

test('case=MinorsVerification by phone (Type 0) and by identity (Type 1)', () => {
  assert.deepEqual(map('MinorsVerification', { Type: '0', Mobile: '15000150000' }), {
    kind: 'identity.adult',
    by: 'phone',
    phone: '15000150000',
  });
  assert.deepEqual(map('MinorsVerification', { Type: '1', ...ID }), {
    kind: 'identity.adult',
    by: 'identity',
    idNumber: ID.IdCard,
    name: '张三',
  });
  assert.equal(map('MinorsVerification', { Mobile: '15000150000' }), 'missing_parameter:Type');
  assert.equal(map('MinorsVerification', { Type: '0', ...ID }), 'missing_parameter:Mobile');
  assert.equal(
    map('MinorsVerification', { Type: '1', Mobile: '15000150000' }),
    'missing_parameter:IdCard',
  );
  assert.equal(map('MinorsVerification', { Type: '2', ...ID }), 'invalid_parameter:Type');
});

test('case=missing and mistyped fields, in wire order', () => {
  assert.equal(map('IdCardVerification', {}), 'missing_parameter:IdCard');
  assert.equal(map('IdCardVerification', { IdCard: ID.IdCard }), 'missing_parameter:Name');
  assert.equal(map('IdCardVerification', { ...ID, Name: null }), 'missing_parameter:Name');
  assert.equal(
    map('IdCardVerification', { ...ID, IdCard: 110105199 } /* a number loses digits */),
    'malformed_request:IdCard',
  );
  assert.equal(
    map('IdCardVerification', { ...ID, Name: { text: '张三' } }),
    'malformed_request:Name',
  );
  assert.equal(
    map('BankCard4EVerification', { Name: '张三', BankCard: '1' }),
    'missing_parameter:Phone',
  );
  // Empty strings are present: the core judges them (invalid ID number / name Result codes).
  assert.deepEqual(map('IdCardVerification', { IdCard: '', Name: '' }), {
    kind: 'identity.verify',
    idNumber: '',
    name: '',
  });
  // Unknown extra fields are ignored, as the SDKs never send any.
  assert.deepEqual(map('IdCardVerification', { ...ID, Extra: 'x' }), {
    kind: 'identity.verify',
    idNumber: ID.IdCard,
    name: '张三',
  });
});

test('case=encrypted input is refused before it reaches the core (§1.5)', () => {
  const encryption = { EncryptList: ['IdCard'], CiphertextBlob: 'blob', Iv: 'iv' };
  assert.equal(
    map('IdCardVerification', { ...ID, Encryption: encryption }),
    'invalid_parameter:Encryption.EncryptList',
  );
  assert.equal(
    map('IdCardVerification', {
      ...ID,
      'Encryption.EncryptList.0': 'IdCard',
      'Encryption.Iv': 'iv',
    }),
    'invalid_parameter:Encryption.EncryptList',
  );
  assert.equal(
    map('PhoneVerification', { ...ID, Phone: '1', EncryptList: ['Phone'] }),
    'invalid_parameter:EncryptList',
  );
  assert.equal(
    map('PhoneVerification', { ...ID, Phone: '1', 'EncryptList.0': 'Phone' }),
    'invalid_parameter:EncryptList',
  );
  assert.equal(
    map('IdCardVerification', { EncryptedBody: 'abc', Encryption: encryption }),
    'invalid_parameter:Encryption.EncryptList',
  );
  assert.equal(
    map('IdCardVerification', { EncryptedBody: 'abc' }),
    'invalid_parameter:EncryptedBody',
  );
  // An empty list encrypts nothing on the way in: the plain fields are used.
  const empty = map('IdCardVerification', {
    ...ID,
    Encryption: { ...encryption, EncryptList: [] },
  });
  assert.deepEqual(empty, { kind: 'identity.verify', idNumber: ID.IdCard, name: '张三' });
});
