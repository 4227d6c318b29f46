// Pool worker: loads one pack once, then analyses one photo per job. The main thread only
// posts bytes and awaits results (../worker-pool.ts).
import sharp from 'sharp';
import { serveJobs } from '../worker-pool.ts';
import type { FaceJob, FaceWorkerData } from './face-pool.ts';
import { resolvePack } from './pack.ts';
import { FacePipeline } from './pipeline.ts';
import type { FaceAnalysis } from './types.ts';

// One libvips thread per worker: the pool already runs one worker per core.
sharp.concurrency(1);
sharp.cache(false);

await serveJobs<FaceWorkerData, FaceJob, FaceAnalysis>(
  async (data) => {
    const pipeline = await FacePipeline.load(resolvePack(data.pack), data.decodeLimits);
    return (job) => pipeline.analyze(job.image, job.options);
  },
  // The embedding moves to the main thread rather than being copied.
  { transfer: (result) => (result.face ? [result.face.embedding.buffer as ArrayBuffer] : []) },
);
