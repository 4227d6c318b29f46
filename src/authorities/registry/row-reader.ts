/**
 * Streams registry rows from a JSON Lines or CSV file with their line numbers. CSV columns:
 * `name,idNumber,phone,bankCard,bankCardPhone,bankCardState,authority,validFrom,validTo`
 * (any order, by header; several cards as `|`-separated lists).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { RawRecord } from './record-check.ts';

export interface RawRow {
  line: number;
  raw?: RawRecord;
  /** Set when the line itself could not be read. */
  problem?: string;
}

/** One CSV line into cells: RFC 4180 quoting, `""` inside quotes is a literal quote. */
const splitCsv = (line: string): string[] => {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
};

const list = (value: string | undefined): string[] =>
  value ? value.split('|').map((v) => v.trim()) : [];

const csvRecord = (header: string[], cells: string[]): RawRecord => {
  const at = (name: string) => cells[header.indexOf(name)]?.trim() || undefined;
  const phones = list(at('bankCardPhone'));
  const states = list(at('bankCardState'));
  const hasCard = at('authority') || at('validFrom') || at('validTo');
  return {
    name: at('name'),
    idNumber: at('idNumber'),
    phone: at('phone'),
    bankCards: list(at('bankCard')).map((number, i) => ({
      number,
      phone: phones[i] || undefined,
      state: states[i] || undefined,
    })),
    idCard: hasCard
      ? { authority: at('authority'), validFrom: at('validFrom'), validTo: at('validTo') }
      : undefined,
  };
};

const jsonRecord = (text: string): RawRow['raw'] => {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('not an object');
  return value as RawRecord;
};

export async function* readRows(path: string): AsyncGenerator<RawRow> {
  const csv = path.toLowerCase().endsWith('.csv');
  const lines = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let header: string[] | undefined;
  let line = 0;
  for await (const text of lines) {
    line += 1;
    const trimmed = line === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim();
    if (trimmed === '') continue;
    if (csv && !header) {
      header = splitCsv(trimmed).map((h) => h.trim());
      continue;
    }
    try {
      yield { line, raw: csv ? csvRecord(header!, splitCsv(trimmed)) : jsonRecord(trimmed) };
    } catch {
      yield { line, problem: csv ? 'unreadable CSV row' : 'not a JSON object' };
    }
  }
}
