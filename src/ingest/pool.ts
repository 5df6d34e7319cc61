import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Failure } from "../errors.js";
import type { DocumentFact } from "../graph/facts.js";
import { compiledScript } from "../package-root.js";
import type { PipelineConfig } from "../pipeline/config.js";

export interface ExtractTask {
  task: number;
  /** A file's bytes for the whole pipeline, or (the queue's extract stage) the JSON, as UTF-8, of a document the load stage read. */
  input: { bytes: Uint8Array } | { loadedJson: Uint8Array };
  fileName: string;
  config: PipelineConfig;
}
/**
 * Only a buffer of its own can be transferred: a view into a shared one (Node's Buffer pool, a
 * socket chunk holding the next replies) would detach it. A copy, by Uint8Array's constructor:
 * a Buffer's `slice` is a view.
 */
function owned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

export type ExtractReply =
  | { task: number; ok: true; id: string; json: Uint8Array; facts: DocumentFact }
  | { task: number; ok: false; failure: Failure };
export type ExtractOutcome =
  /** `json`: the document's JSON as UTF-8, made in the thread, so the main thread only writes it out. */
  | { status: "done"; id: string; json: Uint8Array; facts: DocumentFact }
  | { status: "failed"; failure: Failure }
  | { status: "cancelled" };


interface Slot {
  worker: Worker;
  busy: { task: number; resolve: (outcome: ExtractOutcome) => void; timer: NodeJS.Timeout; fileName: string } | null;
}

/**
 * Worker threads running the whole pipeline, one file at a time each. A file that hangs its
 * thread past the pipeline's time limit, or kills it, fails alone: the thread is replaced and
 * the batch goes on.
 */
export class ExtractPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: { task: Omit<ExtractTask, "task">; resolve: (outcome: ExtractOutcome) => void }[] = [];
  private nextTask = 0;
  private closed = false;

  constructor(
    readonly size: number = Math.max(1, availableParallelism()),
    private readonly timeoutMs: number = 300_000,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(compiledScript(import.meta.url, "worker.js", "the ingest worker"), { stdout: true, stderr: true });
    // A parser's chatter must never reach our stdout.
    worker.stdout.resume();
    worker.stderr.resume();
    const slot: Slot = { worker, busy: null };
    worker.on("message", (reply: ExtractReply) => {
      const busy = slot.busy;
      if (busy === null || busy.task !== reply.task) return;
      this.finish(slot, reply.ok ? { status: "done", id: reply.id, json: reply.json, facts: reply.facts } : { status: "failed", failure: reply.failure });
    });
    const lost = (why: string): void => {
      const busy = slot.busy;
      if (busy !== null) this.finish(slot, { status: "failed", failure: { code: "internal", message: `the ingest worker ${why}`, retryable: true, file: busy.fileName } }, true);
      else if (!this.closed) this.replace(slot);
    };
    worker.on("error", (error) => lost(`failed: ${error.message}`));
    worker.on("exit", (code) => lost(`exited with code ${code}`));
    return slot;
  }

  private replace(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    if (index >= 0 && !this.closed) {
      this.slots[index] = this.spawn();
      this.pump();
    }
  }

  private finish(slot: Slot, outcome: ExtractOutcome, workerLost = false): void {
    const busy = slot.busy!;
    clearTimeout(busy.timer);
    slot.busy = null;
    busy.resolve(outcome);
    if (workerLost) this.replace(slot);
    else this.pump();
  }

  /** Extracts one file's bytes; never rejects: a failure is an outcome. The bytes are transferred. */
  extract(bytes: Uint8Array, fileName: string, config: PipelineConfig): Promise<ExtractOutcome> {
    return this.enqueue({ input: { bytes: owned(bytes) }, fileName, config });
  }

  /**
   * Runs the stages after load (normalise → segment → extract → validate) on a loaded document,
   * given as its JSON's UTF-8 bytes, as Redis returns them: handed over, not copied, and decoded,
   * parsed and checked in the thread.
   */
  extractLoaded(loadedJson: Uint8Array, fileName: string, config: PipelineConfig): Promise<ExtractOutcome> {
    return this.enqueue({ input: { loadedJson: owned(loadedJson) }, fileName, config });
  }

  private enqueue(task: Omit<ExtractTask, "task">): Promise<ExtractOutcome> {
    if (this.closed) throw new Error("the extract pool is closed");
    return new Promise((resolve) => {
      this.waiting.push({ task, resolve });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy !== null) continue;
      const next = this.waiting.shift();
      if (next === undefined) return;
      const task = this.nextTask++;
      const timer = setTimeout(() => {
        if (slot.busy?.task !== task) return;
        const failure: Failure = { code: "timeout", message: `extraction took longer than ${this.timeoutMs} ms`, retryable: true, file: next.task.fileName };
        this.finish(slot, { status: "failed", failure }, true);
      }, this.timeoutMs);
      slot.busy = { task, resolve: next.resolve, timer, fileName: next.task.fileName };
      const message: ExtractTask = { task, ...next.task };
      const { input } = message;
      slot.worker.postMessage(message, ["bytes" in input ? input.bytes.buffer : input.loadedJson.buffer] as ArrayBuffer[]);
    }
  }

  /** Files not yet handed to a worker are given back unread (an interrupted run leaves them for the next). */
  cancelWaiting(): void {
    for (const task of this.waiting.splice(0)) task.resolve({ status: "cancelled" });
  }

  async close(): Promise<void> {
    this.cancelWaiting();
    this.closed = true;
    await Promise.all(this.slots.map((slot) => {
      slot.worker.removeAllListeners();
      return slot.worker.terminate();
    }));
  }
}
