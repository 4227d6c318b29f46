/** Writes docs/configuration.md from the configuration schema (run: npx tsx scripts/config-docs.ts). */
import { writeFileSync } from 'node:fs';
import { CONFIG_FIELDS } from '../src/config.ts';

export const configurationDoc = (): string => {
  const rows = CONFIG_FIELDS.map(
    (f) =>
      `| \`${f.name}\` | ${f.default === undefined ? '—' : `\`${JSON.stringify(f.default)}\``} | ${f.description} |`,
  );
  return [
    '# Configuration',
    '',
    'Generated from `src/config.ts` by `npx tsx scripts/config-docs.ts`; a test keeps it in sync.',
    'The CLI flags of `shiming serve` set these (`--data-dir`, `--port`, `--host`, `--demo`, `--fsync`,',
    '`--database`, `--redis`, `--default-qps`, `--log-level`, `--face-pack`, `--face-calibration`,',
    '`--fetch-allow`, `--ocr`, `--retain-images-days`); `SHIMING_DATA_KEY` sets `dataKey`.',
    '',
    '| setting | default | meaning |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
};

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../docs/configuration.md', import.meta.url), configurationDoc());
}
