import type Database from 'better-sqlite3';
import type { PiiCipher } from '../../security/pii.ts';
import { decodeOutcome, encodeOutcome } from '../materials-codec.ts';
import {
  type BizType,
  type BizTypeStore,
  decodeImages,
  encodeImages,
  type MaterialsStore,
  presentImages,
} from '../store.ts';

export const sqliteBizTypes = (db: Database.Database): BizTypeStore => {
  const insert = db.prepare('INSERT OR IGNORE INTO biz_types (name, created_at) VALUES (?, ?)');
  const one = db.prepare<[string], { n: number }>('SELECT 1 AS n FROM biz_types WHERE name = ?');
  const all = db.prepare<[], { name: string; created_at: number }>(
    'SELECT name, created_at FROM biz_types ORDER BY created_at, name',
  );
  return {
    async create(name, createdAt = Date.now()) {
      return insert.run(name, createdAt).changes > 0;
    },
    async exists(name) {
      return one.get(name) !== undefined;
    },
    async list(): Promise<BizType[]> {
      return all.all().map((row) => ({ name: row.name, createdAt: row.created_at }));
    },
  };
};

/**
 * One row per task; the outcome is sealed. A passed row is never overwritten (the upsert's WHERE).
 * Retained photos live in their own table, one sealed row per task with its purge time.
 */
export const sqliteMaterials = (db: Database.Database, pii: PiiCipher): MaterialsStore => {
  const upsert = db.prepare(
    `INSERT INTO materials_tasks (biz_type, biz_id, passed, sealed, updated_at)
     VALUES (@bizType, @bizId, @passed, @sealed, @updatedAt)
     ON CONFLICT (biz_type, biz_id) DO UPDATE
       SET passed = excluded.passed, sealed = excluded.sealed, updated_at = excluded.updated_at
       WHERE materials_tasks.passed = 0`,
  );
  const one = db.prepare<[string, string], { sealed: Buffer; updated_at: number }>(
    'SELECT sealed, updated_at FROM materials_tasks WHERE biz_type = ? AND biz_id = ?',
  );
  const keepImages = db.prepare(
    `INSERT INTO materials_images (biz_type, biz_id, sealed, purge_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (biz_type, biz_id) DO UPDATE SET sealed = excluded.sealed, purge_at = excluded.purge_at`,
  );
  const dropImages = db.prepare('DELETE FROM materials_images WHERE biz_type = ? AND biz_id = ?');
  const oneImages = db.prepare<[string, string], { sealed: Buffer; purge_at: number }>(
    'SELECT sealed, purge_at FROM materials_images WHERE biz_type = ? AND biz_id = ?',
  );
  const purge = db.prepare('DELETE FROM materials_images WHERE purge_at <= ?');
  return {
    async save(record) {
      const { bizType, bizId, outcome, updatedAt } = record;
      const sealed = pii.seal(encodeOutcome(outcome));
      const passed = outcome.code === 'match' ? 1 : 0;
      return upsert.run({ bizType, bizId, passed, sealed, updatedAt }).changes > 0;
    },
    async find(bizType, bizId) {
      const row = one.get(bizType, bizId);
      if (!row) return undefined;
      const outcome = decodeOutcome(pii.open(row.sealed));
      return { bizType, bizId, outcome, updatedAt: row.updated_at };
    },
    async retainImages(bizType, bizId, images, purgeAt) {
      const present = presentImages(images);
      if (!present) dropImages.run(bizType, bizId);
      else keepImages.run(bizType, bizId, pii.seal(encodeImages(present)), purgeAt);
    },
    async findImages(bizType, bizId) {
      const row = oneImages.get(bizType, bizId);
      if (!row) return undefined;
      return { images: decodeImages(pii.open(row.sealed)), purgeAt: row.purge_at };
    },
    async purgeImages(now) {
      return purge.run(now).changes;
    },
  };
};
