/**
 * Registry import: reads rows, checks each with the identity rules, and writes accepted rows in
 * batched transactions, so a crash leaves whole batches or nothing of a batch.
 *
 * @example
 *   const report = await importRegistry('people.jsonl', store.registry, { today: shanghaiToday() });
 */
import type { PersonRecord } from '../authority.ts';
import type { RegistryStore } from '../../store/store.ts';
import { type PortraitOptions, type PortraitResult, templateOf } from './portraits.ts';
import { checkRecord } from './record-check.ts';
import { readRows } from './row-reader.ts';

export interface Rejected {
  line: number;
  reason: string;
}

export interface ImportReport {
  accepted: number;
  rejected: Rejected[];
  /** Portraits turned into face templates. */
  portraits: number;
  /** Rows that named a portrait while the import ran without the face engine. */
  portraitsIgnored: number;
}

export interface ImportOptions {
  today: string;
  batchSize?: number;
  onProgress?(rowsRead: number): void;
  /** Absent: portraits are counted as ignored. */
  portraits?: PortraitOptions;
}

interface Batch {
  records: PersonRecord[];
  lines: number[];
  /** Portrait templates being computed, by index into `records`. */
  pending: Map<number, Promise<PortraitResult>>;
}

/** Photos are held in memory until their batch is written: keep that bounded. */
const MAX_PENDING_PORTRAITS = 64;

/** Attaches finished templates; rows whose portrait is unusable are rejected, not imported. */
const settlePortraits = async (batch: Batch, report: ImportReport) => {
  const refused = new Set<number>();
  for (const [index, pending] of batch.pending) {
    const result = await pending;
    if (result.ok) {
      batch.records[index]!.portrait = result.portrait;
      report.portraits += 1;
    } else {
      refused.add(index);
      report.rejected.push({ line: batch.lines[index]!, reason: result.reason });
    }
  }
  batch.pending.clear();
  batch.records = batch.records.filter((_, i) => !refused.has(i));
  batch.lines = batch.lines.filter((_, i) => !refused.has(i));
};

const flush = async (batch: Batch, registry: RegistryStore, report: ImportReport) => {
  await settlePortraits(batch, report);
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
  const report: ImportReport = { accepted: 0, rejected: [], portraits: 0, portraitsIgnored: 0 };
  const batch: Batch = { records: [], lines: [], pending: new Map() };
  let rowsRead = 0;
  for await (const row of readRows(path)) {
    rowsRead += 1;
    const checked = row.raw
      ? checkRecord(row.raw, options.today)
      : { ok: false as const, reason: row.problem! };
    if (!checked.ok) report.rejected.push({ line: row.line, reason: checked.reason });
    else {
      const portrait = row.raw?.portrait;
      if (portrait && options.portraits)
        batch.pending.set(batch.records.length, templateOf(portrait, options.portraits));
      else if (portrait) report.portraitsIgnored += 1;
      batch.records.push(checked.record);
      batch.lines.push(row.line);
    }
    if (
      batch.records.length >= (options.batchSize ?? 5000) ||
      batch.pending.size >= MAX_PENDING_PORTRAITS
    ) {
      await flush(batch, registry, report);
      options.onProgress?.(rowsRead);
    }
  }
  await flush(batch, registry, report);
  options.onProgress?.(rowsRead);
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
};
