import type { Pool, PoolClient } from 'pg';
import type { RecordStore, VerificationRecord } from '../store.ts';
import { type Tables, transaction } from './pool.ts';

interface Pending {
  record: VerificationRecord;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface RecordRow {
  request_id: string;
  app_id: string | null;
  dialect: string;
  action: string;
  outcome: string;
  billed: boolean;
  latency_ms: number;
  subject: string;
  created_at: number;
}

export interface PostgresRecordStore extends RecordStore {
  /** Resolves once every record appended so far has been written (or has failed). */
  drain(): Promise<void>;
}

/**
 * Group commit: records appended during one event-loop turn, and any that arrive while a
 * commit is in flight, go into the next transaction as one multi-row INSERT; each caller's
 * promise settles after that COMMIT (synchronous_commit: durable on resolve). One commit is in
 * flight at a time, so the rest of the pool stays free for look-ups.
 */
export const postgresRecords = (pool: Pool, t: Tables): PostgresRecordStore => {
  let queue: Pending[] = [];
  let writing: Promise<void> | undefined;
  const pump = async () => {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      const records = batch.map((item) => item.record);
      try {
        await transaction(pool, (client) => writeBatch(client, t, records));
        for (const item of batch) item.resolve();
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    writing = undefined;
  };
  const recentSql = `SELECT * FROM ${t.records} ORDER BY created_at DESC LIMIT $1`;
  return {
    append(record) {
      return new Promise((resolve, reject) => {
        queue.push({ record, resolve, reject });
        writing ??= new Promise((started) => setImmediate(started)).then(pump);
      });
    },
    async recent(limit) {
      const { rows } = await pool.query<RecordRow>(recentSql, [limit]);
      return rows.map(toRecord);
    },
    async count() {
      const { rows } = await pool.query<{ n: number }>(`SELECT count(*) AS n FROM ${t.records}`);
      return rows[0]?.n ?? 0;
    },
    async drain() {
      while (writing) await writing;
    },
  };
};

const writeBatch = async (client: PoolClient, t: Tables, records: VerificationRecord[]) => {
  await client.query({
    name: 'append-records',
    text: `INSERT INTO ${t.records} (request_id, app_id, dialect, action, outcome, billed, latency_ms, subject, created_at)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::float8[], $8::text[], $9::bigint[])`,
    values: columnsOf(records),
  });
  const billed = billedPerApp(records);
  if (billed.size === 0) return;
  const appIds = [...billed.keys()];
  // Lock the counters in one order so two processes' batches cannot deadlock on them.
  const lock = `SELECT 1 FROM ${t.apps} WHERE app_id = ANY($1) ORDER BY app_id FOR UPDATE`;
  await client.query(lock, [appIds]);
  await client.query(
    `UPDATE ${t.apps} SET used = used + c.n FROM unnest($1::text[], $2::bigint[]) AS c (app_id, n)
     WHERE ${t.apps}.app_id = c.app_id`,
    [appIds, [...billed.values()]],
  );
};

const columnsOf = (records: VerificationRecord[]): unknown[][] => [
  records.map((r) => r.requestId),
  records.map((r) => r.appId),
  records.map((r) => r.dialect),
  records.map((r) => r.action),
  records.map((r) => r.outcome),
  records.map((r) => r.billed),
  records.map((r) => r.latencyMs),
  records.map((r) => r.subject),
  records.map((r) => r.createdAt),
];

/** Billed records per app, sorted by app id. */
const billedPerApp = (records: VerificationRecord[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const r of records)
    if (r.billed && r.appId) counts.set(r.appId, (counts.get(r.appId) ?? 0) + 1);
  return new Map([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
};

const toRecord = (row: RecordRow): VerificationRecord => ({
  requestId: row.request_id,
  appId: row.app_id,
  dialect: row.dialect,
  action: row.action,
  outcome: row.outcome,
  billed: row.billed,
  latencyMs: row.latency_ms,
  subject: row.subject,
  createdAt: row.created_at,
});
