/**
 * materials.verify and materials.result with the real face engine, ID-card reader and SQLite
 * store: one case per step of the documented order (src/core/materials-check.ts), on generated
 * cards of sandbox personas with a face photo from ../shared/data/faces-dev in the portrait
 * area (cases needing faces skip visibly when it is absent).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { createSandboxAuthority } from '../../src/authorities/sandbox/index.ts';
import { ABSENT, PERSONAS } from '../../src/authorities/sandbox/personas.ts';
import type { ImageInput, VerifyMaterials } from '../../src/core/commands.ts';
import { type Core, createCore } from '../../src/core/execute.ts';
import { createFaceEngine, type FaceEngine } from '../../src/engines/face/index.ts';
import { createIdCardReader, type IdCardReader } from '../../src/engines/idcard/index.ts';
import { createPiiCipher } from '../../src/security/pii.ts';
import { createSafeFetcher } from '../../src/security/safe-fetch.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { Store } from '../../src/store/store.ts';
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
const BIZ = 'onboarding';
const dataDir = mkdtempSync(join(tmpdir(), 'shiming-materials-'));

let reader: IdCardReader;
let faces: FaceEngine;
let store: Store;
let core: Core;
/** Photos made once: the live selfie, its screen replay, another live person, and card sides. */
const photos = {} as Record<
  'selfie' | 'screen' | 'other' | 'front' | 'back' | 'expired' | 'copy' | 'renamed' | 'renumbered',
  ImageInput
>;

const coreWith = (cards?: IdCardReader, retainImagesDays?: number) =>
  createCore({
    retainImagesDays,
    authority: createSandboxAuthority(),
    today: () => TODAY,
    adultAge: 18,
    faces,
    images: { fetcher: createSafeFetcher(), maxImageBytes: 8 * 1024 * 1024 },
    matchFar: 1e-4,
    cards,
    bizTypes: store.bizTypes,
    materials: store.materials,
  });

const makePhotos = async () => {
  const card = (persona = cardPersona(ZHANG), seed = 1, extra = {}) =>
    cardPhoto({ persona, side: 'front', seed, face: facePhoto('deepface/img4.jpg'), ...extra });
  const back = (validTo: string, seed: number) =>
    cardPhoto({
      persona: cardPersona(ZHANG, { validFrom: '2015-03-01', validTo }),
      side: 'back',
      seed,
    });
  const made = await Promise.all([
    card(),
    back('2035-03-01', 2),
    back('2025-03-01', 3),
    card(cardPersona(ZHANG), 4, { monochrome: true }),
    card(cardPersona(ZHANG, { name: '张四' }), 5),
    card(cardPersona(ZHANG, { idNumber: '110105199003070033' }), 6),
  ]);
  const [front, backOk, expired, copy, renamed, renumbered] = made.map(inline);
  Object.assign(photos, { front, back: backOk, expired, copy, renamed, renumbered });
  photos.selfie = inline(facePhoto('spoof/img1_real.jpg'));
  photos.screen = inline(facePhoto('spoof/img1_screen.jpg'));
  photos.other = inline(facePhoto('spoof/img18_real.jpg'));
};

before(async () => {
  store = openSqliteStore({ dataDir, fsync: false }, createPiiCipher(randomBytes(32)));
  await store.bizTypes.create(BIZ);
  if (!FACES_PRESENT) return;
  [reader, faces] = await Promise.all([
    createIdCardReader({ workers: 2, today: TODAY }),
    createFaceEngine('standard', { workers: 2 }),
  ]);
  await makePhotos();
  core = coreWith(reader);
});
after(async () => {
  await reader?.close();
  await faces?.close();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

let seq = 0;
/** A fresh task of 张三 with his live selfie, overridden per case. */
const task = (over: Partial<VerifyMaterials> = {}): VerifyMaterials => ({
  kind: 'materials.verify',
  bizType: BIZ,
  bizId: `task-${++seq}`,
  name: ZHANG.name,
  idNumber: ZHANG.idNumber,
  face: photos.selfie,
  ...over,
});
const as = (name: string) => ({ name, idNumber: person(name).idNumber });

/** Runs one submission; checks the answer carries materials facts and was stored as answered. */
const submit = async (cmd: VerifyMaterials) => {
  const o = await core.execute(cmd);
  const m = o.facts?.materials;
  assert.ok(m, `${o.code}: no materials facts`);
  assert.match(m.verifyToken, /^[0-9a-f]{32}$/);
  if (o.code !== 'unknown_biz_type' && o.code !== 'already_passed') {
    assert.equal(m.status, o.code);
    const stored = await core.execute({
      kind: 'materials.result',
      bizType: cmd.bizType,
      bizId: cmd.bizId,
    });
    assert.deepEqual(stored, o, 'materials.result answers what was stored');
  }
  return o;
};

test('materials.verify', { skip: FACES_PRESENT ? false : FACES_ABSENT }, async (t) => {
  await t.test('case=1 unknown BizType: answered, not stored', async () => {
    const cmd = task({ bizType: 'no-such-scenario' });
    assert.equal((await submit(cmd)).code, 'unknown_biz_type');
    assert.equal(await store.materials.find(cmd.bizType, cmd.bizId), undefined);
  });

  await t.test('case=3 invalid ID number, 4 identity against the authority', async () => {
    assert.equal(
      (await submit(task({ idNumber: '110105199003070018' }))).code,
      'invalid_id_number',
    );
    assert.equal((await submit(task({ name: '张3' }))).code, 'invalid_name');
    assert.equal((await submit(task({ idNumber: ABSENT.idNumber }))).code, 'not_found');
    const o = await submit(task({ name: '李四' }));
    assert.deepEqual([o.code, o.facts?.mismatch], ['mismatch', 'name']);
    assert.equal((await submit(task(as('陈忙')))).code, 'authority_unavailable');
  });

  await t.test(
    'case=5 front side: another name, another number, a black-and-white copy',
    async () => {
      const renamed = await submit(task({ front: photos.renamed }));
      assert.deepEqual([renamed.code, renamed.facts?.mismatch], ['card_mismatch', 'name']);
      assert.equal(renamed.facts?.materials?.idCard?.name, '张四');
      const renumbered = await submit(task({ front: photos.renumbered }));
      assert.deepEqual(
        [renumbered.code, renumbered.facts?.mismatch],
        ['card_mismatch', 'id_number'],
      );
      assert.equal((await submit(task({ front: photos.copy }))).code, 'card_not_original');
      const desk = { width: 1200, height: 800, channels: 3 as const, background: '#6b4f2a' };
      const blank = inline(await sharp({ create: desk }).jpeg().toBuffer());
      const unreadable = await submit(task({ front: blank }));
      assert.deepEqual(
        [unreadable.code, unreadable.facts?.cardProblem],
        ['card_unreadable', 'card_not_found'],
      );
    },
  );

  await t.test('case=6 back side: an expired card', async () => {
    const o = await submit(task({ front: photos.front, back: photos.expired }));
    assert.equal(o.code, 'card_expired');
    assert.equal(o.facts?.materials?.idCard?.validTo, '2025-03-01');
  });

  await t.test('case=7 the selfie: a screen replay fails liveness', async () => {
    assert.equal((await submit(task({ face: photos.screen }))).code, 'liveness_failed');
  });

  await t.test('case=8 selfie vs card portrait, 9 vs the authority portrait', async () => {
    const card = await submit(task({ face: photos.other, front: photos.front }));
    assert.deepEqual([card.code, card.facts?.against], ['mismatch', 'card']);
    assert.ok(card.facts!.materials!.cardScore!.far > 1e-4);
    const authority = await submit(task(as('李娜')));
    assert.deepEqual([authority.code, authority.facts?.against], ['mismatch', 'authority']);
    assert.equal(authority.facts?.materials?.cardScore, undefined, 'no card, no card score');
    const none = await submit(task(as('王芳')));
    assert.deepEqual([none.code, none.facts?.portraitProblem], ['no_portrait', 'missing']);
  });

  await t.test('case=10 risk personas are refused after every comparison passed', async () => {
    for (const [name, risk] of [
      ['钱户', 'not_account_holder'],
      ['郑异', 'different_person'],
    ]) {
      const o = await submit(task(as(name!)));
      assert.deepEqual([o.code, o.facts?.risk], ['risk_rejected', risk]);
      assert.ok(o.facts!.materials!.authorityScore!.far <= 1e-4);
    }
  });

  await t.test(
    'case=a failed task resubmitted passes, then is final (2 already passed)',
    async () => {
      const first = task({ face: photos.screen, front: photos.front, back: photos.back });
      assert.equal((await submit(first)).code, 'liveness_failed');
      const passed = await submit({ ...first, face: photos.selfie });
      assert.equal(passed.code, 'match', JSON.stringify(passed.facts));
      const m = passed.facts!.materials!;
      assert.ok(m.cardScore!.far <= 1e-4 && m.authorityScore!.far <= 1e-4);
      assert.deepEqual(
        [m.idCard?.name, m.idCard?.idNumber, m.idCard?.authority, m.idCard?.validTo],
        [ZHANG.name, ZHANG.idNumber, ZHANG.idCard!.authority, '2035-03-01'],
      );
      assert.equal(m.idCard?.portrait, undefined, 'images are not kept');
      const again = await submit({ ...first, name: '李四' });
      assert.equal(again.code, 'already_passed');
      assert.equal(again.facts?.materials?.verifyToken, m.verifyToken);
      const stored = await store.materials.find(first.bizType, first.bizId);
      assert.equal(stored?.outcome.code, 'match');
      assert.doesNotMatch(JSON.stringify(stored), /"portrait"|\/9j\//, 'no image stored');
    },
  );

  await t.test('case=URLs are echoed in submitted, images never', async () => {
    const o = await submit(
      task({ idNumber: '12345', face: { url: 'https://img.example/face.jpg' } }),
    );
    assert.deepEqual(o.facts?.materials?.submitted, {
      name: ZHANG.name,
      idNumber: '12345',
      faceUrl: 'https://img.example/face.jpg',
    });
  });

  await t.test(
    'case=image retention: off keeps no photo; on keeps the latest, sealed',
    async () => {
      const bytes = (image: ImageInput) =>
        'base64' in image ? Buffer.from(image.base64, 'base64') : undefined;
      const off = task({ face: photos.screen, front: photos.front, back: photos.back });
      assert.equal((await submit(off)).code, 'liveness_failed');
      assert.equal(await store.materials.findImages(off.bizType, off.bizId), undefined);

      const retaining = coreWith(reader, 30);
      const first = task({ face: photos.screen, front: photos.front, back: photos.back });
      assert.equal((await retaining.execute(first)).code, 'liveness_failed');
      const stored = await store.materials.find(first.bizType, first.bizId);
      const kept = await store.materials.findImages(first.bizType, first.bizId);
      assert.deepEqual(kept, {
        images: {
          face: bytes(photos.screen),
          front: bytes(photos.front),
          back: bytes(photos.back),
        },
        purgeAt: stored!.updatedAt + 30 * 24 * 60 * 60 * 1000,
      });
      const passed = await retaining.execute({ ...first, face: photos.selfie, front: undefined });
      assert.equal(passed.code, 'match');
      assert.doesNotMatch(JSON.stringify(passed), /\/9j\//, 'no image in the answer');
      const latest = await store.materials.findImages(first.bizType, first.bizId);
      assert.deepEqual(latest?.images, { face: bytes(photos.selfie), back: bytes(photos.back) });
      const refused = await retaining.execute({ ...first, face: photos.other });
      assert.equal(refused.code, 'already_passed');
      assert.deepEqual(await store.materials.findImages(first.bizType, first.bizId), latest);
    },
  );

  await t.test('case=card sides without the reader answer service_unavailable', async () => {
    const o = await coreWith(undefined).execute(task({ front: photos.front }));
    assert.equal(o.code, 'service_unavailable');
  });
});

test('materials.result', async (t) => {
  const describe = (bizType: string, bizId: string) =>
    createCore({
      authority: createSandboxAuthority(),
      today: () => TODAY,
      adultAge: 18,
      images: { fetcher: createSafeFetcher(), maxImageBytes: 1024 },
      matchFar: 1e-4,
      bizTypes: store.bizTypes,
      materials: store.materials,
    }).execute({ kind: 'materials.result', bizType, bizId });
  await t.test('case=an unknown task has no result; an unknown BizType is named', async () => {
    assert.deepEqual(await describe(BIZ, 'never-submitted'), { code: 'no_result' });
    assert.deepEqual(await describe('no-such-scenario', 'x'), { code: 'unknown_biz_type' });
  });
});
