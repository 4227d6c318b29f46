// Pool worker: loads the OCR models once, then reads one card side per message.
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import type { WorkerJob, WorkerMessage } from '../ocr/pool.ts';
import { CardPipeline, type PipelineOptions, type ReadResult } from './pipeline.ts';
import type { CardSide } from './types.ts';

export interface CardJob {
  image: Uint8Array;
  side: CardSide;
}

// One libvips thread per worker: the pool already runs one worker per core.
sharp.concurrency(1);
sharp.cache(false);

const port = parentPort!;
const post = (msg: WorkerMessage<ReadResult>) => port.postMessage(msg);

try {
  const pipeline = await CardPipeline.load(workerData as PipelineOptions);
  port.on('message', async ({ id, job }: WorkerJob<CardJob>) => {
    try {
      post({ type: 'result', id, result: await pipeline.read(job.image, job.side) });
    } catch (err) {
      post({ type: 'error', id, message: (err as Error).stack ?? String(err) });
    }
  });
  post({ type: 'ready' });
} catch (err) {
  post({ type: 'load-error', message: (err as Error).stack ?? String(err) });
}
