/**
 * Bank card numbers (spec §3): 15–19 digits, Luhn as a soft signal, issuer by the longest
 * BIN that matches at the card's length.
 */
import { binTable } from './tables.ts';
import { stripGrouping } from './text.ts';

export type CardType = 'DC' | 'CC' | 'SCC' | 'PC';

export interface CardIssuer {
  bankCode: string;
  bankName: string;
  cardType: CardType;
  cardTypeName: string;
}

export type ParsedBankCard =
  | { ok: true; value: string; luhn: boolean; issuer: CardIssuer | null }
  | { ok: false; problem: 'format' };

// §3.1: the BIN table has 15-digit cards, so not just 16–19.
const CARD = /^[1-9]\d{14,18}$/;

/**
 * Normalises a card number. `luhn: false` is reported, never refused: some genuine Chinese
 * debit cards fail it (§3.2). `issuer: null` means unknown bank, not an invalid card.
 *
 * @example
 *   parseBankCard('6212 6000 2000 0000 000');
 *   // { ok: true, value: '6212600020000000000', luhn: false, issuer: { bankCode: 'ESRCB', ... } }
 */
export function parseBankCard(raw: string): ParsedBankCard {
  const value = stripGrouping(raw);
  if (!CARD.test(value)) return { ok: false, problem: 'format' };
  return { ok: true, value, luhn: luhnValid(value), issuer: lookupIssuer(value) };
}

/**
 * Luhn (mod 10) check over a string of ASCII digits; false for anything else.
 *
 * @example
 *   luhnValid('4111111111111111'); // true
 */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(digits.length - 1 - i) - 48;
    sum += i % 2 === 0 ? d : d < 5 ? d * 2 : d * 2 - 9;
  }
  return sum % 10 === 0;
}

/**
 * Issuer of a card number: the longest BIN among rows with the card's length (§3.4), since
 * 622303 is ICBC at 18 digits but Bank of Nanjing at 16, and sub-BINs such as 62249804 belong
 * to other banks than their parent. The table is shared: treat the result as read-only.
 *
 * @example
 *   lookupIssuer('6224980400000000000')?.bankCode; // 'BOCZ' (沧州银行), not 'BHB'
 */
export function lookupIssuer(cardNumber: string): CardIssuer | null {
  const digits = stripGrouping(cardNumber);
  if (!/^\d+$/.test(digits)) return null;
  const table = binTable();
  for (let n = digits.length - 1; n > 0; n--) {
    const issuer = table.get(`${digits.length}:${digits.slice(0, n)}`);
    if (issuer) return issuer;
  }
  return null;
}
