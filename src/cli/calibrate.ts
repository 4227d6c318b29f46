/**
 * `shiming calibrate DIR [--face-pack standard] [--out FILE]`: measures the face pack on the
 * operator's own labelled photos (one folder per person) and writes a calibration table that
 * `shiming serve --face-calibration FILE` loads, so scores hold for the operator's population.
 */
import { writeFileSync } from 'node:fs';
import { calibrateDirectory } from '../engines/face/index.ts';
import { parse, UsageError } from './options.ts';

export const calibrateCommand = async (args: string[]): Promise<void> => {
  const { positionals, values } = parse(args, {
    'face-pack': { type: 'string' },
    out: { type: 'string' },
    population: { type: 'string' },
  });
  const dir = positionals[0];
  if (!dir) throw new UsageError('calibrate needs a DIR with one folder of photos per person');
  const pack = values['face-pack'] ?? 'standard';
  const table = await calibrateDirectory(dir, pack, { population: values.population });
  const out = values.out ?? `calibration-${pack}.json`;
  writeFileSync(out, `${JSON.stringify(table, null, 2)}\n`);
  console.log(`calibration for ${pack} written to ${out}; serve with --face-calibration ${out}`);
  for (const [far, cosine] of Object.entries(table.thresholds)) {
    console.log(
      `  FAR ${far}: ${cosine === null ? 'not reached' : `cosine ≥ ${cosine.toFixed(3)}`}`,
    );
  }
};
