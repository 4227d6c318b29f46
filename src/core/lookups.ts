/** Turns an authority's "could not answer" into the matching outcome. */
import type { Lookup, Unavailable } from '../authorities/authority.ts';
import { type Outcome, outcome } from './outcomes.ts';

const UNAVAILABLE: Record<Unavailable, Outcome> = {
  busy: outcome('authority_unavailable'),
  upgrading: outcome('authority_upgrading'),
  attempt_limit: outcome('attempt_limit'),
  unsupported: outcome('authority_unavailable'),
};

/** The outcome for a look-up that found nothing usable, or undefined when it found a value. */
export const lookupFailure = <T>(lookup: Lookup<T>): Outcome | undefined => {
  if (lookup.status === 'not_found') return outcome('not_found');
  if (lookup.status === 'unavailable') return UNAVAILABLE[lookup.reason];
  return undefined;
};
