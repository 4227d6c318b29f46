/**
 * The ID-card reader end to end on a handful of generated photos and the shared samples:
 * location and rectification, field extraction, the quality gate and wrong-side detection.
 * The ≥ 300-side evaluation is `npm run eval:ocr`; the slow suite reads every shared sample.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import {
  createIdCardReader,
  type FrontResult,
  type BackResult,
} from '../../src/engines/idcard/index.ts';
import { locateCard } from '../../src/engines/idcard/locate.ts';
import {
  createRng,
  generateCard,
  makePersona,
  renderCard,
} from '../../src/engines/idcard/synth/index.ts';
import { decodeImage } from '../../src/engines/image/index.ts';

const SAMPLES = join(import.meta.dirname, '../../../shared/data/idcard-samples');
const TODAY = '2026-11-24';

test('case=the card is found within a few pixels under rotation, perspective and a 180° turn', async () => {
  for (const [seed, variant] of [
    [11, 'rotated'],
    [12, 'perspective'],
    [13, 'upside-down'],
  ] as const) {
    const card = await generateCard(seed, 'front', variant);
    const decoded = await decodeImage(card.image, { maxSide: 1600 });
    assert.ok(decoded.ok);
    const found = locateCard(decoded.image);
    assert.ok(found && !found.fullFrame, `${variant}: card not found`);
    // The locator cannot tell 0° from 180°: compare corner sets, not order.
    for (const p of card.quad) {
      const d = Math.min(...found.quad.map((q) => Math.hypot(q.x - p.x, q.y - p.y)));
      assert.ok(d < 4, `${variant}: corner off by ${d.toFixed(1)} px`);
    }
  }
});

test('id-card reader on generated cards', async (t) => {
  const reader = await createIdCardReader({ workers: 1, today: TODAY });
  t.after(() => reader.close());

  await t.test('case=front of a rotated card: every field, portrait and no warnings', async () => {
    const card = await generateCard(21, 'front', 'rotated');
    const r = (await reader.readFront(card.image)) as FrontResult;
    assert.equal(r.kind, 'front', JSON.stringify(r));
    const p = card.persona;
    assert.deepEqual(r.fields, {
      name: p.name,
      sex: p.sex,
      nation: p.nation,
      birthDate: p.birthDate,
      address: p.address,
      idNumber: p.idNumber,
    });
    assert.deepEqual(r.warnings, []);
    assert.deepEqual(r.fromIdNumber, {
      birthDate: p.birthDate,
      sex: p.sex,
      regionCode: p.idNumber.slice(0, 6),
    });
    const meta = await sharp(r.portrait.image).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.ok(Buffer.isBuffer(r.portrait.image));
    assert.ok(r.quality.score > 0.5 && r.quality.cardWidthPx > 700, JSON.stringify(r.quality));
  });

  await t.test('case=a tightly cropped scan (no border) is read as the whole frame', async () => {
    const persona = makePersona(createRng(27));
    const scan = renderCard(persona, 'front', createRng(28), 1).toBuffer('image/png');
    const r = (await reader.readFront(scan)) as FrontResult;
    assert.equal(r.kind, 'front', JSON.stringify(r));
    assert.equal(r.quality.fullFrame, true);
    assert.equal(r.fields.idNumber, persona.idNumber);
    assert.equal(r.fields.name, persona.name);
  });

  await t.test('case=back of an upside-down card', async () => {
    const card = await generateCard(22, 'back', 'upside-down');
    const r = (await reader.readBack(card.image)) as BackResult;
    assert.equal(r.kind, 'back', JSON.stringify(r));
    assert.equal(r.upsideDown, true);
    const p = card.persona;
    assert.deepEqual(r.fields, {
      authority: p.authority,
      validFrom: p.validFrom,
      validTo: p.validTo,
    });
  });

  await t.test('case=quality gate answers retakes', async () => {
    const small = await generateCard(23, 'front', 'too-small');
    assert.deepEqual(pick(await reader.readFront(small.image)), ['retake', 'card_too_small']);
    const blurred = await generateCard(24, 'front', 'too-blurred');
    assert.deepEqual(pick(await reader.readFront(blurred.image)), ['retake', 'blurred']);
    const glare = await generateCard(25, 'front', 'glare');
    assert.deepEqual(pick(await reader.readFront(glare.image)), ['retake', 'glare']);
  });

  await t.test('case=wrong side, no card and undecodable input are typed retakes', async () => {
    const back = await generateCard(26, 'back', 'clean');
    assert.deepEqual(pick(await reader.readFront(back.image)), ['retake', 'wrong_side']);
    const desk = await sharp({
      create: { width: 1200, height: 800, channels: 3, background: '#6b4f2a' },
    })
      .jpeg()
      .toBuffer();
    assert.deepEqual(pick(await reader.readFront(desk)), ['retake', 'card_not_found']);
    assert.deepEqual(pick(await reader.readBack(Buffer.from('not an image'))), [
      'retake',
      'image_invalid',
    ]);
  });

  await t.test('case=shared samples (clean and degraded fronts)', async (st) => {
    if (!existsSync(join(SAMPLES, 'truth.json'))) {
      st.skip('../shared/data/idcard-samples is absent: sample cards not read');
      return;
    }
    const truth = JSON.parse(readFileSync(join(SAMPLES, 'truth.json'), 'utf8'));
    for (const file of ['p1_front_degraded.jpg', 'p3_front_clean.png']) {
      const r = (await reader.readFront(readFileSync(join(SAMPLES, file)))) as FrontResult;
      const want = truth[file.slice(0, 2)];
      assert.equal(r.kind, 'front', file);
      assert.equal(r.fields.idNumber, want.id, file);
      assert.equal(r.fields.name, want.name, file);
      assert.equal(r.fields.address, want.addr, file);
    }
    const back = (await reader.readBack(
      readFileSync(join(SAMPLES, 'p2_back_degraded.jpg')),
    )) as BackResult;
    assert.equal(back.fields.authority, truth.p2.authority);
    const [from, to] = (truth.p2.valid as string).split('-').map((d) => d.replaceAll('.', '-'));
    assert.deepEqual([back.fields.validFrom, back.fields.validTo], [from, to]);
  });
});

const pick = (r: { kind: string; reason?: string }) => [r.kind, r.reason];
