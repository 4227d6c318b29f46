/**
 * Slow accuracy checks of the ID-card reader: every shared sample card, and two generated
 * people (front and back) per capture variant. The full ≥ 300-side evaluation is
 * `npm run eval:ocr`; this suite guards the invariants on a smaller, still varied set.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  type BackResult,
  createIdCardReader,
  type FrontResult,
  type Retake,
} from '../src/engines/idcard/index.ts';
import { generateCard, RETAKE_VARIANTS, VARIANTS } from '../src/engines/idcard/synth/index.ts';

const SAMPLES = join(import.meta.dirname, '../../shared/data/idcard-samples');
const TODAY = '2026-11-24';

test('id-card reader accuracy (slow)', async (t) => {
  const reader = await createIdCardReader({ today: TODAY });
  t.after(() => reader.close());

  await t.test(
    'case=shared samples: clean and degraded fully read, hard never misreports',
    async (st) => {
      if (!existsSync(join(SAMPLES, 'truth.json'))) {
        st.skip('../shared/data/idcard-samples is absent: sample cards not read');
        return;
      }
      const truth = JSON.parse(readFileSync(join(SAMPLES, 'truth.json'), 'utf8'));
      for (const [who, want] of Object.entries<Record<string, string>>(truth)) {
        for (const variant of ['clean', 'degraded', 'hard']) {
          const ext = variant === 'clean' ? 'png' : 'jpg';
          const front = await reader.readFront(
            readFileSync(join(SAMPLES, `${who}_front_${variant}.${ext}`)),
          );
          const back = await reader.readBack(
            readFileSync(join(SAMPLES, `${who}_back_${variant}.${ext}`)),
          );
          if (front.kind === 'front')
            assert.ok(
              front.fields.idNumber === null || front.fields.idNumber === want.id,
              `${who} ${variant}`,
            );
          if (variant === 'hard') continue;
          const f = front as FrontResult;
          const b = back as BackResult;
          assert.equal(f.kind, 'front', `${who} ${variant} front`);
          assert.deepEqual(
            [f.fields.name, f.fields.sex, f.fields.nation, f.fields.address, f.fields.idNumber],
            [want.name, want.sex, want.nation, want.addr, want.id],
          );
          assert.equal(b.fields.authority, want.authority);
          assert.equal(
            `${b.fields.validFrom}-${b.fields.validTo}`,
            want
              .valid!.split('-')
              .map((d) => d.replaceAll('.', '-'))
              .join('-'),
          );
        }
      }
    },
  );

  await t.test(
    'case=generated realistic variants: number always right, no false retakes',
    async () => {
      for (const [vi, v] of VARIANTS.entries()) {
        for (let i = 0; i < 2; i++) {
          const seed = 40_000 + vi * 97 + i;
          const front = await generateCard(seed, 'front', v.name);
          const r = await reader.readFront(front.image);
          if (r.kind === 'front')
            assert.ok(
              r.fields.idNumber === null || r.fields.idNumber === front.persona.idNumber,
              `${v.name}: wrong number`,
            );
          if (!v.realistic) continue;
          assert.equal(
            r.kind,
            'front',
            `${v.name} ${seed}: ${JSON.stringify((r as Retake).reason)}`,
          );
          assert.equal(
            (r as FrontResult).fields.idNumber,
            front.persona.idNumber,
            `${v.name} ${seed}`,
          );
          const back = await generateCard(seed, 'back', v.name);
          const rb = (await reader.readBack(back.image)) as BackResult;
          assert.equal(rb.kind, 'back', `${v.name} ${seed} back`);
          assert.equal(rb.fields.validTo, back.persona.validTo);
        }
      }
    },
  );

  await t.test('case=every retake variant is refused', async () => {
    for (const [vi, v] of RETAKE_VARIANTS.entries()) {
      const card = await generateCard(41_000 + vi, 'front', v.name);
      assert.equal((await reader.readFront(card.image)).kind, 'retake', v.name);
    }
  });
});
