/**
 * A fixed pool of worker threads, each holding its own copy of the pack's models, so that
 * inference never runs on the event loop. One job per worker at a time; a FIFO queue in
 * front. A crashed worker fails its job and is replaced.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DecodeLimits } from '../image/index.ts';
import type { AnalyzeOptions, FaceAnalysis } from './types.ts';

export interface WorkerData {
  pack: string;
  decodeLimits: Partial<DecodeLimits>;
}
export interface WorkerRequest {
  id: number;
  image: Uint8Array;
  options: AnalyzeOptions;
}
export type WorkerResponse =
  | { type: 'ready' }
  | { type: 'load-error'; message: string }
  | { type: 'result'; id: number; result: FaceAnalysis }
  | { type: 'error'; id: number; message: string };

interface Job extends WorkerRequest {
  resolve(result: FaceAnalysis): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  job?: Job;
}

export const defaultPoolSize = () => Math.max(1, Math.min(availableParallelism(), 4));

// A plain .mjs entry that registers the TypeScript loader itself (see worker-boot.mjs).
const WORKER_URL = new URL('./worker-boot.mjs', import.meta.url);

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  private constructor(private readonly data: WorkerData) {}

  /** Starts `size` workers and resolves once every one has loaded its models. */
  static async start(data: WorkerData, size = defaultPoolSize()): Promise<WorkerPool> {
    const pool = new WorkerPool(data);
    try {
      await Promise.all(Array.from({ length: size }, () => pool.spawn()));
    } catch (err) {
      await pool.close();
      throw err;
    }
    return pool;
  }

  get size() {
    return this.slots.length;
  }

  run(image: Uint8Array, options: AnalyzeOptions): Promise<FaceAnalysis> {
    if (this.closed) return Promise.reject(new Error('face engine is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, image, options, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('face engine is closed'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private spawn(): Promise<void> {
    const worker = new Worker(WORKER_URL, { workerData: this.data, execArgv: [] });
    const slot: Slot = { worker };
    return new Promise((resolve, reject) => {
      worker.on('message', (msg: WorkerResponse) => {
        if (msg.type === 'ready') {
          this.slots.push(slot);
          resolve();
          this.pump();
        } else if (msg.type === 'load-error') reject(new Error(msg.message));
        else this.settle(slot, msg);
      });
      worker.on('error', (err) => this.crashed(slot, err, reject));
      worker.on('exit', (code) =>
        this.crashed(slot, new Error(`face worker exited (${code})`), reject),
      );
    });
  }

  private settle(slot: Slot, msg: Extract<WorkerResponse, { id: number }>) {
    const job = slot.job;
    slot.job = undefined;
    if (job?.id === msg.id) {
      if (msg.type === 'result') job.resolve(msg.result);
      else job.reject(new Error(`face analysis failed: ${msg.message}`));
    }
    this.pump();
  }

  private crashed(slot: Slot, err: Error, rejectLoad: (e: Error) => void) {
    rejectLoad(err);
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    slot.job?.reject(err);
    if (!this.closed) this.spawn().catch(() => {});
  }

  private pump() {
    for (const slot of this.slots) {
      if (slot.job) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, image: job.image, options: job.options });
    }
  }
}
