/**
 * The Result code tables of the FaceID verification actions (spec tencent.md §1.3, §1.4; the
 * Descriptions and the CheckBankCardInformation / MinorsVerification lists come from the
 * tencentcloud-sdk-nodejs 4.1.313 typings). codes.ts assembles them into the dialect's table.
 *
 * @example
 *   IDENTITY.byOutcome.not_found // → '-5'
 */
import type { CardState, Outcome, OutcomeCode } from '../../core/outcomes.ts';
import { type Params, read } from './params.ts';

export type RefusedCardState = Exclude<CardState, 'normal'>;

export interface ResultTable {
  /** Every Result code the action documents, with its Description. */
  documented: Readonly<Record<string, string>>;
  /** Outcome → Result code; an outcome without one is rendered as an Error. */
  byOutcome: Readonly<Partial<Record<OutcomeCode, string>>>;
  /** card_refused, by the bank's card state. */
  byCardState?: Readonly<Record<RefusedCardState, string>>;
  /** Facts or request fields that refine the code (commented where defined). */
  refine?: (o: Outcome, params: Params, code: string) => string;
}

export const IDENTITY: ResultTable = {
  documented: {
    '0': '姓名和身份证号一致',
    '-1': '姓名和身份证号不一致',
    '-2': '非法身份证号（长度、校验位等不正确）',
    '-3': '非法姓名（长度、格式等不正确）',
    '-4': '证件库服务异常',
    '-5': '证件库中无此身份证记录',
    '-6': '权威比对系统升级中，请稍后再试',
    '-7': '认证次数超过当日限制',
  },
  byOutcome: {
    match: '0',
    mismatch: '-1',
    invalid_id_number: '-2',
    // The action takes mainland resident ID numbers only: any other number is "illegal".
    unsupported_cert_type: '-2',
    invalid_name: '-3',
    authority_unavailable: '-4',
    not_found: '-5',
    authority_upgrading: '-6',
    attempt_limit: '-7',
  },
};

export const ID_NAME_DATE: ResultTable = {
  documented: {
    '0': '一致',
    '-1': '不一致',
    '-2': '非法身份证号（长度、校验位等不正确）',
    '-3': '非法姓名（长度、格式等不正确）',
    '-4': '非法有效期（长度、格式等不正确）',
    '-5': '身份信息无效',
    '-6': '证件库服务异常',
    '-7': '证件库中无此身份证记录',
    '-8': '认证次数超过当日限制，请次日重试',
  },
  byOutcome: {
    match: '0',
    // A wrong name and a wrong validity period are both "inconsistent".
    mismatch: '-1',
    invalid_id_number: '-2',
    invalid_name: '-3',
    invalid_validity: '-4',
    // "Identity information invalid": a number the mainland ID database cannot vouch for.
    unsupported_cert_type: '-5',
    authority_unavailable: '-6',
    // No "upgrading" code here: the database is, for the caller, unavailable.
    authority_upgrading: '-6',
    not_found: '-7',
    attempt_limit: '-8',
  },
};

/** MinorsVerification's `Type`: "0" = by phone, "1" = by name and ID number. */
export const minorsByPhone = (params: Params): boolean => String(read(params, 'Type')) === '0';

// The three bank-card checks list the same twelve card states in the same order, at codes that
// start at a different number for each (BankCardVerification -5…-16, 2E -4…-15, 4E -6…-17).
const CARD_STATES_IN_ORDER: ReadonlyArray<readonly [RefusedCardState, string]> = [
  ['holder_info_wrong', '持卡人信息有误'],
  ['no_card_not_present', '未开通无卡支付'],
  ['confiscated', '此卡被没收'],
  ['invalid', '无效卡号'],
  ['no_issuer', '此卡无对应发卡行'],
  ['dormant', '该卡未初始化或睡眠卡'],
  ['fraud', '作弊卡、吞卡'],
  ['lost', '此卡已挂失'],
  ['expired', '该卡已过期'],
  ['restricted', '受限制的卡'],
  ['pin_locked', '密码错误次数超限'],
  ['issuer_refused', '发卡行不支持此交易'],
];

interface BankLayout {
  /** Code of the first card state (holder information wrong). */
  firstState: number;
  abnormal: string;
  busy: string;
  limit: string;
  /** Not-billed input codes of this action, code → Description. */
  inputs: Record<string, string>;
  byInput: Partial<Record<OutcomeCode, string>>;
}

const bankTable = (l: BankLayout): ResultTable => {
  const states = CARD_STATES_IN_ORDER.map(
    ([state, text], i) => [state, String(-(l.firstState + i)), text] as const,
  );
  const code = (s: RefusedCardState) => states.find(([state]) => state === s)![1];
  return {
    documented: {
      '0': '认证通过',
      '-1': '认证未通过',
      ...Object.fromEntries(states.map(([, c, text]) => [c, text])),
      [l.abnormal]: '卡状态异常或卡号错误',
      ...l.inputs,
      [l.busy]: '验证中心服务繁忙',
      [l.limit]: '验证次数超限，请次日重试',
    },
    byOutcome: {
      match: '0',
      mismatch: '-1',
      // A number no bank answers for is, to the caller, an invalid card number.
      not_found: code('invalid'),
      // A refusal without a state (never produced by the core) is an abnormal card.
      card_refused: l.abnormal,
      authority_unavailable: l.busy,
      authority_upgrading: l.busy,
      attempt_limit: l.limit,
      ...l.byInput,
    },
    byCardState: {
      ...(Object.fromEntries(states.map(([s, c]) => [s, c])) as Record<RefusedCardState, string>),
      abnormal: l.abnormal,
      // States the action has no code of its own for, mapped to the nearest documented one.
      other: l.abnormal,
      wrong_credentials: code('holder_info_wrong'),
      service_unsupported: code('issuer_refused'),
      phone_check_unsupported: code('issuer_refused'),
      bank_unavailable: l.busy,
      no_reserved_phone: '-1',
    },
  };
};

const NAME_BAD = '姓名校验不通过';
const ID_BAD = '身份证号码有误';
const CARD_BAD = '银行卡号格式有误';
const CERT_BAD = '该证件号暂不支持核验，当前仅支持二代身份证';

export const BANK_CARD_3E = bankTable({
  firstState: 5,
  abnormal: '-20',
  busy: '-17',
  limit: '-18',
  inputs: { '-2': NAME_BAD, '-3': ID_BAD, '-4': CARD_BAD, '-19': CERT_BAD },
  byInput: {
    invalid_name: '-2',
    invalid_id_number: '-3',
    invalid_bank_card: '-4',
    unsupported_cert_type: '-19',
  },
});

export const BANK_CARD_2E = bankTable({
  firstState: 4,
  abnormal: '-18',
  busy: '-16',
  limit: '-17',
  inputs: { '-2': NAME_BAD, '-3': CARD_BAD },
  byInput: { invalid_name: '-2', invalid_bank_card: '-3' },
});

export const BANK_CARD_4E = bankTable({
  firstState: 6,
  abnormal: '-21',
  busy: '-18',
  limit: '-19',
  inputs: { '-2': NAME_BAD, '-3': ID_BAD, '-4': CARD_BAD, '-5': '手机号码不合法', '-20': CERT_BAD },
  byInput: {
    invalid_name: '-2',
    invalid_id_number: '-3',
    invalid_bank_card: '-4',
    invalid_phone: '-5',
    unsupported_cert_type: '-20',
  },
});

export const CARD_INFORMATION: ResultTable = {
  documented: {
    '0': '查询成功',
    '-1': '未查到信息',
    '-2': '验证中心服务繁忙',
    '-3': '银行卡不存在',
    '-4': '认证次数超过当日限制，请次日重试',
    '-5': '卡号无效',
    '-6': '暂不支持该银行卡种',
  },
  byOutcome: {
    match: '0',
    not_found: '-1',
    invalid_bank_card: '-5',
    authority_unavailable: '-2',
    authority_upgrading: '-2',
    attempt_limit: '-4',
  },
  // An unknown BIN that also fails Luhn is a number that cannot exist (-3), one that passes is
  // merely unknown (-1); a known issuer without a card nature cannot fill AccountType (-6).
  refine: (o, _params, code) => {
    if (o.code === 'not_found' && o.facts?.bankCard?.luhn === false) return '-3';
    if (o.code === 'match' && !o.facts?.bankCard?.cardType) return '-6';
    return code;
  },
};

const PHONE_CODES = {
  '-6': '手机号码不合法',
  '-7': '身份证号码有误',
  '-8': '姓名校验不通过',
  '-9': '没有记录',
  '-11': '验证中心服务繁忙',
};

const PHONE_BY_OUTCOME = {
  match: '0',
  mismatch: '-4',
  invalid_phone: '-6',
  invalid_id_number: '-7',
  invalid_name: '-8',
  not_found: '-9',
  authority_unavailable: '-11',
  authority_upgrading: '-11',
  unsupported_number_range: '-13',
} as const;

export const PHONE: ResultTable = {
  documented: {
    '0': '三要素信息一致',
    '-4': '三要素信息不一致',
    ...PHONE_CODES,
    '-12': '认证次数超过当日限制，请次日重试',
    '-13': '该号段不支持验证',
  },
  byOutcome: { ...PHONE_BY_OUTCOME, attempt_limit: '-12' },
};

/** PhoneVerificationCMCC / CTCC / CUCC: the same codes without a daily-limit one. */
export const PHONE_CARRIER: ResultTable = {
  documented: {
    '0': '认证通过',
    '-4': '信息不一致（手机号已实名，但姓名和身份证号与实名信息不一致）',
    ...PHONE_CODES,
    '-13': '该号段不支持验证',
  },
  // Without a daily-limit code, a subject over its limit is "service busy" (retry later).
  byOutcome: { ...PHONE_BY_OUTCOME, attempt_limit: '-11' },
};

export const MINORS: ResultTable = {
  documented: {
    '0': '成年',
    '-1': '未成年',
    '-2': '未查询到手机号信息',
    '-3': '姓名和身份证号不一致',
    '-4': '非法身份证号（长度、校验位等不正确）',
    '-5': '非法姓名（长度、格式等不正确）',
    '-6': '权威数据源服务异常',
    '-7': '未查询到身份信息',
    '-8': '权威数据源升级中，请稍后再试',
  },
  byOutcome: {
    match: '0',
    mismatch: '-3',
    invalid_phone: '-2',
    unsupported_number_range: '-2',
    invalid_id_number: '-4',
    invalid_name: '-5',
    authority_unavailable: '-6',
    // No daily-limit code: the data source cannot answer now.
    attempt_limit: '-6',
    not_found: '-7',
    authority_upgrading: '-8',
  },
  // match carries facts.adult; "not found" by phone is "no phone information" (-2).
  refine: (o, params, code) => {
    if (o.code === 'match' && o.facts?.adult === false) return '-1';
    if (o.code === 'not_found' && minorsByPhone(params)) return '-2';
    return code;
  },
};
