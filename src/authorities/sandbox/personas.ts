/**
 * The sandbox's synthetic personas (demo mode). Every number is made up but valid (GB 11643
 * check character, Luhn), so that each documented result code is reachable on purpose.
 * The sandbox ships no face photos: a persona's portrait is a documented verdict instead
 * (same person, different person, undecided, unusable) that the comparison reports for any
 * selfie that passes the real engine's checks (one clear face, good quality, liveness).
 * 王芳 has no portrait at all. 钱户 and 郑异 pass every comparison but carry a risk rule
 * (`PersonRecord.risk`) that refuses their materials verification.
 * `docs/sandbox.md` lists which inputs produce which code; a test walks that table.
 */
import { CARD_STATES } from '../../core/outcomes.ts';
import type { BankCardRecord, PersonRecord, Unavailable } from '../authority.ts';

export interface Persona {
  /** What the persona is for, as shown in docs/sandbox.md. */
  role: string;
  record: PersonRecord;
  /** An authority that cannot answer for this persona. */
  behaviour?: Exclude<Unavailable, 'unsupported'>;
}

/** Card numbers 6222021000000000017…: one per non-normal card state, held by 张三. */
const STATE_CARDS = [
  '6222021000000000017',
  '6222021000000000025',
  '6222021000000000033',
  '6222021000000000041',
  '6222021000000000058',
  '6222021000000000066',
  '6222021000000000074',
  '6222021000000000082',
  '6222021000000000090',
  '6222021000000000108',
  '6222021000000000116',
  '6222021000000000124',
  '6222021000000000132',
  '6222021000000000140',
  '6222021000000000157',
  '6222021000000000165',
  '6222021000000000173',
  '6222021000000000181',
  '6222021000000000199',
];

const stateCards = (phone: string): BankCardRecord[] =>
  CARD_STATES.filter((state) => state !== 'normal').map((state, i) => ({
    number: STATE_CARDS[i]!,
    phone,
    state,
  }));

export const PERSONAS: readonly Persona[] = [
  {
    role: 'consistent identity, phone (China Mobile), cards in every state; portrait: same person',
    record: {
      name: '张三',
      idNumber: '110105199003070017',
      phone: '13800138000',
      bankCards: [
        { number: '6222021000000000009', phone: '13800138000', state: 'normal' },
        ...stateCards('13800138000'),
      ],
      idCard: { authority: '北京市公安局朝阳分局', validFrom: '2015-03-01', validTo: '2035-03-01' },
      portrait: { sandbox: 'same_person' },
    },
  },
  {
    role: 'long-term ID card, China Mobile phone, CCB card; portrait: a different person',
    record: {
      name: '李娜',
      idNumber: '110102198506120027',
      phone: '13900139000',
      bankCards: [{ number: '6217000000000000004', phone: '13900139000', state: 'normal' }],
      idCard: { authority: '北京市公安局西城分局', validFrom: '2010-06-01', validTo: '长期' },
      portrait: { sandbox: 'different_person' },
    },
  },
  {
    role: 'name with a middle dot, China Unicom phone; portrait: undecided similarity',
    record: {
      name: '阿依古丽·买买提',
      idNumber: '310104199208150038',
      phone: '18600186000',
      bankCards: [],
      idCard: { authority: '上海市公安局徐汇分局', validFrom: '2012-08-15', validTo: '2032-08-15' },
      portrait: { sandbox: 'undecided' },
    },
  },
  {
    role: 'China Telecom phone; no portrait',
    record: { name: '王芳', idNumber: '440305198811200046', phone: '18900189000', bankCards: [] },
  },
  {
    role: 'minor (born 2015-06-01); portrait unusable',
    record: {
      name: '刘小宝',
      idNumber: '110101201506010053',
      phone: '15000150000',
      bankCards: [],
      portrait: { sandbox: 'unusable' },
    },
  },
  {
    role: 'Hong Kong resident permit holder',
    record: { name: '陈家明', idNumber: '810000199408230021', phone: '13300133000', bankCards: [] },
  },
  {
    role: 'authority busy / unavailable',
    behaviour: 'busy',
    record: {
      name: '陈忙',
      idNumber: '33010619700101006X',
      phone: '13700137000',
      bankCards: [{ number: '6222021000000000207', phone: '13700137000', state: 'normal' }],
    },
  },
  {
    role: 'authority busy, China Unicom phone',
    behaviour: 'busy',
    record: { name: '周忙', idNumber: '44010619830315005X', phone: '18600000001', bankCards: [] },
  },
  {
    role: 'authority busy, China Telecom phone',
    behaviour: 'busy',
    record: { name: '吴忙', idNumber: '440106198303150076', phone: '18900000001', bankCards: [] },
  },
  {
    role: 'authority being upgraded',
    behaviour: 'upgrading',
    record: {
      name: '赵升',
      idNumber: '510107199505050072',
      phone: '13600136000',
      bankCards: [{ number: '6222021000000000231', phone: '13600136000', state: 'normal' }],
    },
  },
  {
    role: 'daily attempt limit reached',
    behaviour: 'attempt_limit',
    record: {
      name: '孙限',
      idNumber: '110108197910100080',
      phone: '13500135000',
      bankCards: [{ number: '6222021000000000223', phone: '13500135000', state: 'normal' }],
    },
  },
  {
    role: 'materials: risk control refuses (not the account holder); portrait: same person',
    record: {
      name: '钱户',
      idNumber: '320102198704120035',
      bankCards: [],
      idCard: { authority: '南京市公安局玄武分局', validFrom: '2016-04-12', validTo: '2036-04-12' },
      portrait: { sandbox: 'same_person' },
      risk: 'not_account_holder',
    },
  },
  {
    role: 'materials: risk control refuses (a different person operating); portrait: same person',
    record: {
      name: '郑异',
      idNumber: '32010219910923004X',
      bankCards: [],
      idCard: { authority: '南京市公安局玄武分局', validFrom: '2018-09-23', validTo: '2038-09-23' },
      portrait: { sandbox: 'same_person' },
      risk: 'different_person',
    },
  },
];

/** Valid numbers that no persona holds: they produce "no record". */
export const ABSENT = {
  idNumber: '110105199003079994',
  bankCard: '6222021000000000215',
  phone: '13800000000',
} as const;
