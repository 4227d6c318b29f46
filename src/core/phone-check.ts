/** Mobile three-element check: is this phone registered to this name and ID number? */
import type { PhoneAuthority, PersonRecord } from '../authorities/authority.ts';
import type { VerifyPhone } from './commands.ts';
import { checkIdNumber, checkName, checkPhone } from './inputs.ts';
import { lookupFailure } from './lookups.ts';
import { type MismatchField, type Outcome, outcome } from './outcomes.ts';

export interface PhoneDeps {
  authority: PhoneAuthority;
  today(): string;
}

const mismatchOf = (
  owner: PersonRecord,
  name: string,
  idNumber: string,
): MismatchField | undefined => {
  const nameWrong = owner.name !== name;
  const idWrong = owner.idNumber !== idNumber;
  if (nameWrong && idWrong) return 'name_and_id_number';
  if (nameWrong) return 'name';
  if (idWrong) return 'id_number';
  return undefined;
};

export const verifyPhone = async (cmd: VerifyPhone, deps: PhoneDeps): Promise<Outcome> => {
  const id = checkIdNumber(cmd.idNumber, deps.today());
  if (!id.ok) return id.outcome;
  const name = checkName(cmd.name);
  if (!name.ok) return name.outcome;
  const phone = checkPhone(cmd.phone);
  if (!phone.ok) return phone.outcome;
  const carrier = phone.value.carrier;
  // A carrier-specific check cannot answer for another operator's number range.
  if (cmd.carrier && cmd.carrier !== carrier)
    return outcome('unsupported_number_range', { carrier });
  const lookup = await deps.authority.findSubscriber(phone.value.value);
  if (lookup.status !== 'found') return { ...lookupFailure(lookup)!, facts: { carrier } };
  const mismatch = mismatchOf(lookup.value, name.value, id.value.value);
  return mismatch ? outcome('mismatch', { mismatch, carrier }) : outcome('match', { carrier });
};
