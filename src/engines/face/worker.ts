// Pool worker: loads one pack once, then analyses one photo per message. The main thread
// only posts bytes and awaits results (pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { resolvePack } from './pack.ts';
import { FacePipeline } from './pipeline.ts';
import type { WorkerData, WorkerRequest, WorkerResponse } from './pool.ts';

// One libvips thread per worker: the pool already runs one worker per core.
sharp.concurrency(1);
sharp.cache(false);

const port = parentPort!;
const data = workerData as WorkerData;

const post = (msg: WorkerResponse) => {
  const transfer =
    msg.type === 'result' && msg.result.face ? [msg.result.face.embedding.buffer] : [];
  port.postMessage(msg, transfer as ArrayBuffer[]);
};

try {
  const pipeline = await FacePipeline.load(resolvePack(data.pack), data.decodeLimits);
  port.on('message', async (req: WorkerRequest) => {
    try {
      post({ type: 'result', id: req.id, result: await pipeline.analyze(req.image, req.options) });
    } catch (err) {
      post({ type: 'error', id: req.id, message: (err as Error).stack ?? String(err) });
    }
  });
  post({ type: 'ready' });
} catch (err) {
  post({ type: 'load-error', message: (err as Error).stack ?? String(err) });
}
