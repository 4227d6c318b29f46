/**
 * Pure identity rules: ID numbers, names, bank cards, phones and masking (spec identity.md).
 *
 * @example
 *   import { parseIdNumber, shanghaiToday } from '../identity/index.ts';
 *   const parsed = parseIdNumber(input, { today: shanghaiToday() });
 */
export * from './bank-card.ts';
export * from './id-number.ts';
export * from './mask.ts';
export * from './name.ts';
export * from './phone.ts';
