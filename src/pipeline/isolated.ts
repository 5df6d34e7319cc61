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


/**
 * The load stage in a worker thread of its own, for formats whose parsers run on untrusted
 * structure (PDF, DOCX, .doc, images): a hang is ended by terminating the thread at
 * `limits.stageTimeoutMs`, and a memory blow-up by the thread's heap limit, so neither can take
 * the process (or the rest of a batch) down.
 */
export function loadIsolated(bytes: Uint8Array, options: { fileName: string | null; config: PipelineConfig }): Promise<LoadedDocument> {
  const { fileName, config } = options;
  const { stageTimeoutMs, maxHeapMb } = config.limits;
  return new Promise((resolve, reject) => {
    const worker = new Worker(compiledScript(import.meta.url, "load-worker.js", "the load worker"), {
      workerData: { bytes, fileName, config } satisfies IsolatedLoadRequest,
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
      stdout: true, // a parser's chatter must never reach our stdout, which carries JSON
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () => settle(() => reject(new VanbanError("timeout", `reading the file took longer than ${stageTimeoutMs} ms`, { file: fileName }))),
      stageTimeoutMs,
    );
    worker.on("message", (reply: IsolatedLoadReply) =>
      settle(() => (reply.ok ? resolve(reply.document) : reject(new VanbanError(reply.failure.code, reply.failure.message, { file: fileName })))),
    );
    worker.on("error", (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new VanbanError("too-large", `reading the file needed more than ${maxHeapMb} MB of memory`, { file: fileName })
            : new VanbanError("internal", `the load worker failed: ${error.message}`, { file: fileName, cause: error }),
        ),
      ),
    );
    worker.on("exit", (code) =>
      settle(() => reject(new VanbanError("internal", `the load worker exited with code ${code} before answering`, { file: fileName }))),
    );
  });
}
