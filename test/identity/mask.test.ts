import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskBankCard, maskIdNumber, maskName, maskPhone } from '../../src/identity/mask.ts';
import { hasLoneSurrogate } from './synthetic.ts';

const revealed = (masked: string) => [...masked].filter((c) => c !== '*').length;

test('fixed examples (§6)', async (t) => {
  const cases: [string, string, string][] = [
    ['ID 18', maskIdNumber('110101199003071234'), '110101********1234'],
    ['ID ending X', maskIdNumber('11010519491231002X'), '110105********002X'],
    ['ID 15 proportional', maskIdNumber('110105491231002'), '1101********002'],
    ['ID longer than 18', maskIdNumber('1101011990030712345'), '110101*********2345'],
    ['name 2', maskName('张三'), '张*'],
    ['name 3', maskName('段誉明'), '段**'],
    ['name 1', maskName('王'), '*'],
    ['name with dot', maskName('努尔麦麦提·艾力'), '努*******'],
    ['Latin name', maskName('John Smith'), 'J*********'],
    ['phone 11', maskPhone('13812345678'), '138****5678'],
    ['phone with +86 kept as given', maskPhone('+8613812345678'), '+86*******5678'],
    ['card 19', maskBankCard('6222021234567890123'), '6222***********0123'],
    ['card 16', maskBankCard('6222021234567890'), '6222********7890'],
    ['card 15', maskBankCard('370000000001234'), '3700*******1234'],
  ];
  for (const [name, actual, expected] of cases) {
    await t.test(`case=${name}`, () => assert.equal(actual, expected));
  }
});

test('supplementary-plane characters', async (t) => {
  await t.test('case=Ext B surname kept whole', () => {
    const masked = maskName('𠮷野家');
    assert.equal(masked, '𠮷**');
    assert.equal(hasLoneSurrogate(masked), false);
  });
  await t.test('case=Ext B in the middle becomes one star', () => {
    assert.equal(maskName('张𠮷'), '张*');
  });
  await t.test('case=other masks count code points too', () => {
    for (const mask of [maskIdNumber, maskPhone, maskBankCard, maskName]) {
      for (let n = 0; n <= 25; n++) {
        const masked = mask('𠮷'.repeat(n));
        assert.equal(hasLoneSurrogate(masked), false);
        assert.equal([...masked].length, n);
      }
    }
  });
});

test('short or odd input never shows more than half', async (t) => {
  const masks = { maskIdNumber, maskPhone, maskBankCard, maskName };
  const full = { maskIdNumber: 18, maskPhone: 11, maskBankCard: 15, maskName: 2 };
  for (const [name, mask] of Object.entries(masks)) {
    await t.test(`case=${name}`, () => {
      for (let n = 1; n < full[name as keyof typeof full]; n++) {
        const input = '123456789012345678'.slice(0, n);
        const masked = mask(input);
        assert.equal(masked.length, n);
        assert.notEqual(masked, input);
        assert.ok(revealed(masked) <= Math.floor(n / 2), `${name}(${input}) = ${masked}`);
      }
    });
  }
  await t.test('case=empty string stays empty', () => {
    for (const mask of Object.values(masks)) assert.equal(mask(''), '');
  });
  await t.test('case=non-string input does not throw', () => {
    for (const mask of Object.values(masks)) assert.equal(mask(undefined as unknown as string), '');
  });
  await t.test('case=never the input unmasked when longer than what is kept', () => {
    for (let n = 1; n <= 40; n++) {
      const input = 'x'.repeat(n);
      for (const mask of Object.values(masks)) assert.notEqual(mask(input), input);
    }
  });
});
