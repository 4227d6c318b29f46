/** Bank card two/three/four-element checks and the issuer look-up. */
import type { BankCardAuthority, BankCardRecord, PersonRecord } from '../authorities/authority.ts';
import type { LookupBankCard, VerifyBankCard } from './commands.ts';
import {
  type Checked,
  checkBankCard,
  checkIdNumber,
  checkName,
  checkPhone,
  type ValidBankCard,
} from './inputs.ts';
import { lookupFailure } from './lookups.ts';
import { type BankCardFacts, type MismatchField, type Outcome, outcome } from './outcomes.ts';

export interface BankCardDeps {
  authority: BankCardAuthority;
  today(): string;
}

interface Elements {
  name: string;
  card: ValidBankCard;
  idNumber?: string;
  phone?: string;
}

const cardFacts = (card: ValidBankCard): BankCardFacts => ({
  luhn: card.luhn,
  ...(card.issuer ?? {}),
});

/** Validates every submitted element; the first failure is the answer. */
const checkElements = (cmd: VerifyBankCard, today: string): Checked<Elements> => {
  const id = cmd.idNumber === undefined ? undefined : checkIdNumber(cmd.idNumber, today);
  if (id && !id.ok) return id;
  const name = checkName(cmd.name);
  if (!name.ok) return name;
  const card = checkBankCard(cmd.bankCard);
  if (!card.ok) return card;
  const phone = cmd.phone === undefined ? undefined : checkPhone(cmd.phone);
  if (phone && !phone.ok) return { ok: false, outcome: outcome('invalid_phone') };
  if (cmd.certType !== undefined && cmd.certType !== 0) {
    return { ok: false, outcome: outcome('unsupported_cert_type') };
  }
  return {
    ok: true,
    value: {
      name: name.value,
      card: card.value,
      idNumber: id?.value.value,
      phone: phone?.value.value,
    },
  };
};

const mismatchOf = (
  asked: Elements,
  card: BankCardRecord,
  holder: PersonRecord,
): MismatchField | undefined => {
  const nameWrong = holder.name !== asked.name;
  const idWrong = asked.idNumber !== undefined && holder.idNumber !== asked.idNumber;
  if (nameWrong && idWrong) return 'name_and_id_number';
  if (nameWrong) return 'name';
  if (idWrong) return 'id_number';
  if (asked.phone !== undefined && card.phone !== asked.phone) return 'phone';
  return undefined;
};

export const verifyBankCard = async (cmd: VerifyBankCard, deps: BankCardDeps): Promise<Outcome> => {
  const checked = checkElements(cmd, deps.today());
  if (!checked.ok) return checked.outcome;
  const asked = checked.value;
  const bankCard = cardFacts(asked.card);
  const lookup = await deps.authority.findCard(asked.card.value);
  if (lookup.status !== 'found') return { ...lookupFailure(lookup)!, facts: { bankCard } };
  const { card, holder } = lookup.value;
  if (card.state !== 'normal') return outcome('card_refused', { cardState: card.state, bankCard });
  const mismatch = mismatchOf(asked, card, holder);
  return mismatch ? outcome('mismatch', { mismatch, bankCard }) : outcome('match', { bankCard });
};

export const lookupBankCard = (cmd: LookupBankCard): Outcome => {
  const card = checkBankCard(cmd.bankCard);
  if (!card.ok) return card.outcome;
  const bankCard = cardFacts(card.value);
  return card.value.issuer ? outcome('match', { bankCard }) : outcome('not_found', { bankCard });
};
