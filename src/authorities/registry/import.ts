/**
 * Registry import: reads rows, checks each with the identity rules, and writes accepted rows in
 * batched transactions, so a crash leaves whole batches or nothing of a batch.
 *
 * @example
 *   const report = await importRegistry('people.jsonl', store.registry, { today: shanghaiToday() });
 */
import type { PersonRecord } from '../authority.ts';
import type { RegistryStore } from '../../store/store.ts';
import { checkRecord } from './record-check.ts';
import { readRows } from './row-reader.ts';

export interface Rejected {
  line: number;
  reason: string;
}

export interface ImportReport {
  accepted: number;
  rejected: Rejected[];
  /** Rows that named a portrait: stored by the face engine, not by this import. */
  portraitsIgnored: number;
}

export interface ImportOptions {
  today: string;
  batchSize?: number;
  onProgress?(rowsRead: number): void;
}

interface Batch {
  records: PersonRecord[];
  lines: number[];
}

const flush = async (batch: Batch, registry: RegistryStore, report: ImportReport) => {
  if (batch.records.length === 0) return;
  const result = await registry.importBatch(batch.records);
  report.accepted += result.inserted;
  for (const dup of result.duplicates) {
    report.rejected.push({
      line: batch.lines[dup.index]!,
      reason: `duplicate ${dup.field === 'idNumber' ? 'ID number' : 'bank card'}`,
    });
  }
  batch.records = [];
  batch.lines = [];
};

export const importRegistry = async (
  path: string,
  registry: RegistryStore,
  options: ImportOptions,
): Promise<ImportReport> => {
  const report: ImportReport = { accepted: 0, rejected: [], portraitsIgnored: 0 };
  const batch: Batch = { records: [], lines: [] };
  let rowsRead = 0;
  for await (const row of readRows(path)) {
    rowsRead += 1;
    const checked = row.raw
      ? checkRecord(row.raw, options.today)
      : { ok: false as const, reason: row.problem! };
    if (!checked.ok) report.rejected.push({ line: row.line, reason: checked.reason });
    else {
      if (row.raw?.portrait) report.portraitsIgnored += 1;
      batch.records.push(checked.record);
      batch.lines.push(row.line);
    }
    if (batch.records.length >= (options.batchSize ?? 5000)) {
      await flush(batch, registry, report);
      options.onProgress?.(rowsRead);
    }
  }
  await flush(batch, registry, report);
  options.onProgress?.(rowsRead);
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
};
