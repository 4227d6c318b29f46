/**
 * A fixed pool of worker threads that each load their models once and then answer one job at
 * a time, so that inference never runs on the event loop. A FIFO queue sits in front; a crashed
 * worker fails its job and is replaced. Generic over the job, the result and the worker module,
 * and shared by the face engine and the ID-card reader.
 *
 * Both halves live here: `WorkerPool` on the main thread, `serveJobs` in the worker module.
 *
 * @example
 *   // main thread
 *   const pool = await WorkerPool.start<Job, Result>({
 *     worker: new URL('./worker.ts', import.meta.url),
 *     data: { modelDir },
 *     name: 'ocr',
 *   });
 *   const result = await pool.run(job);
 *
 *   // worker.ts
 *   await serveJobs<Data, Job, Result>(async (data) => {
 *     const model = await load(data.modelDir);
 *     return (job) => model.infer(job);
 *   });
 */
import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** What the pool posts to a worker. */
interface WorkerJob<J> {
  id: number;
  job: J;
}

/** What a worker posts back: once `ready` (or `load-error`), then one answer per job. */
type WorkerMessage<R> =
  | { type: 'ready' }
  | { type: 'load-error'; message: string }
  | { type: 'result'; id: number; result: R }
  | { type: 'error'; id: number; message: string };

/** The boot script's `workerData`: the worker module to import and the data for its loader. */
interface BootData<D> {
  entry: string;
  data: D;
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

// A plain .mjs entry that registers the TypeScript loader, then imports the worker module.
const BOOT_URL = new URL('./worker-boot.mjs', import.meta.url);

export interface WorkerPoolOptions<D> {
  /** The worker module (it calls `serveJobs`), e.g. `new URL('./worker.ts', import.meta.url)`. */
  worker: URL;
  /** Structured-cloned to every worker and handed to its loader. */
  data: D;
  /** Worker threads (default: `defaultPoolSize()`). */
  size?: number;
  /** Names the engine in errors: `<name> engine is closed`, `<name> worker exited (1)`. */
  name: string;
  /** Names a job in its failure: `<name> <task> failed: …` (default `job`). */
  task?: string;
}

export class WorkerPool<J, R> {
  private readonly slots: Slot<J, R>[] = [];
  private readonly queue: Pending<J, R>[] = [];
  private readonly boot: BootData<unknown>;
  private nextId = 1;
  private closed = false;

  private constructor(private readonly options: WorkerPoolOptions<unknown>) {
    this.boot = { entry: options.worker.href, data: options.data };
  }

  /** Starts the workers and resolves once every one has loaded its models. */
  static async start<J, R, D = unknown>(options: WorkerPoolOptions<D>): Promise<WorkerPool<J, R>> {
    const pool = new WorkerPool<J, R>(options);
    try {
      const size = options.size ?? defaultPoolSize();
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

  /** Queues a job. The job is copied to the worker (structured clone), never transferred. */
  run(job: J): Promise<R> {
    if (this.closed) return Promise.reject(this.closedError());
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.pump();
    });
  }

  /** Rejects queued and running jobs, then terminates the workers. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(this.closedError());
    const slots = this.slots.splice(0);
    for (const s of slots) s.pending?.reject(this.closedError());
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private closedError() {
    return new Error(`${this.options.name} engine is closed`);
  }

  private spawn(): Promise<void> {
    const worker = new Worker(BOOT_URL, { workerData: this.boot, execArgv: [] });
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
        this.crashed(slot, new Error(`${this.options.name} worker exited (${code})`), reject),
      );
    });
  }

  private settle(slot: Slot<J, R>, msg: Extract<WorkerMessage<R>, { id: number }>) {
    const p = slot.pending;
    slot.pending = undefined;
    if (p?.id === msg.id) {
      if (msg.type === 'result') p.resolve(msg.result);
      else {
        const { name, task = 'job' } = this.options;
        p.reject(new Error(`${name} ${task} failed: ${msg.message}`));
      }
    }
    this.pump();
  }

  private crashed(slot: Slot<J, R>, err: Error, rejectLoad: (e: Error) => void) {
    rejectLoad(err);
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    slot.pending?.reject(err);
    if (!this.closed) this.spawn().catch((loadError: Error) => this.drainIfEmpty(loadError));
  }

  /** With no worker left (replacements failed to load), queued jobs would wait forever. */
  private drainIfEmpty(err: Error) {
    if (this.slots.length > 0) return;
    for (const job of this.queue.splice(0)) job.reject(err);
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

export interface ServeOptions<R> {
  /** Buffers of a result to move to the main thread instead of copying (they are detached here). */
  transfer?: (result: R) => ArrayBuffer[];
}

/**
 * The worker half: calls `load` once with the pool's `data`, reports ready (or the load error),
 * then answers every job with the handler `load` returned. Errors become failed jobs.
 */
export const serveJobs = async <D, J, R>(
  load: (data: D) => Promise<(job: J) => Promise<R>>,
  options: ServeOptions<R> = {},
): Promise<void> => {
  const port = parentPort;
  if (!port) throw new Error('serveJobs must run in a worker started by WorkerPool');
  const post = (msg: WorkerMessage<R>, transfer: ArrayBuffer[] = []) =>
    port.postMessage(msg, transfer);
  const describe = (err: unknown) => (err as Error)?.stack ?? String(err);
  try {
    const handle = await load((workerData as BootData<D>).data);
    port.on('message', async ({ id, job }: WorkerJob<J>) => {
      try {
        const result = await handle(job);
        post({ type: 'result', id, result }, options.transfer?.(result));
      } catch (err) {
        post({ type: 'error', id, message: describe(err) });
      }
    });
    post({ type: 'ready' });
  } catch (err) {
    post({ type: 'load-error', message: describe(err) });
  }
};
