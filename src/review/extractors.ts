import { setTimeout as sleep } from "node:timers/promises";
import { asFailure } from "../errors.js";
import { ExtractPool, type ExtractOutcome } from "../ingest/pool.js";
import type { PipelineConfig } from "../pipeline/config.js";
import { failureOfRecord, IdleWaitCheck, type VanbanQueue } from "../queue/queue.js";

/** One file to extract: its bytes, their hash, and the name the client gave (metadata only). */
export interface Upload {
  sha256: string;
  fileName: string;
  bytes: Uint8Array;
}

export type ExtractedOrFailed = Exclude<ExtractOutcome, { status: "cancelled" }>;

/**
 * Where documents are extracted: in this process's worker threads, or by `vanban worker`
 * processes over the queue. The server is the same either way; only this changes.
 */
export interface Extractor {
  readonly kind: "embedded" | "queue";
  /** Never rejects: a file that cannot become a document is a failed outcome. */
  extract(upload: Upload): Promise<ExtractedOrFailed>;
  /** Settles every extract still pending (done, or failed as interrupted), then lets go. */
  close(): Promise<void>;
}

export function embeddedExtractor(config: PipelineConfig, workers?: number): Extractor {
  const pool = new ExtractPool(workers, config.limits.stageTimeoutMs);
  const outstanding = new Set<Promise<unknown>>();
  return {
    kind: "embedded",
    async extract(upload) {
      const extracting = pool.extract(upload.bytes, upload.fileName, config);
      outstanding.add(extracting);
      const outcome = await extracting.finally(() => outstanding.delete(extracting));
      return outcome.status === "cancelled" ? { status: "failed", failure: { code: "internal", message: "the server stopped before this file was read; upload it again", retryable: true, file: upload.fileName } } : outcome;
    },
    // Files a thread is reading are finished; those still waiting are given back as failed.
    async close() {
      pool.cancelWaiting();
      await Promise.all(outstanding);
      await pool.close();
    },
  };
}

interface Waiting {
  fileName: string;
  resolve: (outcome: ExtractedOrFailed) => void;
}

/**
 * Extraction by the queue's workers: the bytes are submitted as `vanban ingest --redis` submits
 * them, and one poll loop collects every upload waiting on the store or the failure records.
 */
export function queueExtractor(queue: VanbanQueue, pollMs = 200): Extractor {
  const waiting = new Map<string, Waiting[]>();
  let closed = false;
  let polling: Promise<void> | null = null;

  const settle = (sha256: string, outcome: ExtractedOrFailed): void => {
    for (const w of waiting.get(sha256) ?? []) w.resolve(outcome);
    waiting.delete(sha256);
  };
  const pollOnce = async (): Promise<void> => {
    const shas = [...waiting.keys()];
    const settled = await queue.settledOf(shas);
    const stored = shas.flatMap((sha, i) => {
      const outcome = settled[i];
      return outcome?.status === "stored" ? [{ sha, id: outcome.id }] : [];
    });
    const documents = await queue.store.finished(stored.map((d) => d.id));
    stored.forEach(({ sha, id }, i) => settle(sha, { status: "done", id, ...documents[i]! }));
    shas.forEach((sha, i) => {
      const outcome = settled[i];
      if (outcome?.status === "failed") {
        settle(sha, { status: "failed", failure: failureOfRecord(outcome.failure, outcome.failure.fileName) });
      }
    });
  };
  const loop = async (): Promise<void> => {
    const idle = new IdleWaitCheck(queue);
    while (!closed && waiting.size > 0) {
      const before = waiting.size;
      try {
        await pollOnce();
        await idle.afterPoll(before - waiting.size, waiting.keys());
      } catch {
        // Redis away for a moment: ioredis reconnects, and the next round asks again.
      }
      if (waiting.size > 0) await sleep(pollMs);
    }
    polling = null;
  };

  return {
    kind: "queue",
    async extract(upload) {
      try {
        await queue.submit({ sha256: upload.sha256, file: upload.fileName, fileName: upload.fileName }, upload.bytes);
      } catch (error) {
        return { status: "failed", failure: asFailure(error, upload.fileName) };
      }
      return new Promise<ExtractedOrFailed>((resolve) => {
        const list = waiting.get(upload.sha256);
        if (list === undefined) waiting.set(upload.sha256, [{ fileName: upload.fileName, resolve }]);
        else list.push({ fileName: upload.fileName, resolve });
        polling ??= loop();
      });
    },
    async close() {
      closed = true;
      for (const [sha, list] of waiting) {
        for (const w of list) w.resolve({ status: "failed", failure: { code: "internal", message: "the server stopped before the queue finished this document; it stays queued", retryable: true, file: w.fileName } });
        waiting.delete(sha);
      }
      await polling;
    },
  };
}
