/**
 * idcard.verify and idcard.check with the real ID-card reader and face engine on generated
 * card photos (sandbox personas printed on the synthetic card; the portrait area holds a face
 * photo from ../shared/data/faces-dev, skipped visibly when absent). One engine of each kind.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { createSandboxAuthority } from '../../src/authorities/sandbox/index.ts';
import { PERSONAS } from '../../src/authorities/sandbox/personas.ts';
import type { Command } from '../../src/core/commands.ts';
import { type Core, createCore } from '../../src/core/execute.ts';
import { MONOCHROME_COPY } from '../../src/core/idcard-check.ts';
import { createFaceEngine, type FaceEngine } from '../../src/engines/face/index.ts';
import { createIdCardReader, type IdCardReader } from '../../src/engines/idcard/index.ts';
import { createSafeFetcher } from '../../src/security/safe-fetch.ts';
import {
  cardPersona,
  cardPhoto,
  FACES_ABSENT,
  FACES_PRESENT,
  facePhoto,
  inline,
  TODAY,
} from './card-photos.ts';

const person = (name: string) => PERSONAS.find((p) => p.record.name === name)!.record;
const ZHANG = person('张三');

let reader: IdCardReader;
let faces: FaceEngine | undefined;
let core: Core;
const run = (command: Command) => core.execute(command);

const coreWith = (parts: { cards?: IdCardReader; faces?: FaceEngine }) =>
  createCore({
    authority: createSandboxAuthority(),
    today: () => TODAY,
    adultAge: 18,
    images: { fetcher: createSafeFetcher(), maxImageBytes: 8 * 1024 * 1024 },
    matchFar: 1e-4,
    ...parts,
  });

before(async () => {
  [reader, faces] = await Promise.all([
    createIdCardReader({ workers: 2, today: TODAY }),
    FACES_PRESENT ? createFaceEngine('standard', { workers: 2 }) : undefined,
  ]);
  core = coreWith({ cards: reader, faces });
});
after(async () => {
  await reader?.close();
  await faces?.close();
});

/** A front photo of `name`'s card, with a face photo in the portrait area when present. */
const front = async (name: string, seed: number, extra: { monochrome?: boolean } = {}) =>
  inline(
    await cardPhoto({
      persona: cardPersona(person(name)),
      side: 'front',
      seed,
      face: FACES_PRESENT ? facePhoto('deepface/img4.jpg') : undefined,
      ...extra,
    }),
  );

test('idcard.verify', async (t) => {
  await t.test('case=text elements win over the image', async () => {
    const o = await run({
      kind: 'idcard.verify',
      name: ZHANG.name,
      idNumber: ZHANG.idNumber,
      image: { base64: 'bm90IGFuIGltYWdl' },
    });
    assert.deepEqual(o, { code: 'match' });
  });

  await t.test('case=the card photo is read and its elements verified', async () => {
    const o = await run({ kind: 'idcard.verify', image: await front('张三', 11) });
    assert.equal(o.code, 'match', JSON.stringify(o.facts?.idCard));
    const card = o.facts!.idCard!;
    assert.equal(card.name, '张三');
    assert.equal(card.idNumber, ZHANG.idNumber);
    assert.equal(card.birthDate, '1990-03-07');
    assert.deepEqual(card.warnings, []);
    assert.ok(card.quality! > 0.5);
    assert.equal((await sharp(Buffer.from(card.portrait!, 'base64')).metadata()).format, 'jpeg');
  });

  await t.test('case=a card whose name the record does not hold is a name mismatch', async () => {
    const persona = cardPersona(ZHANG, { name: '张四' });
    const image = inline(await cardPhoto({ persona, side: 'front', seed: 12 }));
    const o = await run({ kind: 'idcard.verify', image });
    assert.equal(o.code, 'mismatch');
    assert.equal(o.facts?.mismatch, 'name');
    assert.equal(o.facts?.idCard?.name, '张四');
  });

  await t.test('case=a black-and-white copy is read, with the copy warning', async () => {
    const o = await run({
      kind: 'idcard.verify',
      image: await front('张三', 13, { monochrome: true }),
    });
    assert.equal(o.code, 'match');
    assert.deepEqual(o.facts?.idCard?.warnings, [MONOCHROME_COPY]);
  });

  await t.test('case=photos the reader refuses are card_unreadable or image outcomes', async () => {
    const desk = await sharp({
      create: { width: 1200, height: 800, channels: 3, background: '#6b4f2a' },
    })
      .jpeg()
      .toBuffer();
    assert.deepEqual(await run({ kind: 'idcard.verify', image: inline(desk) }), {
      code: 'card_unreadable',
      facts: { cardProblem: 'card_not_found' },
    });
    const junk = { base64: Buffer.from('not an image at all').toString('base64') };
    assert.deepEqual(await run({ kind: 'idcard.verify', image: junk }), { code: 'image_invalid' });
    assert.deepEqual(await run({ kind: 'idcard.verify', name: '张三' }), {
      code: 'missing_parameter',
    });
  });

  await t.test('case=without the reader an image answers service_unavailable', async () => {
    const o = await coreWith({ faces }).execute({
      kind: 'idcard.verify',
      image: { base64: 'AAAA' },
    });
    assert.deepEqual(o, { code: 'service_unavailable' });
  });
});

test('idcard.check', { skip: FACES_PRESENT ? false : FACES_ABSENT }, async (t) => {
  await t.test('case=the card portrait against the authority portrait (same person)', async () => {
    const o = await run({ kind: 'idcard.check', image: await front('张三', 21) });
    assert.equal(o.code, 'match', JSON.stringify(o));
    assert.equal(o.facts?.against, 'authority');
    assert.ok(o.facts!.face!.far <= 1e-4);
    assert.equal(o.facts?.idCard?.idNumber, ZHANG.idNumber);
    assert.ok(o.facts?.idCard?.portrait);
  });

  await t.test('case=a different person on the authority portrait is a face mismatch', async () => {
    const o = await run({ kind: 'idcard.check', image: await front('李娜', 22) });
    assert.equal(o.code, 'mismatch');
    assert.equal(o.facts?.mismatch, 'face');
    assert.equal(o.facts?.against, 'authority');
    assert.equal(o.facts?.idCard?.name, '李娜');
  });

  await t.test('case=no authority portrait, with what the card showed', async () => {
    const o = await run({ kind: 'idcard.check', image: await front('王芳', 23) });
    assert.equal(o.code, 'no_portrait');
    assert.equal(o.facts?.portraitProblem, 'missing');
    assert.equal(o.facts?.idCard?.name, '王芳');
  });

  await t.test('case=without the face engine it answers service_unavailable', async () => {
    const o = await coreWith({ cards: reader }).execute({
      kind: 'idcard.check',
      image: { base64: 'AAAA' },
    });
    assert.deepEqual(o, { code: 'service_unavailable' });
  });
});
