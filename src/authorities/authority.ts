/**
 * Where truth comes from. An authority answers look-ups by normalised identifiers; the core
 * compares the submitted elements with what it returns. Each capability is its own small
 * interface so an authority implements only what it can answer; a missing capability is the
 * typed `unsupported` answer, never a crash.
 *
 * @example
 *   const found = await authority.findPerson('11010519491231002X');
 *   if (found.status === 'found') console.log(found.value.name);
 */
import type { CardState } from '../core/outcomes.ts';

export interface BankCardRecord {
  number: string;
  phone?: string;
  state: CardState;
}

export interface IdCardRecord {
  authority?: string;
  /** YYYY-MM-DD */
  validFrom?: string;
  /** YYYY-MM-DD, or the literal 长期 for a long-term card. */
  validTo?: string;
}

/**
 * The authority's portrait of a person: a face template of the pack that made it (the photo
 * itself only when the operator keeps portraits), or, in the sandbox, a documented verdict.
 */
export type PortraitRecord =
  | { pack: string; template: string; image?: string }
  | { sandbox: 'same_person' | 'different_person' | 'undecided' | 'unusable' };

/** One identity record, as imported into the registry (normalised values). */
export interface PersonRecord {
  name: string;
  idNumber: string;
  phone?: string;
  bankCards: BankCardRecord[];
  idCard?: IdCardRecord;
  portrait?: PortraitRecord;
  /**
   * A risk rule that refuses this person's materials verification even when every comparison
   * passes (only the sandbox's risk personas carry one): not the account holder, or a
   * different person operating.
   */
  risk?: 'not_account_holder' | 'different_person';
}

/** Why an authority could not answer. */
export type Unavailable = 'busy' | 'upgrading' | 'attempt_limit' | 'unsupported';

export type Lookup<T> =
  | { status: 'found'; value: T }
  | { status: 'not_found' }
  | { status: 'unavailable'; reason: Unavailable };

export interface IdentityAuthority {
  findPerson(idNumber: string): Promise<Lookup<PersonRecord>>;
}

export interface BankCardAuthority {
  /** The card and its holder. */
  findCard(cardNumber: string): Promise<Lookup<{ card: BankCardRecord; holder: PersonRecord }>>;
}

export interface PhoneAuthority {
  /** The person whose registered phone this is. */
  findSubscriber(phone: string): Promise<Lookup<PersonRecord>>;
}

export type Authority = IdentityAuthority & BankCardAuthority & PhoneAuthority;

export const notFound = { status: 'not_found' } as const;
export const found = <T>(value: T): Lookup<T> => ({ status: 'found', value });
