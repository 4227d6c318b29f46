/**
 * Which sandbox persona reaches which Result code of each served action (the personas of
 * src/authorities/sandbox/personas.ts; docs/sandbox.md lists the same). Codes the sandbox
 * cannot reach are listed in UNREACHABLE with the reason.
 */
import { ABSENT, PERSONAS } from '../../../src/authorities/sandbox/personas.ts';
import { CARD_STATES, type CardState } from '../../../src/core/outcomes.ts';

export interface SandboxCase {
  action: string;
  name: string;
  params: Record<string, unknown>;
  result: string;
  /** Other response fields to check. */
  fields?: Record<string, unknown>;
}

const ZHANG = { IdCard: '110105199003070017', Name: '张三' };
const LI_NA = { IdCard: '110102198506120027', Name: '李娜' };
const BUSY = { IdCard: '33010619700101006X', Name: '陈忙' };
const UPGRADING = { IdCard: '510107199505050072', Name: '赵升' };
const LIMITED = { IdCard: '110108197910100080', Name: '孙限' };
const BAD_ID = { IdCard: '110105199003070018', Name: '张三' };
const BAD_NAME = { IdCard: '110105199003070017', Name: '张3' };
const NOBODY = { IdCard: ABSENT.idNumber, Name: '张三' };
const CARD = '6222021000000000009';

/** 张三's card in a given state (personas.ts holds one card per state). */
const cardIn = (state: CardState): string =>
  PERSONAS.flatMap((p) => p.record.bankCards).find((card) => card.state === state)!.number;

const c = (
  action: string,
  name: string,
  params: Record<string, unknown>,
  result: string,
  fields?: Record<string, unknown>,
): SandboxCase => ({
  action,
  name,
  params,
  result,
  ...(fields ? { fields } : {}),
});

const identity = (action: string): SandboxCase[] => [
  c(action, 'consistent', ZHANG, '0'),
  c(action, 'name differs', { ...ZHANG, Name: '李四' }, '-1'),
  c(action, 'bad check digit', BAD_ID, '-2'),
  c(action, 'bad name', BAD_NAME, '-3'),
  c(action, 'authority busy', BUSY, '-4'),
  c(action, 'no record', NOBODY, '-5'),
  c(action, 'authority upgrading', UPGRADING, '-6'),
  c(action, 'daily limit', LIMITED, '-7'),
];

const dated = (p: object, begin = '20150301', end = '20350301') => ({
  ...p,
  ValidityBegin: begin,
  ValidityEnd: end,
});
const idNameDate: SandboxCase[] = [
  c('CheckIdNameDate', 'consistent', dated(ZHANG), '0'),
  c('CheckIdNameDate', 'long-term card 00000000', dated(LI_NA, '20100601', '00000000'), '0'),
  c('CheckIdNameDate', 'validity differs', dated(ZHANG, '20150301', '20350302'), '-1'),
  c('CheckIdNameDate', 'name differs', dated({ ...ZHANG, Name: '李四' }), '-1'),
  c('CheckIdNameDate', 'bad check digit', dated(BAD_ID), '-2'),
  c('CheckIdNameDate', 'bad name', dated(BAD_NAME), '-3'),
  c('CheckIdNameDate', 'not a date', dated(ZHANG, '20150230'), '-4'),
  c('CheckIdNameDate', 'authority busy', dated(BUSY), '-6'),
  c('CheckIdNameDate', 'no record', dated(NOBODY), '-7'),
  c('CheckIdNameDate', 'daily limit', dated(LIMITED), '-8'),
];

/** Refused card states in CARD_STATES order; the first twelve have consecutive codes. */
const STATES = CARD_STATES.filter((state) => state !== 'normal');

interface BankShape {
  action: string;
  base: Record<string, unknown>;
  first: number;
  abnormal: string;
  busy: string;
  limit: string;
  inputs: Array<[string, Record<string, unknown>, string]>;
}

const stateCode = (s: BankShape, state: string, i: number): string => {
  if (i < 12) return String(-(s.first + i));
  const issuerRefused = String(-(s.first + 11));
  const extra: Record<string, string> = {
    abnormal: s.abnormal,
    no_reserved_phone: '-1',
    wrong_credentials: String(-s.first),
    other: s.abnormal,
    service_unsupported: issuerRefused,
    bank_unavailable: s.busy,
    phone_check_unsupported: issuerRefused,
  };
  return extra[state]!;
};

/** The same request shape for another card holder (fields the action does not take stay out). */
const holder = (
  base: Record<string, unknown>,
  person: typeof BUSY,
  card: string,
  phone: string,
) => ({
  ...base,
  Name: person.Name,
  BankCard: card,
  ...('IdCard' in base ? { IdCard: person.IdCard } : {}),
  ...('Phone' in base ? { Phone: phone } : {}),
});

const bank = (s: BankShape): SandboxCase[] => [
  c(s.action, 'consistent', s.base, '0'),
  c(s.action, 'name differs', { ...s.base, Name: '李四' }, '-1'),
  ...STATES.map((state, i) =>
    c(s.action, `card ${state}`, { ...s.base, BankCard: cardIn(state) }, stateCode(s, state, i)),
  ),
  c(s.action, 'unknown card', { ...s.base, BankCard: ABSENT.bankCard }, String(-(s.first + 3))),
  c(s.action, 'bad name', { ...s.base, Name: '张3' }, '-2'),
  ...s.inputs.map(([name, over, result]) => c(s.action, name, { ...s.base, ...over }, result)),
  c(s.action, 'bank busy', holder(s.base, BUSY, '6222021000000000207', '13700137000'), s.busy),
  c(
    s.action,
    'daily limit',
    holder(s.base, LIMITED, '6222021000000000223', '13500135000'),
    s.limit,
  ),
];

const bankCases: SandboxCase[] = [
  ...bank({
    action: 'BankCardVerification',
    base: { ...ZHANG, BankCard: CARD },
    first: 5,
    abnormal: '-20',
    busy: '-17',
    limit: '-18',
    inputs: [
      ['bad check digit', { IdCard: BAD_ID.IdCard }, '-3'],
      ['bad card number', { BankCard: '123' }, '-4'],
      ['certificate type 1', { CertType: 1 }, '-19'],
    ],
  }),
  ...bank({
    action: 'BankCard2EVerification',
    base: { Name: '张三', BankCard: CARD },
    first: 4,
    abnormal: '-18',
    busy: '-16',
    limit: '-17',
    inputs: [['bad card number', { BankCard: '123' }, '-3']],
  }),
  ...bank({
    action: 'BankCard4EVerification',
    base: { ...ZHANG, BankCard: CARD, Phone: '13800138000' },
    first: 6,
    abnormal: '-21',
    busy: '-18',
    limit: '-19',
    inputs: [
      ['reserved phone differs', { Phone: '13900139000' }, '-1'],
      ['bad check digit', { IdCard: BAD_ID.IdCard }, '-3'],
      ['bad card number', { BankCard: '123' }, '-4'],
      ['bad phone', { Phone: '12345' }, '-5'],
      ['certificate type 1', { CertType: 1 }, '-20'],
    ],
  }),
];

const cardInformation: SandboxCase[] = [
  c('CheckBankCardInformation', 'known issuer', { BankCard: CARD }, '0', {
    AccountBank: '中国工商银行',
    AccountType: 1,
  }),
  c('CheckBankCardInformation', 'unknown issuer', { BankCard: '1234567812345670' }, '-1'),
  c(
    'CheckBankCardInformation',
    'unknown issuer failing Luhn',
    { BankCard: '1234567812345671' },
    '-3',
  ),
  c('CheckBankCardInformation', 'bad card number', { BankCard: '123' }, '-5'),
];

const ZHANG_PHONE = { ...ZHANG, Phone: '13800138000' };
const phone: SandboxCase[] = [
  c('PhoneVerification', 'consistent', ZHANG_PHONE, '0', { Isp: '移动' }),
  c(
    'PhoneVerification',
    'name differs (detailed)',
    { ...ZHANG_PHONE, Name: '李四', VerifyMode: '1' },
    '-4',
    { ResultDetail: 'PhoneNameMismatch' },
  ),
  c(
    'PhoneVerification',
    'ID differs (detailed)',
    { ...ZHANG_PHONE, IdCard: LI_NA.IdCard, VerifyMode: '1' },
    '-4',
    { ResultDetail: 'PhoneIdCardMismatch' },
  ),
  c(
    'PhoneVerification',
    'someone else (detailed)',
    { ...LI_NA, Phone: '13800138000', VerifyMode: '1' },
    '-4',
    { ResultDetail: 'PhoneNameIdCardMismatch' },
  ),
  c('PhoneVerification', 'bad phone', { ...ZHANG_PHONE, Phone: '1380013800' }, '-6'),
  c('PhoneVerification', 'bad check digit', { ...ZHANG_PHONE, ...BAD_ID }, '-7'),
  c('PhoneVerification', 'bad name', { ...ZHANG_PHONE, Name: '张3' }, '-8'),
  c('PhoneVerification', 'no record', { ...ZHANG_PHONE, Phone: ABSENT.phone }, '-9'),
  c('PhoneVerification', 'authority busy', { ...BUSY, Phone: '13700137000' }, '-11'),
  c('PhoneVerification', 'daily limit', { ...LIMITED, Phone: '13500135000' }, '-12'),
  c('PhoneVerification', 'data-only range', { ...ZHANG_PHONE, Phone: '14700000000' }, '-13'),
];

const carrier = (
  action: string,
  owner: Record<string, unknown>,
  isp: string,
  other: string,
  nobody: string,
): SandboxCase[] => [
  c(action, 'consistent', owner, '0', { Isp: isp }),
  c(action, 'name differs', { ...owner, Name: '李四' }, '-4'),
  c(action, 'bad phone', { ...owner, Phone: '1' }, '-6'),
  c(action, 'bad check digit', { ...owner, IdCard: BAD_ID.IdCard }, '-7'),
  c(action, 'bad name', { ...owner, Name: '张3' }, '-8'),
  c(action, 'another carrier', { ...owner, Phone: other }, '-13'),
  c(action, 'no record', { ...owner, Phone: nobody }, '-9'),
];
const carriers: SandboxCase[] = [
  ...carrier('PhoneVerificationCMCC', ZHANG_PHONE, '移动', '18600186000', ABSENT.phone),
  c('PhoneVerificationCMCC', 'authority busy', { ...BUSY, Phone: '13700137000' }, '-11'),
  c(
    'PhoneVerificationCMCC',
    'daily limit (no code of its own)',
    { ...LIMITED, Phone: '13500135000' },
    '-11',
  ),
  ...carrier(
    'PhoneVerificationCUCC',
    { IdCard: '310104199208150038', Name: '阿依古丽·买买提', Phone: '18600186000' },
    '联通',
    '13800138000',
    '18600000000',
  ),
  ...carrier(
    'PhoneVerificationCTCC',
    { IdCard: '440305198811200046', Name: '王芳', Phone: '18900189000' },
    '电信',
    '13800138000',
    '18900000000',
  ),
];

const MINOR = { IdCard: '110101201506010053', Name: '刘小宝' };
const minors: SandboxCase[] = [
  c('MinorsVerification', 'adult by identity', { Type: '1', ...ZHANG }, '0', {
    AgeRange: '[18,+)',
  }),
  c('MinorsVerification', 'minor by identity', { Type: '1', ...MINOR }, '-1'),
  c('MinorsVerification', 'adult by phone', { Type: '0', Mobile: '13800138000' }, '0', {
    AgeRange: '[18,+)',
  }),
  c('MinorsVerification', 'minor by phone', { Type: '0', Mobile: '15000150000' }, '-1', {
    AgeRange: '[0,18)',
  }),
  c('MinorsVerification', 'phone unknown', { Type: '0', Mobile: ABSENT.phone }, '-2'),
  c('MinorsVerification', 'name differs', { Type: '1', ...ZHANG, Name: '李四' }, '-3'),
  c('MinorsVerification', 'bad check digit', { Type: '1', ...BAD_ID }, '-4'),
  c('MinorsVerification', 'bad name', { Type: '1', ...BAD_NAME }, '-5'),
  c('MinorsVerification', 'authority busy', { Type: '1', ...BUSY }, '-6'),
  c('MinorsVerification', 'no record', { Type: '1', ...NOBODY }, '-7'),
  c('MinorsVerification', 'authority upgrading', { Type: '1', ...UPGRADING }, '-8'),
];

export const SANDBOX_CASES: SandboxCase[] = [
  ...identity('IdCardVerification'),
  ...idNameDate,
  ...bankCases,
  ...cardInformation,
  ...phone,
  ...carriers,
  ...minors,
];

/** Documented codes no sandbox persona reaches, and why. */
export const UNREACHABLE: Record<string, string[]> = {
  // -5 "identity invalid": the core has no outcome for a revoked identity on a valid number.
  CheckIdNameDate: ['-5'],
  // The issuer look-up is a local BIN table: never busy, never rate-limited, always a card type.
  CheckBankCardInformation: ['-2', '-4', '-6'],
  // The busy and rate-limited personas have China Mobile numbers: for the Unicom and Telecom
  // checks they are "another carrier's range" (-13).
  PhoneVerificationCTCC: ['-11'],
  PhoneVerificationCUCC: ['-11'],
};
