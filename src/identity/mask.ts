/**
 * Display masking (spec §6). Everything works by code point, so an Ext B name is never split
 * into lone surrogates, and nothing throws. Inputs shorter than the real-world length of the
 * value never show more than half of their code points.
 */

/**
 * First 6 + last 4 of an ID number.
 *
 * @example
 *   maskIdNumber('110101199003071234'); // '110101********1234'
 */
export function maskIdNumber(s: string): string {
  return maskEnds(s, 6, 4, 18);
}

/**
 * Keeps the first code point (the surname, usually) and stars the rest.
 *
 * @example
 *   maskName('张三'); // '张*'
 *   maskName('王');   // '*'
 */
export function maskName(s: string): string {
  const chars = codePoints(s);
  if (chars.length <= 1) return '*'.repeat(chars.length);
  return chars[0] + '*'.repeat(chars.length - 1);
}

/**
 * First 3 + last 4 of a mobile number.
 *
 * @example
 *   maskPhone('13812345678'); // '138****5678'
 */
export function maskPhone(s: string): string {
  return maskEnds(s, 3, 4, 11);
}

/**
 * First 4 + last 4 of a card number, stars in between and no grouping spaces.
 *
 * @example
 *   maskBankCard('6222021234567890123'); // '6222***********0123'
 */
export function maskBankCard(s: string): string {
  return maskEnds(s, 4, 4, 15);
}

// Below `fullLength` the reveal budget is half the length, split in the head:tail ratio.
function maskEnds(s: string, head: number, tail: number, fullLength: number): string {
  const chars = codePoints(s);
  const n = chars.length;
  let [keepHead, keepTail] = [head, tail];
  if (n < fullLength) {
    const budget = Math.floor(n / 2);
    keepHead = Math.round((budget * head) / (head + tail));
    keepTail = budget - keepHead;
  }
  const middle = '*'.repeat(n - keepHead - keepTail);
  return chars.slice(0, keepHead).join('') + middle + chars.slice(n - keepTail).join('');
}

function codePoints(s: string): string[] {
  return typeof s === 'string' ? [...s] : [];
}
