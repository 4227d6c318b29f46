// Worker entry for WorkerPool (worker-pool.ts): Node 20 does not carry `--import tsx` hooks
// into worker threads, so the TypeScript loader is registered here before the pool's worker
// module (`workerData.entry`, a file URL) is imported.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
