/**
 * Prints the quality measures (card width, sharpness, glare) of generated photos per variant,
 * with the gate switched off, to set the limits in src/engines/idcard/quality.ts.
 *
 *   node --import tsx scripts/ocr/gate-probe.ts [--per-variant 4]
 */
import { parseArgs } from 'node:util';
import { CardPipeline } from '../../src/engines/idcard/pipeline.ts';
import { generateCard, RETAKE_VARIANTS, VARIANTS } from '../../src/engines/idcard/synth/index.ts';

const { values } = parseArgs({ options: { 'per-variant': { type: 'string', default: '4' } } });
const open = { minCardWidthPx: 0, minSharpness: 0, maxGlare: 1, maxOutside: 1 };
const pipeline = await CardPipeline.load({ quality: open, today: '2026-11-24' });
for (const [vi, v] of [...VARIANTS, ...RETAKE_VARIANTS].entries()) {
  const rows: string[] = [];
  for (let i = 0; i < Number(values['per-variant']); i++) {
    const side = i % 2 ? 'back' : 'front';
    const card = await generateCard(9000 + vi * 131 + i, side, v.name);
    const r = await pipeline.read(card.image, side);
    const q = r.quality;
    const ok = r.kind === 'retake' ? r.reason : 'read';
    rows.push(
      q
        ? `${side[0]} w${q.cardWidthPx} s${q.sharpness.toFixed(3)} g${q.glare.toFixed(2)} ${ok}`
        : ok,
    );
  }
  console.log(v.name.padEnd(14), rows.join(' | '));
}
await pipeline.close();
