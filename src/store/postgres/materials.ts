import type { Pool } from 'pg';
import type { PiiCipher } from '../../security/pii.ts';
import { decodeOutcome, encodeOutcome } from '../materials-codec.ts';
import {
  type BizTypeStore,
  decodeImages,
  encodeImages,
  type MaterialsStore,
  presentImages,
} from '../store.ts';
import type { Tables } from './pool.ts';

export const postgresBizTypes = (pool: Pool, t: Tables): BizTypeStore => ({
  async create(name, createdAt = Date.now()) {
    const sql = `INSERT INTO ${t.bizTypes} (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`;
    const { rowCount } = await pool.query(sql, [name, createdAt]);
    return (rowCount ?? 0) > 0;
  },
  async exists(name) {
    const text = `SELECT 1 FROM ${t.bizTypes} WHERE name = $1`;
    const { rowCount } = await pool.query({ name: 'biz-type-exists', text, values: [name] });
    return (rowCount ?? 0) > 0;
  },
  async list() {
    const { rows } = await pool.query<{ name: string; created_at: number }>(
      `SELECT name, created_at FROM ${t.bizTypes} ORDER BY created_at, name`,
    );
    return rows.map((row) => ({ name: row.name, createdAt: row.created_at }));
  },
});

/**
 * One row per task; the outcome is sealed. A passed row is never overwritten (the upsert's WHERE).
 * Retained photos live in their own table, one sealed row per task with its purge time.
 */
export const postgresMaterials = (pool: Pool, t: Tables, pii: PiiCipher): MaterialsStore => {
  const upsert = `INSERT INTO ${t.materials} AS m (biz_type, biz_id, passed, sealed, updated_at)
    VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (biz_type, biz_id) DO UPDATE
      SET passed = excluded.passed, sealed = excluded.sealed, updated_at = excluded.updated_at
      WHERE NOT m.passed`;
  const one = `SELECT sealed, updated_at FROM ${t.materials} WHERE biz_type = $1 AND biz_id = $2`;
  const keepImages = `INSERT INTO ${t.materialsImages} (biz_type, biz_id, sealed, purge_at)
    VALUES ($1, $2, $3, $4)
    ON CONFLICT (biz_type, biz_id) DO UPDATE SET sealed = excluded.sealed, purge_at = excluded.purge_at`;
  const dropImages = `DELETE FROM ${t.materialsImages} WHERE biz_type = $1 AND biz_id = $2`;
  const oneImages = `SELECT sealed, purge_at FROM ${t.materialsImages} WHERE biz_type = $1 AND biz_id = $2`;
  return {
    async save({ bizType, bizId, outcome, updatedAt }) {
      const sealed = pii.seal(encodeOutcome(outcome));
      const values = [bizType, bizId, outcome.code === 'match', sealed, updatedAt];
      const { rowCount } = await pool.query(upsert, values);
      return (rowCount ?? 0) > 0;
    },
    async find(bizType, bizId) {
      const { rows } = await pool.query<{ sealed: Buffer; updated_at: number }>({
        name: 'materials-task',
        text: one,
        values: [bizType, bizId],
      });
      const row = rows[0];
      if (!row) return undefined;
      return {
        bizType,
        bizId,
        outcome: decodeOutcome(pii.open(row.sealed)),
        updatedAt: row.updated_at,
      };
    },
    async retainImages(bizType, bizId, images, purgeAt) {
      const present = presentImages(images);
      if (!present) await pool.query(dropImages, [bizType, bizId]);
      else await pool.query(keepImages, [bizType, bizId, pii.seal(encodeImages(present)), purgeAt]);
    },
    async findImages(bizType, bizId) {
      const { rows } = await pool.query<{ sealed: Buffer; purge_at: number }>(oneImages, [
        bizType,
        bizId,
      ]);
      const row = rows[0];
      if (!row) return undefined;
      return { images: decodeImages(pii.open(row.sealed)), purgeAt: row.purge_at };
    },
    async purgeImages(now) {
      const { rowCount } = await pool.query(
        `DELETE FROM ${t.materialsImages} WHERE purge_at <= $1`,
        [now],
      );
      return rowCount ?? 0;
    },
  };
};
