/**
 * Writes generated ID-card photos and their truth to a folder (for the benchmark, or to look at):
 *   node --import tsx scripts/ocr/generate.ts --out .tmp/cards [--n 20] [--seed 1] [--variants clean,rotated]
 * Files: `<index>_<side>_<variant>.jpg|png` and `truth.json` (persona and true corners per file).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCard, VARIANTS } from '../../src/engines/idcard/synth/index.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: '.tmp/cards' },
    n: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    variants: {
      type: 'string',
      default: VARIANTS.filter((v) => v.realistic)
        .map((v) => v.name)
        .join(','),
    },
  },
});
const variants = values.variants!.split(',');
mkdirSync(values.out!, { recursive: true });
const truth: Record<string, unknown> = {};
for (let i = 0; i < Number(values.n); i++) {
  const side = i % 2 ? 'back' : 'front';
  const variant = variants[i % variants.length]!;
  const card = await generateCard(Number(values.seed) + i, side, variant);
  const file = `${String(i).padStart(4, '0')}_${side}_${variant}.${card.image[0] === 0xff ? 'jpg' : 'png'}`;
  writeFileSync(join(values.out!, file), card.image);
  truth[file] = { side, variant, seed: card.seed, persona: card.persona, quad: card.quad };
}
writeFileSync(join(values.out!, 'truth.json'), `${JSON.stringify(truth, null, 1)}\n`);
console.log(`wrote ${values.n} cards to ${values.out}`);
