/** The storage conformance suite on SQLite, in a temporary data dir. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPiiCipher } from '../../src/security/pii.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { runStoreConformance } from './conformance.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'shiming-store-'));
const pii = createPiiCipher(randomBytes(32));
const file = join(dataDir, 'shiming.db');

runStoreConformance({
  open: async () => openSqliteStore({ dataDir, fsync: false }, pii),
  // The database file and its write-ahead log, where the newest commits still are.
  rawBytes: async () =>
    Buffer.concat([file, `${file}-wal`].filter(existsSync).map((path) => readFileSync(path))),
  destroy: async () => rmSync(dataDir, { recursive: true, force: true }),
});
