import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import {
  createCalibrator,
  createFaceEngine,
  FAR_FLOOR,
  loadCalibration,
  resolvePack,
} from '../../src/engines/face/index.ts';
import { fromScale, toScale } from '../../src/dialects/face-scores.ts';

const DEV = join(import.meta.dirname, '../../../shared/data/faces-dev');
const present = existsSync(join(DEV, 'labels.csv'));
const photo = (rel: string) => readFileSync(join(DEV, rel));

const blank = () =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: '#ddd' } })
    .jpeg()
    .toBuffer();

const twoFaces = async () => {
  const left = await sharp(photo('deepface/img1.jpg'))
    .resize(400, 500, { fit: 'cover' })
    .toBuffer();
  const right = await sharp(photo('deepface/img15.jpg'))
    .resize(400, 500, { fit: 'cover' })
    .toBuffer();
  return sharp({ create: { width: 800, height: 500, channels: 3, background: '#777' } })
    .composite([
      { input: left, left: 0, top: 0 },
      { input: right, left: 400, top: 0 },
    ])
    .jpeg()
    .toBuffer();
};

// The conformance suite every pack runs (style.md "Seams"): outcomes and ordering only, since
// absolute thresholds belong to each pack's calibration table.
for (const pack of ['standard', 'clean']) {
  test(`face engine conformance: pack ${pack}`, async (t) => {
    if (!present) {
      t.skip('../shared/data/faces-dev is absent: face engine tests not run');
      return;
    }
    const engine = await createFaceEngine(pack, { workers: 1 });
    t.after(() => engine.close());
    const analyze = (buf: Buffer) => engine.analyze(buf, { role: 'selfie' });

    await t.test('case=same person is more similar than different people', async () => {
      const [a, b, c] = await Promise.all(
        ['deepface/img1.jpg', 'deepface/img2.jpg', 'deepface/img15.jpg'].map((f) =>
          analyze(photo(f)),
        ),
      );
      assert.deepEqual([a!.outcome, b!.outcome, c!.outcome], ['ok', 'ok', 'ok']);
      const same = engine.compare(a!, b!);
      const different = engine.compare(a!, c!);
      assert.ok(same.cosine > different.cosine);
      assert.ok(same.far < different.far, JSON.stringify({ same, different }));
    });

    await t.test('case=two faces give several_faces', async () => {
      const r = await analyze(await twoFaces());
      assert.equal(r.outcome, 'several_faces');
      assert.equal(r.faces.length, 2);
    });

    await t.test('case=blank image gives no_face', async () => {
      const r = await analyze(await blank());
      assert.equal(r.outcome, 'no_face');
      assert.equal(r.face, undefined);
    });

    await t.test('case=undecodable input is a typed outcome', async () => {
      assert.equal((await analyze(Buffer.from('not an image'))).outcome, 'image_invalid');
    });

    await t.test('case=portraits are never scored for liveness', async () => {
      const r = await engine.analyze(photo('deepface/img1.jpg'), {
        role: 'portrait',
        liveness: true,
      });
      assert.deepEqual(r.liveness, { status: 'not_run', reason: 'portrait' });
    });
  });
}

test('face engine: standard pack decisions, gates and liveness', async (t) => {
  if (!present) {
    t.skip('../shared/data/faces-dev is absent: face accuracy tests not run');
    return;
  }
  const engine = await createFaceEngine('standard', { workers: 1 });
  t.after(() => engine.close());
  const analyze = (buf: Buffer, liveness = false) =>
    engine.analyze(buf, { role: 'selfie', liveness });

  await t.test('case=same person passes (FAR ≤ 1e-3 with the East Asian margin)', async () => {
    const [a, b] = await Promise.all([
      analyze(photo('deepface/img1.jpg')),
      analyze(photo('deepface/img2.jpg')),
    ]);
    const { cosine, far } = engine.compare(a, b);
    assert.ok(far <= 1e-3, `cosine ${cosine} → FAR ${far}`);
    assert.ok(toScale(far, 'alibaba') >= 80);
  });

  await t.test('case=different people fail (FAR ≥ 1e-2)', async () => {
    const [a, b] = await Promise.all([
      analyze(photo('deepface/img1.jpg')),
      analyze(photo('deepface/img15.jpg')),
    ]);
    const { cosine, far } = engine.compare(a, b);
    assert.ok(far >= 1e-2, `cosine ${cosine} → FAR ${far}`);
    assert.ok(toScale(far, 'cloud-market') < 0.4);
  });

  await t.test('case=tiny face gives face_too_small', async () => {
    const small = await sharp(photo('deepface/img1.jpg')).resize({ width: 90 }).toBuffer();
    const canvas = await sharp({
      create: { width: 640, height: 480, channels: 3, background: '#777' },
    })
      .composite([{ input: small, left: 300, top: 200 }])
      .jpeg()
      .toBuffer();
    assert.equal((await analyze(canvas)).outcome, 'face_too_small');
  });

  await t.test('case=heavy blur gives too_blurred, underexposure too_dark', async () => {
    const src = photo('deepface/img17.jpg');
    const blurred = await sharp(src).blur(8).jpeg().toBuffer();
    assert.equal((await analyze(blurred)).outcome, 'too_blurred');
    const dark = await sharp(src).linear(0.2, 0).jpeg().toBuffer();
    assert.equal((await analyze(dark)).outcome, 'too_dark');
  });

  await t.test('case=synthetic spoofs score lower on liveness than their originals', async () => {
    const labels = readFileSync(join(DEV, 'spoof/labels.csv'), 'utf8').trim().split('\n').slice(1);
    const scores: Record<string, number[]> = { real: [], screen: [], print: [] };
    for (const line of labels) {
      const [file, kind] = line.split(',');
      const r = await analyze(photo(`spoof/${file}`), true);
      if (r.liveness.status === 'scored') scores[kind!]!.push(r.liveness.score);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    assert.equal(scores.real!.length, 9);
    assert.ok(mean(scores.screen!) < mean(scores.real!), JSON.stringify(scores));
    assert.ok(mean(scores.print!) < mean(scores.real!), JSON.stringify(scores));
  });

  await t.test('case=inference stays off the event loop', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    await Promise.all([1, 2, 3].map(() => analyze(photo('deepface/img1.jpg'))));
    clearInterval(timer);
    assert.ok(ticks >= 5, `event loop ticked ${ticks} times`);
  });
});

test('packs and scales', async (t) => {
  await t.test('case=pack by name and by manifest path', () => {
    const byName = resolvePack('clean');
    const byPath = resolvePack(byName.manifestPath);
    assert.equal(byPath.name, 'clean');
    assert.equal(byPath.liveness, undefined);
    assert.throws(() => resolvePack('no-such-pack'), /not found/);
  });

  for (const pack of ['standard', 'clean']) {
    await t.test(`case=${pack} calibration table is monotone and self-consistent`, () => {
      const table = loadCalibration(resolvePack(pack).calibration);
      const { calibrate, cosineAt } = createCalibrator(table);
      let previous = 1;
      for (let c = -1; c <= 1; c += 0.01) {
        const { far } = calibrate(c);
        assert.ok(far <= previous && far >= FAR_FLOOR, `cosine ${c}`);
        previous = far;
      }
      for (const [far, cosine] of Object.entries(table.thresholds)) {
        if (cosine === null) {
          assert.ok(calibrate(1).far > Number(far), `${far} marked unreachable`);
          continue;
        }
        assert.ok(Math.abs(Math.log10(calibrate(cosine).far / Number(far))) < 0.05, far);
        assert.ok(Math.abs(cosineAt(Number(far)) - cosine) < 1e-3, far);
      }
    });
  }

  await t.test('case=documented scale anchors are exact', () => {
    assert.equal(toScale(1e-2, 'alibaba'), 60);
    assert.equal(toScale(1e-3, 'alibaba'), 80);
    assert.equal(toScale(1e-4, 'alibaba'), 90);
    assert.equal(toScale(1e-5, 'alibaba'), 95);
    assert.equal(toScale(1e-3, 'tencent-v1'), 70);
    assert.equal(toScale(1e-4, 'tencent-v2'), 70);
    assert.equal(toScale(1e-4, 'cloud-market'), 0.45);
    assert.equal(toScale(1e-3, 'cloud-market'), 0.4);
  });

  await t.test('case=scales are monotone and invertible', () => {
    for (const scale of ['alibaba', 'tencent-v1', 'tencent-v2', 'cloud-market'] as const) {
      let previous = -1;
      for (let e = 0; e <= 7; e += 0.25) {
        const score = toScale(10 ** -e, scale);
        assert.ok(score >= previous);
        previous = score;
        assert.ok(Math.abs(Math.log10(fromScale(score, scale)) + e) < 1e-9);
      }
    }
  });
});
