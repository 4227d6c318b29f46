import type Database from 'better-sqlite3';
import type { RecordStore, VerificationRecord } from '../store.ts';

interface Pending {
  record: VerificationRecord;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: records appended while the event loop is busy are written in one transaction
 * on the next turn, and each caller's promise resolves only after that commit. With WAL the
 * commit survives kill -9; `fsync` mode (synchronous=FULL) also survives power loss.
 */
export interface SqliteRecordStore extends RecordStore {
  /** Commits whatever is queued now (used before closing the database). */
  flush(): void;
}

export const sqliteRecords = (db: Database.Database): SqliteRecordStore => {
  const insert = db.prepare(
    `INSERT INTO verification_records (request_id, app_id, dialect, action, outcome, billed, latency_ms, subject, created_at)
     VALUES (@requestId, @appId, @dialect, @action, @outcome, @billed, @latencyMs, @subject, @createdAt)`,
  );
  const meter = db.prepare('UPDATE apps SET used = used + 1 WHERE app_id = ?');
  const writeAll = db.transaction((batch: Pending[]) => {
    for (const { record } of batch) {
      insert.run({ ...record, billed: record.billed ? 1 : 0 });
      if (record.billed && record.appId) meter.run(record.appId);
    }
  });
  let queue: Pending[] = [];
  const flush = () => {
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    try {
      writeAll(batch);
      for (const item of batch) item.resolve();
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  };
  const recent = db.prepare<[number], Record<string, unknown>>(
    'SELECT * FROM verification_records ORDER BY created_at DESC LIMIT ?',
  );
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM verification_records');
  return {
    flush,
    append(record) {
      return new Promise((resolve, reject) => {
        if (queue.length === 0) setImmediate(flush);
        queue.push({ record, resolve, reject });
      });
    },
    async recent(limit) {
      return recent.all(limit).map((row) => ({
        requestId: row.request_id as string,
        appId: row.app_id as string | null,
        dialect: row.dialect as string,
        action: row.action as string,
        outcome: row.outcome as string,
        billed: row.billed === 1,
        latencyMs: row.latency_ms as number,
        subject: row.subject as string,
        createdAt: row.created_at as number,
      }));
    },
    async count() {
      return count.get()?.n ?? 0;
    },
  };
};
