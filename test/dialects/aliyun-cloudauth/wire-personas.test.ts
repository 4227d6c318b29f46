/**
 * Every served action through every official SDK client, with the sandbox personas reaching each
 * BizCode / SubCode / IspName and each information-verification Code (spec aliyun.md §4.2, §4.3).
 *
 * SDK behaviour on a business Code ≠ "200" (HTTP 200) is documented in §9.4 and expected here:
 * pop-core throws `<Code>Error`; the Tea client returns the body as data.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ABSENT, PERSONAS } from '../../../src/authorities/sandbox/personas.ts';
import { CARD_SUBCODES } from '../../../src/dialects/aliyun-cloudauth/codes.ts';
import { type Answer, CLIENTS, callerFor, useWireServer } from './wire-client.ts';

const ctx = useWireServer();

const persona = (name: string) => PERSONAS.find((p) => p.record.name === name)!.record;
const ZHANG = persona('张三');
const LI = persona('李娜');
const AYI = persona('阿依古丽·买买提');
const WANG = persona('王芳');
const BUSY = persona('陈忙');
const UPGRADING = persona('赵升');
const LIMITED = persona('孙限');
const NORMAL_CARD = ZHANG.bankCards.find((c) => c.state === 'normal')!.number;

type Expect = { code: string; biz?: string; sub?: string; isp?: string };
type Case = [name: string, params: Record<string, string>, expected: Expect];

const ok = (biz: string, sub?: string, isp?: string): Expect => ({
  code: '200',
  biz,
  ...(sub && { sub }),
  ...(isp && { isp }),
});
const info = (code: string): Expect => ({ code });

const id = (p: { name: string; idNumber: string }) => ({
  ParamType: 'normal',
  UserName: p.name,
  IdentifyNum: p.idNumber,
});

const ID2_CASES: Case[] = [
  ['match', id(ZHANG), ok('1')],
  ['name mismatch', id({ name: '张四', idNumber: ZHANG.idNumber }), ok('2')],
  ['no record', id({ name: '张三', idNumber: ABSENT.idNumber }), ok('3')],
  ['bad check character', id({ name: '张三', idNumber: '110105199003070018' }), info('401')],
  ['name with a digit', id({ name: '张三1', idNumber: ZHANG.idNumber }), info('401')],
  ['missing IdentifyNum', { ParamType: 'normal', UserName: '张三' }, info('400')],
  ['ParamType md5', { ...id(ZHANG), ParamType: 'md5' }, info('401')],
  ['authority busy', id(BUSY), info('402')],
  ['authority upgrading', id(UPGRADING), info('402')],
  ['attempt limit', id(LIMITED), info('403')],
];

const period = (p: { name: string; idNumber: string }, start: string, end: string) => ({
  ...id(p),
  ValidityStartDate: start,
  ValidityEndDate: end,
});

const PERIOD_CASES: Case[] = [
  ['dates match', period(ZHANG, '20150301', '20350301'), ok('1')],
  ['end date differs', period(ZHANG, '20150301', '20350302'), ok('2')],
  ['long-term as 长期', period(LI, '20100601', '长期'), ok('1')],
  ['long-term as 00000000', period(LI, '20100601', '00000000'), ok('1')],
  ['long-term card given an end date', period(LI, '20100601', '20300601'), ok('2')],
  ['impossible date', period(ZHANG, '20151301', '20350301'), info('401')],
  ['missing end date', { ...id(ZHANG), ValidityStartDate: '20150301' }, info('400')],
  [
    'no record',
    period({ name: '张三', idNumber: ABSENT.idNumber }, '20150301', '20350301'),
    ok('3'),
  ],
];

const bank = (productType: string, card: string, extra: Record<string, string> = {}) => ({
  ParamType: 'normal',
  VerifyMode: 'VERIFY_BANK_CARD',
  ProductType: productType,
  UserName: ZHANG.name,
  IdentifyNum: ZHANG.idNumber,
  Mobile: ZHANG.phone!,
  BankCard: card,
  ...extra,
});

const BANK_CASES: Case[] = [
  ['2 elements match', bank('BANK_CARD_2_META', NORMAL_CARD), ok('1', '101')],
  ['3 elements match', bank('BANK_CARD_3_META', NORMAL_CARD), ok('1', '101')],
  ['4 elements match', bank('BANK_CARD_4_META', NORMAL_CARD), ok('1', '101')],
  [
    '2 elements wrong name',
    bank('BANK_CARD_2_META', NORMAL_CARD, { UserName: '张四' }),
    ok('2', '201'),
  ],
  [
    '3 elements wrong ID',
    bank('BANK_CARD_3_META', NORMAL_CARD, { IdentifyNum: LI.idNumber }),
    ok('2', '201'),
  ],
  [
    '4 elements wrong phone',
    bank('BANK_CARD_4_META', NORMAL_CARD, { Mobile: LI.phone! }),
    ok('2', '201'),
  ],
  ['unknown card', bank('BANK_CARD_2_META', ABSENT.bankCard), ok('3', '304')],
  ['card number too short', bank('BANK_CARD_2_META', '62220210'), info('401')],
  [
    'missing ProductType',
    { ...bank('BANK_CARD_2_META', NORMAL_CARD), ProductType: '' },
    info('400'),
  ],
  ['unknown ProductType', bank('BANK_CARD_9_META', NORMAL_CARD), info('401')],
  [
    'missing Mobile for 4 elements',
    { ...bank('BANK_CARD_4_META', NORMAL_CARD), Mobile: '' },
    info('400'),
  ],
  [
    'bank busy',
    bank('BANK_CARD_4_META', BUSY.bankCards[0]!.number, {
      UserName: BUSY.name,
      IdentifyNum: BUSY.idNumber,
      Mobile: BUSY.phone!,
    }),
    info('402'),
  ],
  [
    'attempt limit (SubCode 306)',
    bank('BANK_CARD_2_META', LIMITED.bankCards[0]!.number, { UserName: LIMITED.name }),
    ok('3', '306'),
  ],
  ...ZHANG.bankCards
    .filter((card) => card.state !== 'normal')
    .map((card): Case => {
      const sub = CARD_SUBCODES[card.state as keyof typeof CARD_SUBCODES];
      return [
        `card ${card.state}`,
        bank('BANK_CARD_2_META', card.number),
        ok(sub[0] === '3' ? '3' : '2', sub),
      ];
    }),
];

const mobile = (p: { name: string; idNumber: string }, phone: string) => ({
  ...id(p),
  Mobile: phone,
});

/** [name, params, BizCode, Detail SubCode, IspName] or a Code. */
type MobileCase = [string, Record<string, string>, Expect & { detailSub?: string }];
const MOBILE_CASES: MobileCase[] = [
  ['match CMCC', mobile(ZHANG, ZHANG.phone!), { ...ok('1', undefined, 'CMCC'), detailSub: '101' }],
  ['match CUCC', mobile(AYI, AYI.phone!), { ...ok('1', undefined, 'CUCC'), detailSub: '101' }],
  ['match CTCC', mobile(WANG, WANG.phone!), { ...ok('1', undefined, 'CTCC'), detailSub: '101' }],
  [
    'phone and ID agree, name does not',
    mobile({ name: '张四', idNumber: ZHANG.idNumber }, ZHANG.phone!),
    { ...ok('2', undefined, 'CMCC'), detailSub: '203' },
  ],
  [
    'phone and name agree, ID does not',
    mobile({ name: ZHANG.name, idNumber: LI.idNumber }, ZHANG.phone!),
    { ...ok('2', undefined, 'CMCC'), detailSub: '202' },
  ],
  [
    'phone belongs to someone else',
    mobile(LI, ZHANG.phone!),
    { ...ok('2', undefined, 'CMCC'), detailSub: '201' },
  ],
  ['no record', mobile(ZHANG, ABSENT.phone), { ...ok('3', undefined, 'CMCC'), detailSub: '301' }],
  ['malformed phone', mobile(ZHANG, '1380013800'), info('401')],
  ['data-only number range', mobile(ZHANG, '14700000000'), info('405')],
  ['missing Mobile', id(ZHANG), info('400')],
  ['authority busy', mobile(BUSY, BUSY.phone!), info('402')],
  ['attempt limit', mobile(LIMITED, LIMITED.phone!), info('403')],
];

/** China Broadnet: only the …StandardVerify actions cover it (§4.2). */
const CBCC: Record<string, string> = mobile(ZHANG, '19200000000');

const check = (answer: Answer, expected: Expect, pop: boolean) => {
  assert.equal(answer.code, expected.code);
  assert.equal(answer.bizCode, expected.biz);
  assert.equal(answer.subCode, expected.sub);
  assert.equal(answer.ispName, expected.isp);
  // §9.4: pop-core throws on every Code ≠ "200"; Tea never throws on HTTP 200.
  assert.equal(answer.threw, pop && expected.code !== '200');
  if (answer.threw) assert.equal(answer.errorName, `${expected.code}Error`);
  if (!pop) assert.equal(answer.status, 200);
};

for (const client of CLIENTS) {
  const pop = client.startsWith('pop');
  describe(`wire ${client}`, () => {
    const run = async (action: string, params: Record<string, string>, expected: Expect) =>
      check(await callerFor(ctx.server, ctx.app, client)(action, params), expected, pop);

    for (const action of ['Id2MetaVerify', 'Id2MetaStandardVerify']) {
      for (const [name, params, expected] of ID2_CASES) {
        test(`case=${action} ${name}`, () => run(action, params, expected));
      }
    }
    for (const [name, params, expected] of PERIOD_CASES) {
      test(`case=Id2MetaPeriodVerify ${name}`, () => run('Id2MetaPeriodVerify', params, expected));
    }
    for (const [name, params, expected] of BANK_CASES) {
      test(`case=BankMetaVerify ${name}`, () => run('BankMetaVerify', params, expected));
    }
    for (const action of ['Mobile3MetaSimpleVerify', 'Mobile3MetaSimpleStandardVerify']) {
      for (const [name, params, { detailSub: _, ...expected }] of MOBILE_CASES) {
        test(`case=${action} ${name}`, () => run(action, params, expected));
      }
    }
    for (const action of ['Mobile3MetaDetailVerify', 'Mobile3MetaDetailStandardVerify']) {
      for (const [name, params, { detailSub, ...expected }] of MOBILE_CASES) {
        const sub = detailSub ? { sub: detailSub } : {};
        test(`case=${action} ${name}`, () => run(action, params, { ...expected, ...sub }));
      }
    }
    test('case=CBCC number on the non-Standard actions is out of range', async () => {
      await run('Mobile3MetaSimpleVerify', CBCC, info('405'));
      await run('Mobile3MetaDetailVerify', CBCC, info('405'));
    });
    test('case=CBCC number on the Standard actions', async () => {
      await run('Mobile3MetaSimpleStandardVerify', CBCC, ok('3', undefined, 'CBCC'));
      await run('Mobile3MetaDetailStandardVerify', CBCC, ok('3', '301', 'CBCC'));
    });
  });
}
