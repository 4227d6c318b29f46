// Pool worker: loads the OCR models once, then reads one card side per job (../worker-pool.ts).
import sharp from 'sharp';
import { serveJobs } from '../worker-pool.ts';
import { CardPipeline, type PipelineOptions, type ReadResult } from './pipeline.ts';
import type { CardSide } from './types.ts';

export interface CardJob {
  image: Uint8Array;
  side: CardSide;
}

// One libvips thread per worker: the pool already runs one worker per core.
sharp.concurrency(1);
sharp.cache(false);

await serveJobs<PipelineOptions, CardJob, ReadResult>(async (options) => {
  const pipeline = await CardPipeline.load(options);
  return (job) => pipeline.read(job.image, job.side);
});
