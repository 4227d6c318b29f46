/**
 * The face engine's binding of the shared worker pool (../worker-pool.ts): what a face worker
 * loads and what one job carries. Used by the engine and by directory calibration.
 */
import type { DecodeLimits } from '../image/index.ts';
import { WorkerPool } from '../worker-pool.ts';
import type { AnalyzeOptions, FaceAnalysis } from './types.ts';

export interface FaceWorkerData {
  /** The pack's manifest path. */
  pack: string;
  decodeLimits: Partial<DecodeLimits>;
}

export interface FaceJob {
  image: Uint8Array;
  options: AnalyzeOptions;
}

const WORKER_URL = new URL('./worker.ts', import.meta.url);

/** Starts `size` face workers (default: cores, at most 4) once each has loaded the pack. */
export const startFacePool = (data: FaceWorkerData, size?: number) =>
  WorkerPool.start<FaceJob, FaceAnalysis, FaceWorkerData>({
    worker: WORKER_URL,
    data,
    size,
    name: 'face',
    task: 'analysis',
  });
