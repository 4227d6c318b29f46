/**
 * Loads the reference tables under `data/` once, on first use. This is the only module of
 * `identity/` that does I/O; the tables are immutable facts, so a lazily filled module cache
 * is safe to share.
 *
 * @example
 *   areaTable().codes.get('110103')?.name; // '崇文区' (abolished 2010, still on ID cards)
 *   binTable().get('19:62249804')?.bankCode; // 'BOCZ'
 */
import { readFileSync } from 'node:fs';
import type { CardIssuer, CardType } from './bank-card.ts';
import { parseCsv } from './csv.ts';

export interface AreaCode {
  code: string;
  name: string;
  /** Last year (exclusive) the code was in use; null when still in use or undated. */
  endYear: number | null;
}

export interface AreaTable {
  /** Two-digit province prefixes (every `province` row, including historical ones). */
  provinces: ReadonlySet<string>;
  codes: ReadonlyMap<string, AreaCode>;
}

let areas: AreaTable | undefined;
let bins: ReadonlyMap<string, CardIssuer> | undefined;

const readData = (path: string) =>
  parseCsv(readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8'));

/** GB/T 2260 codes ever in use (spec §2), from `data/gb2260/gb2260-merged.csv`. */
export function areaTable(): AreaTable {
  areas ??= buildAreaTable(readData('gb2260/gb2260-merged.csv'));
  return areas;
}

/** BIN rows keyed `${cardLength}:${bin}` (spec §3.4), from `data/bank-bin/`. */
export function binTable(): ReadonlyMap<string, CardIssuer> {
  bins ??= buildBinTable(readData('bank-bin/china-bank-card-bin.csv'));
  return bins;
}

export function buildAreaTable(rows: Record<string, string>[]): AreaTable {
  const provinces = new Set<string>();
  const codes = new Map<string, AreaCode>();
  for (const row of rows) {
    const code = row.code ?? '';
    if (row.level === 'province') provinces.add(code.slice(0, 2));
    codes.set(code, mergeArea(codes.get(code), row));
  }
  return { provinces, codes };
}

// A reused code has several rows (§2, "359 codes were reused or renamed"): it is retired only
// if every row has an end year, and then at the latest of them.
function mergeArea(seen: AreaCode | undefined, row: Record<string, string>): AreaCode {
  const end = row.end_year ? Number(row.end_year) : null;
  if (!seen) return { code: row.code ?? '', name: row.name ?? '', endYear: end };
  const endYear = seen.endYear === null || end === null ? null : Math.max(seen.endYear, end);
  return { ...seen, endYear };
}

const CARD_TYPES: ReadonlySet<string> = new Set<CardType>(['DC', 'CC', 'SCC', 'PC']);

export function buildBinTable(rows: Record<string, string>[]): Map<string, CardIssuer> {
  const table = new Map<string, CardIssuer>();
  for (const row of rows) {
    const cardType = row.card_type ?? '';
    if (!CARD_TYPES.has(cardType)) throw new Error(`BIN ${row.bin}: card type ${cardType}`);
    table.set(
      `${row.card_length}:${row.bin}`,
      Object.freeze({
        bankCode: row.bank_code ?? '',
        bankName: row.bank_name ?? '',
        cardType: cardType as CardType,
        cardTypeName: row.card_type_name ?? '',
      }),
    );
  }
  return table;
}
