import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { VanbanError, type Failure } from "../errors.js";
import type { LoadedDocument } from "../load/model.js";
import { compiledScript } from "../package-root.js";
import type { PipelineConfig } from "./config.js";

export interface IsolatedLoadRequest {
  bytes: Uint8Array;
  fileName: string | null;
  config: PipelineConfig;
}
export type IsolatedLoadReply = { ok: true; document: LoadedDocument } | { ok: false; failure: Failure };

interface Job {
  request: IsolatedLoadRequest;
  resolve(document: LoadedDocument): void;
  reject(error: Error): void;
}

/**
 * A loader thread: runs one load at a time and is reused while healthy. A load that passes
 * `limits.stageTimeoutMs` or the heap limit ends the thread (terminate cannot interrupt less),
 * and the next load gets a fresh one.
 */
class LoaderThread {
  private worker: Worker | null = null;
  private job: Job | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(readonly heapMb: number) {}

  get busy(): boolean {
    return this.job !== null;
  }

  run(job: Job): void {
    const worker = (this.worker ??= this.start());
    this.job = job;
    worker.ref();
    const { fileName, config } = job.request;
    const { stageTimeoutMs } = config.limits;
    this.timer = setTimeout(() => {
      this.kill();
      this.finish((j) => j.reject(new VanbanError("timeout", `reading the file took longer than ${stageTimeoutMs} ms`, { file: fileName })));
    }, stageTimeoutMs);
    worker.postMessage(job.request);
  }

  private start(): Worker {
    const worker = new Worker(compiledScript(import.meta.url, "load-worker.js", "the load worker"), {
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
    });
    worker.on("message", (reply: IsolatedLoadReply) =>
      this.finish((j) => (reply.ok ? j.resolve(reply.document) : j.reject(new VanbanError(reply.failure.code, reply.failure.message, { file: j.request.fileName })))),
    );
    worker.on("error", (error: Error & { code?: string }) => {
      this.worker = null;
      this.finish((j) =>
        j.reject(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new VanbanError("too-large", `reading the file needed more than ${this.heapMb} MB of memory`, { file: j.request.fileName })
            : new VanbanError("internal", `the load worker failed: ${error.message}`, { file: j.request.fileName, cause: error }),
        ),
      );
    });
    worker.on("exit", (code) => {
      if (this.worker === worker) this.worker = null;
      this.finish((j) => j.reject(new VanbanError("internal", `the load worker exited with code ${code} before answering`, { file: j.request.fileName })));
    });
    return worker;
  }

  private kill(): void {
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
  }

  private finish(outcome: (job: Job) => void): void {
    const job = this.job;
    if (job === null) return;
    this.job = null;
    clearTimeout(this.timer);
    // An idle thread must not keep the process alive: the CLI exits when its work is done.
    this.worker?.unref();
    outcome(job);
    pool.next();
  }
}

/** Loader threads shared by every caller in the process, one per core at most. */
class LoaderPool {
  private readonly threads: LoaderThread[] = [];
  private readonly queue: Job[] = [];

  load(request: IsolatedLoadRequest): Promise<LoadedDocument> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.next();
    });
  }

  next(): void {
    while (this.queue.length > 0) {
      const job = this.queue[0]!;
      const heapMb = job.request.config.limits.maxHeapMb;
      let thread = this.threads.find((t) => !t.busy && t.heapMb === heapMb);
      if (thread === undefined && this.threads.filter((t) => t.busy).length < this.size) {
        thread = new LoaderThread(heapMb);
        this.threads.push(thread);
        // Threads made for another heap limit are dropped once idle, so the pool stays small.
        for (const idle of this.threads.filter((t) => !t.busy && t.heapMb !== heapMb)) this.threads.splice(this.threads.indexOf(idle), 1);
      }
      if (thread === undefined) return;
      this.queue.shift();
      thread.run(job);
    }
  }

  private get size(): number {
    return Math.max(1, Number(process.env["VANBAN_LOADER_THREADS"] ?? 0) || availableParallelism());
  }
}

const pool = new LoaderPool();

/**
 * The load stage in a loader thread, for formats whose parsers run on untrusted structure (PDF,
 * DOCX, .doc, images): a hang is ended at `limits.stageTimeoutMs` and a memory blow-up by the
 * thread's heap limit (`limits.maxHeapMb`), so neither can take the process, or the rest of a
 * batch, down.
 */
export function loadIsolated(bytes: Uint8Array, options: { fileName: string | null; config: PipelineConfig }): Promise<LoadedDocument> {
  return pool.load({ bytes, fileName: options.fileName, config: options.config });
}
