/**
 * The sandbox personas (src/authorities/sandbox/personas.ts) by name, for the case tables: the
 * tables read names, ID numbers, phones and cards from there, so the two cannot drift apart.
 */
import { ABSENT, PERSONAS } from '../../../src/authorities/sandbox/personas.ts';
import type { PersonRecord } from '../../../src/authorities/authority.ts';
import type { CardState } from '../../../src/core/outcomes.ts';

export { ABSENT };

export const person = (name: string): PersonRecord => {
  const persona = PERSONAS.find((p) => p.record.name === name);
  if (!persona) throw new Error(`no sandbox persona named ${name}`);
  return persona.record;
};

export const ZHANG = person('张三');
export const LI_NA = person('李娜');
export const AYI = person('阿依古丽·买买提');
export const WANG = person('王芳');
export const MINOR = person('刘小宝');
export const BUSY = person('陈忙');
export const BUSY_CUCC = person('周忙');
export const BUSY_CTCC = person('吴忙');
export const UPGRADING = person('赵升');
export const LIMITED = person('孙限');

/** 张三's card in a given state (personas.ts gives him one card per state). */
export const cardIn = (state: CardState): string => {
  const card = ZHANG.bankCards.find((c) => c.state === state);
  if (!card) throw new Error(`张三 has no card in state ${state}`);
  return card.number;
};

export const NORMAL_CARD = cardIn('normal');

/** The first card of a persona that holds one. */
export const cardOf = (p: PersonRecord): string => {
  const card = p.bankCards[0];
  if (!card) throw new Error(`${p.name} holds no card`);
  return card.number;
};

export const phoneOf = (p: PersonRecord): string => {
  if (!p.phone) throw new Error(`${p.name} has no phone`);
  return p.phone;
};

/** 张三's ID number with a wrong GB 11643 check character. */
export const BAD_CHECK_DIGIT = `${ZHANG.idNumber.slice(0, 17)}${ZHANG.idNumber.endsWith('8') ? '9' : '8'}`;

/** Valid, unassigned-to-anyone numbers of each carrier other than ABSENT.phone (China Mobile). */
export const NOBODY_CUCC = '18600000000';
export const NOBODY_CTCC = '18900000000';
/** A China Broadnet number (192…) nobody holds. */
export const NOBODY_CBCC = '19200000000';
/** A data-only (IoT/data card) range: no subscriber to verify against. */
export const DATA_ONLY = '14700000000';
