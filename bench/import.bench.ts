/**
 * Registry import throughput without photos: generates BENCH_RECORDS synthetic records
 * (default 200,000) as JSON Lines and imports them into a fresh SQLite store, as
 * `shiming registry import` does. Prints records/s and RSS.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importRegistry } from '../src/authorities/registry/import.ts';
import { shanghaiToday } from '../src/identity/index.ts';
import { createPiiCipher } from '../src/security/pii.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import { syntheticRecord } from '../scripts/gen-registry.ts';

const COUNT = Number(process.env.BENCH_RECORDS ?? 200_000);
const dir = mkdtempSync(join(tmpdir(), 'shiming-bench-import-'));
const file = join(dir, 'people.jsonl');
const lines: string[] = [];
for (let i = 0; i < COUNT; i++) lines.push(JSON.stringify(syntheticRecord(i)));
writeFileSync(file, `${lines.join('\n')}\n`);

const store = openSqliteStore(
  { dataDir: join(dir, 'data'), fsync: false },
  createPiiCipher(Buffer.alloc(32, 1)),
);
const started = performance.now();
const report = await importRegistry(file, store.registry, { today: shanghaiToday() });
const seconds = (performance.now() - started) / 1000;
await store.close();
rmSync(dir, { recursive: true, force: true });
console.log(`| records | accepted | seconds | records/s | RSS MB |\n|---|---|---|---|---|`);
console.log(
  `| ${COUNT} | ${report.accepted} | ${seconds.toFixed(2)} | ${Math.round(report.accepted / seconds)} | ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} |`,
);
