/** Name + ID number (+ validity period) against the authority's record. */
import type { IdCardRecord, IdentityAuthority, PersonRecord } from '../authorities/authority.ts';
import { ageOn } from '../identity/index.ts';
import type { CheckAdult, VerifyIdentity } from './commands.ts';
import { checkIdNumber, checkName } from './inputs.ts';
import { lookupFailure } from './lookups.ts';
import { type Outcome, outcome } from './outcomes.ts';

export interface IdentityDeps {
  authority: IdentityAuthority;
  today(): string;
  adultAge: number;
}

const LONG_TERM = new Set(['00000000', '长期']);

/** YYYYMMDD → YYYY-MM-DD when it is a real calendar date. */
const isoDate = (compact: string): string | undefined => {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(compact);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
};

type Validity = { from: string; to: string };

const parseValidity = (v: NonNullable<VerifyIdentity['validity']>): Validity | undefined => {
  const from = isoDate(v.begin.trim());
  const end = v.end.trim();
  const to = LONG_TERM.has(end) ? '长期' : isoDate(end);
  if (!from || !to || (to !== '长期' && to <= from)) return undefined;
  return { from, to };
};

const sameValidity = (asked: Validity, card: IdCardRecord | undefined): boolean =>
  card?.validFrom === asked.from && card?.validTo === asked.to;

const compare = (person: PersonRecord, name: string, validity?: Validity): Outcome => {
  if (person.name !== name) return outcome('mismatch', { mismatch: 'name' });
  if (validity && !sameValidity(validity, person.idCard)) {
    return outcome('mismatch', { mismatch: 'validity' });
  }
  return outcome('match');
};

export const verifyIdentity = async (cmd: VerifyIdentity, deps: IdentityDeps): Promise<Outcome> => {
  const id = checkIdNumber(cmd.idNumber, deps.today());
  if (!id.ok) return id.outcome;
  const name = checkName(cmd.name);
  if (!name.ok) return name.outcome;
  const validity = cmd.validity && parseValidity(cmd.validity);
  if (cmd.validity && !validity) return outcome('invalid_validity');
  const lookup = await deps.authority.findPerson(id.value.value);
  if (lookup.status !== 'found') return lookupFailure(lookup)!;
  return compare(lookup.value, name.value, validity);
};

/** Adult check: by identity (name must match the record) or by the phone's subscriber. */
export const checkAdult = async (
  cmd: Extract<CheckAdult, { by: 'identity' }>,
  deps: IdentityDeps,
): Promise<Outcome> => {
  const verified = await verifyIdentity(
    { kind: 'identity.verify', name: cmd.name, idNumber: cmd.idNumber },
    deps,
  );
  if (verified.code !== 'match') return verified;
  return adultFacts(cmd.idNumber, deps);
};

export const adultFacts = (idNumber: string, deps: IdentityDeps): Outcome => {
  const id = checkIdNumber(idNumber, deps.today());
  if (!id.ok) return id.outcome;
  return outcome('match', { adult: ageOn(id.value.birthDate, deps.today()) >= deps.adultAge });
};
