/**
 * A fixed pool of worker threads that each load their models once and then answer one job at
 * a time; a FIFO queue sits in front, a crashed worker fails its job and is replaced. Generic
 * over the job and result types so that any engine built on the OCR models can reuse it.
 *
 * @example
 *   const pool = await WorkerPool.start<Job, Result>(new URL('./worker-boot.mjs', import.meta.url), data, 2);
 *   const result = await pool.run(job);
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export type WorkerMessage<R> =
  | { type: 'ready' }
  | { type: 'load-error'; message: string }
  | { type: 'result'; id: number; result: R }
  | { type: 'error'; id: number; message: string };

export interface WorkerJob<J> {
  id: number;
  job: J;
}

interface Pending<J, R> {
  id: number;
  job: J;
  resolve(result: R): void;
  reject(err: Error): void;
}

interface Slot<J, R> {
  worker: Worker;
  pending?: Pending<J, R>;
}

/** One worker per core (at most 4): each session then runs with one intra-op thread. */
export const defaultPoolSize = () => Math.max(1, Math.min(availableParallelism(), 4));

export class WorkerPool<J, R> {
  private readonly slots: Slot<J, R>[] = [];
  private readonly queue: Pending<J, R>[] = [];
  private nextId = 1;
  private closed = false;

  private constructor(
    private readonly url: URL,
    private readonly data: unknown,
    private readonly name: string,
  ) {}

  /** Starts `size` workers and resolves once each has loaded its models. */
  static async start<J, R>(
    url: URL,
    data: unknown,
    size: number,
    name = 'ocr',
  ): Promise<WorkerPool<J, R>> {
    const pool = new WorkerPool<J, R>(url, data, name);
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

  run(job: J): Promise<R> {
    if (this.closed) return Promise.reject(new Error(`${this.name} engine is closed`));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error(`${this.name} engine is closed`));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private spawn(): Promise<void> {
    const worker = new Worker(this.url, { workerData: this.data, execArgv: [] });
    const slot: Slot<J, R> = { worker };
    return new Promise((resolve, reject) => {
      worker.on('message', (msg: WorkerMessage<R>) => {
        if (msg.type === 'ready') {
          this.slots.push(slot);
          resolve();
          this.pump();
        } else if (msg.type === 'load-error') reject(new Error(msg.message));
        else this.settle(slot, msg);
      });
      worker.on('error', (err) => this.crashed(slot, err, reject));
      worker.on('exit', (code) =>
        this.crashed(slot, new Error(`${this.name} worker exited (${code})`), reject),
      );
    });
  }

  private settle(slot: Slot<J, R>, msg: Extract<WorkerMessage<R>, { id: number }>) {
    const p = slot.pending;
    slot.pending = undefined;
    if (p?.id === msg.id) {
      if (msg.type === 'result') p.resolve(msg.result);
      else p.reject(new Error(`${this.name} job failed: ${msg.message}`));
    }
    this.pump();
  }

  private crashed(slot: Slot<J, R>, err: Error, rejectLoad: (e: Error) => void) {
    rejectLoad(err);
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    slot.pending?.reject(err);
    if (!this.closed) this.spawn().catch(() => {});
  }

  private pump() {
    for (const slot of this.slots) {
      if (slot.pending) continue;
      const next = this.queue.shift();
      if (!next) return;
      slot.pending = next;
      const msg: WorkerJob<J> = { id: next.id, job: next.job };
      slot.worker.postMessage(msg);
    }
  }
}
