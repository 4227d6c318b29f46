/**
 * Writes N synthetic registry records (JSON Lines) with valid, made-up ID numbers and cards:
 * input for `shiming registry import` benchmarks. Usage: tsx scripts/gen-registry.ts N FILE
 */
import { createWriteStream } from 'node:fs';
import { checkCharacter } from '../src/identity/index.ts';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚';
const luhnDigit = (body: string): string => {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
};

export const syntheticRecord = (i: number) => {
  const day = new Date(Date.UTC(1950, 0, 1) + (i % 20000) * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replaceAll('-', '');
  const body = `110105${day}${String(Math.floor(i / 20000) % 1000).padStart(3, '0')}`;
  const card = `622202${String(i).padStart(12, '0')}`;
  return {
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
    idNumber: body + checkCharacter(body),
    phone: `139${String(i).padStart(8, '0')}`,
    bankCards: [{ number: card + luhnDigit(card) }],
  };
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count, file] = [Number(process.argv[2]), process.argv[3]];
  if (!count || !file) throw new Error('usage: tsx scripts/gen-registry.ts N FILE');
  const out = createWriteStream(file);
  for (let i = 0; i < count; i++) out.write(`${JSON.stringify(syntheticRecord(i))}\n`);
  out.end();
}
