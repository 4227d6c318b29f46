/**
 * The ID-card reader: finds the card in a photo, rectifies it, refuses photos that cannot be
 * read reliably (a typed retake), reads the front or back fields with PP-OCRv4 and cross-checks
 * them against the ID number. Models load once per worker thread; callers only await.
 *
 * @example
 *   const reader = await createIdCardReader();
 *   const front = await reader.readFront(jpeg);
 *   if (front.kind === 'retake') return askAgain(front.reason); // 'blurred', 'glare', …
 *   front.fields.idNumber;   // checksum-valid or null, never a misread number
 *   front.warnings;          // e.g. [{ code: 'birth_date_mismatch', printed, expected }]
 *   front.portrait.image;    // JPEG of the photo area, for the face engine
 *   await reader.close();
 */
import type { PipelineOptions, ReadResult } from './pipeline.ts';
import { WorkerPool } from '../worker-pool.ts';
import type { BackResult, CardSide, FrontResult, Retake } from './types.ts';
import type { CardJob } from './worker.ts';

export * from './types.ts';
export { DEFAULT_QUALITY, type QualityLimits } from './quality.ts';
export { NATIONS } from './nations.ts';

export interface IdCardReaderOptions extends PipelineOptions {
  /** Worker threads (default: one per core, at most 4). */
  workers?: number;
}

export interface IdCardReader {
  /** Reads the portrait side (姓名 … 公民身份号码). Never rejects for a bad photo: it answers a retake. */
  readFront(image: Uint8Array): Promise<FrontResult | Retake>;
  /** Reads the emblem side (签发机关, 有效期限). */
  readBack(image: Uint8Array): Promise<BackResult | Retake>;
  close(): Promise<void>;
}

const WORKER_URL = new URL('./worker.ts', import.meta.url);

/** Starts the worker pool; resolves once every worker has loaded the models. */
export const createIdCardReader = async (
  options: IdCardReaderOptions = {},
): Promise<IdCardReader> => {
  const { workers, ...pipeline } = options;
  const pool = await WorkerPool.start<CardJob, ReadResult, PipelineOptions>({
    worker: WORKER_URL,
    data: pipeline,
    size: workers,
    name: 'idcard',
  });
  const read = async (image: Uint8Array, side: CardSide) => revive(await pool.run({ image, side }));
  return {
    readFront: (image) => read(image, 'front') as Promise<FrontResult | Retake>,
    readBack: (image) => read(image, 'back') as Promise<BackResult | Retake>,
    close: () => pool.close(),
  };
};

// Structured cloning turns the portrait Buffer into a plain Uint8Array; give callers a Buffer.
const revive = (r: ReadResult): ReadResult => {
  if (r.kind !== 'front') return r;
  const img = r.portrait.image as Uint8Array;
  return {
    ...r,
    portrait: { ...r.portrait, image: Buffer.from(img.buffer, img.byteOffset, img.byteLength) },
  };
};
