/**
 * The sealed form of a materials task's outcome: JSON, except that non-finite numbers survive
 * (the sandbox's documented face verdicts carry no cosine, NaN, which plain JSON turns into
 * null). Shared by both adapters so that they store the same bytes before sealing.
 */
import type { Outcome } from '../core/outcomes.ts';

const NON_FINITE = '$number';

export const encodeOutcome = (outcome: Outcome): string =>
  JSON.stringify(outcome, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? { [NON_FINITE]: String(value) } : value,
  );

export const decodeOutcome = (text: string): Outcome =>
  JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && NON_FINITE in value) {
      return Number((value as Record<string, string>)[NON_FINITE]);
    }
    return value;
  }) as Outcome;
