/**
 * Minimal CSV reader for the bundled reference tables under `data/`. Those files never quote
 * fields (checked when they were imported), so a plain split is enough; a row with the wrong
 * number of fields means the file was damaged, and loading fails loudly instead of guessing.
 *
 * @example
 *   parseCsv('code,name\n110000,北京市\n'); // [{ code: '110000', name: '北京市' }]
 */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line !== '');
  const header = (lines.shift() ?? '').split(',');
  return lines.map((line, i) => {
    const fields = line.split(',');
    if (fields.length !== header.length) {
      throw new Error(`CSV row ${i + 2}: expected ${header.length} fields, got ${fields.length}`);
    }
    return Object.fromEntries(header.map((name, j) => [name, fields[j] ?? '']));
  });
}
