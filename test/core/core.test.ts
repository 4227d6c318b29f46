import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSandboxAuthority } from '../../src/authorities/sandbox/index.ts';
import { ABSENT, PERSONAS } from '../../src/authorities/sandbox/personas.ts';
import type { Command } from '../../src/core/commands.ts';
import { createCore } from '../../src/core/execute.ts';
import { CARD_STATES } from '../../src/core/outcomes.ts';
import { createSafeFetcher } from '../../src/security/safe-fetch.ts';

const core = createCore({
  authority: createSandboxAuthority(),
  today: () => '2026-11-24',
  adultAge: 18,
  images: { fetcher: createSafeFetcher(), maxImageBytes: 1024 },
  matchFar: 1e-4,
});
const run = (command: Command) => core.execute(command);
const zhang = PERSONAS[0]!.record;
const li = PERSONAS[1]!.record;
const busy = PERSONAS.find((p) => p.behaviour === 'busy')!.record;
const upgrading = PERSONAS.find((p) => p.behaviour === 'upgrading')!.record;
const limited = PERSONAS.find((p) => p.behaviour === 'attempt_limit')!.record;
const minor = PERSONAS.find((p) => p.role.startsWith('minor'))!.record;

const identity = (
  name: string,
  idNumber: string,
  validity?: { begin: string; end: string },
): Command => ({
  kind: 'identity.verify',
  name,
  idNumber,
  validity,
});

test('identity.verify', async (t) => {
  const cases: [string, Command, string, object?][] = [
    ['match', identity(zhang.name, zhang.idNumber), 'match'],
    ['match after normalisation', identity(' 张 三 ', zhang.idNumber.toLowerCase()), 'match'],
    ['name mismatch', identity('李四', zhang.idNumber), 'mismatch', { mismatch: 'name' }],
    ['absent', identity('张三', ABSENT.idNumber), 'not_found'],
    [
      'bad checksum',
      identity('张三', '110105199003070018'),
      'invalid_id_number',
      { idProblem: 'checksum' },
    ],
    ['bad format', identity('张三', '12345'), 'invalid_id_number', { idProblem: 'format' }],
    ['bad name', identity('张3', zhang.idNumber), 'invalid_name'],
    ['busy', identity(busy.name, busy.idNumber), 'authority_unavailable'],
    ['upgrading', identity(upgrading.name, upgrading.idNumber), 'authority_upgrading'],
    ['attempt limit', identity(limited.name, limited.idNumber), 'attempt_limit'],
    [
      'validity match',
      identity(zhang.name, zhang.idNumber, { begin: '20150301', end: '20350301' }),
      'match',
    ],
    [
      'long-term validity',
      identity(li.name, li.idNumber, { begin: '20100601', end: '00000000' }),
      'match',
    ],
    [
      'validity mismatch',
      identity(zhang.name, zhang.idNumber, { begin: '20150301', end: '20350302' }),
      'mismatch',
      { mismatch: 'validity' },
    ],
    [
      'validity not a date',
      identity(zhang.name, zhang.idNumber, { begin: '20150231', end: '20350301' }),
      'invalid_validity',
    ],
    [
      'validity reversed',
      identity(zhang.name, zhang.idNumber, { begin: '20350301', end: '20150301' }),
      'invalid_validity',
    ],
  ];
  for (const [name, command, code, facts] of cases) {
    await t.test(`case=${name}`, async () => {
      const result = await run(command);
      assert.equal(result.code, code);
      if (facts) assert.deepEqual(result.facts, facts);
    });
  }
});

test('identity.adult', async (t) => {
  await t.test('case=adult by identity', async () => {
    assert.deepEqual(
      await run({
        kind: 'identity.adult',
        by: 'identity',
        name: zhang.name,
        idNumber: zhang.idNumber,
      }),
      { code: 'match', facts: { adult: true } },
    );
  });
  await t.test('case=minor by identity', async () => {
    assert.deepEqual(
      await run({
        kind: 'identity.adult',
        by: 'identity',
        name: minor.name,
        idNumber: minor.idNumber,
      }),
      { code: 'match', facts: { adult: false } },
    );
  });
  await t.test('case=minor by phone', async () => {
    assert.deepEqual(await run({ kind: 'identity.adult', by: 'phone', phone: minor.phone! }), {
      code: 'match',
      facts: { adult: false },
    });
  });
  await t.test('case=mismatch', async () => {
    assert.equal(
      (
        await run({
          kind: 'identity.adult',
          by: 'identity',
          name: '李四',
          idNumber: zhang.idNumber,
        })
      ).code,
      'mismatch',
    );
  });
  await t.test('case=unknown phone', async () => {
    assert.equal(
      (await run({ kind: 'identity.adult', by: 'phone', phone: ABSENT.phone })).code,
      'not_found',
    );
  });
});

test('bankcard.verify', async (t) => {
  const normal = zhang.bankCards[0]!;
  const card = (extra: Partial<Extract<Command, { kind: 'bankcard.verify' }>>): Command => ({
    kind: 'bankcard.verify',
    name: zhang.name,
    bankCard: normal.number,
    ...extra,
  });
  const cases: [string, Command, string, string?][] = [
    ['2 elements', card({}), 'match'],
    ['3 elements', card({ idNumber: zhang.idNumber }), 'match'],
    ['4 elements', card({ idNumber: zhang.idNumber, phone: zhang.phone }), 'match'],
    ['wrong name', card({ name: '李四' }), 'mismatch', 'name'],
    ['wrong id', card({ idNumber: li.idNumber }), 'mismatch', 'id_number'],
    ['wrong both', card({ name: '李四', idNumber: li.idNumber }), 'mismatch', 'name_and_id_number'],
    ['wrong phone', card({ idNumber: zhang.idNumber, phone: '13900139000' }), 'mismatch', 'phone'],
    ['unknown card', card({ bankCard: ABSENT.bankCard }), 'not_found'],
    ['bad card', card({ bankCard: '123' }), 'invalid_bank_card'],
    ['bad phone', card({ phone: '12345' }), 'invalid_phone'],
    ['cert type', card({ certType: 1 }), 'unsupported_cert_type'],
    [
      'busy holder',
      card({ name: busy.name, bankCard: busy.bankCards[0]!.number }),
      'authority_unavailable',
    ],
  ];
  for (const [name, command, code, mismatch] of cases) {
    await t.test(`case=${name}`, async () => {
      const result = await run(command);
      assert.equal(result.code, code);
      if (mismatch) assert.equal(result.facts?.mismatch, mismatch);
    });
  }
  for (const state of CARD_STATES.filter((s) => s !== 'normal')) {
    await t.test(`case=card state ${state}`, async () => {
      const number = zhang.bankCards.find((c) => c.state === state)!.number;
      const result = await run(card({ bankCard: number }));
      assert.equal(result.code, 'card_refused');
      assert.equal(result.facts?.cardState, state);
      assert.equal(result.facts?.bankCard?.bankCode, 'ICBC');
    });
  }
});

test('bankcard.lookup', async (t) => {
  await t.test('case=known issuer', async () => {
    const result = await run({ kind: 'bankcard.lookup', bankCard: '6217000000000000004' });
    assert.equal(result.code, 'match');
    assert.equal(result.facts?.bankCard?.bankCode, 'CCB');
    assert.equal(result.facts?.bankCard?.luhn, true);
  });
  await t.test('case=invalid', async () => {
    assert.equal(
      (await run({ kind: 'bankcard.lookup', bankCard: 'abc' })).code,
      'invalid_bank_card',
    );
  });
});

test('phone.verify', async (t) => {
  const phone = (extra: Partial<Extract<Command, { kind: 'phone.verify' }>>): Command => ({
    kind: 'phone.verify',
    name: zhang.name,
    idNumber: zhang.idNumber,
    phone: zhang.phone!,
    ...extra,
  });
  const cases: [string, Command, string, object?][] = [
    ['match', phone({}), 'match', { carrier: 'CMCC' }],
    [
      'id differs',
      phone({ idNumber: li.idNumber }),
      'mismatch',
      { mismatch: 'id_number', carrier: 'CMCC' },
    ],
    ['name differs', phone({ name: '李四' }), 'mismatch', { mismatch: 'name', carrier: 'CMCC' }],
    [
      'someone else',
      phone({ name: li.name, idNumber: li.idNumber }),
      'mismatch',
      { mismatch: 'name_and_id_number', carrier: 'CMCC' },
    ],
    ['unknown phone', phone({ phone: ABSENT.phone }), 'not_found', { carrier: 'CMCC' }],
    ['iot range', phone({ phone: '14400000000' }), 'unsupported_number_range'],
    [
      'wrong carrier variant',
      phone({ carrier: 'CUCC' }),
      'unsupported_number_range',
      { carrier: 'CMCC' },
    ],
    ['carrier variant', phone({ carrier: 'CMCC' }), 'match', { carrier: 'CMCC' }],
    ['bad phone', phone({ phone: '2345' }), 'invalid_phone'],
    [
      'upgrading',
      phone({ name: upgrading.name, idNumber: upgrading.idNumber, phone: upgrading.phone! }),
      'authority_upgrading',
      { carrier: 'CMCC' },
    ],
  ];
  for (const [name, command, code, facts] of cases) {
    await t.test(`case=${name}`, async () => {
      const result = await run(command);
      assert.equal(result.code, code);
      if (facts) assert.deepEqual(result.facts, facts);
    });
  }
});
