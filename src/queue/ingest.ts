import { basename } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { readInput } from "../fs/read.js";
import { asFailure, type Failure } from "../errors.js";
import { ArchiveWriter, type ArchiveSummary, type FailureLine } from "../ingest/archive.js";
import { failureLine, sha256Hex, type IngestProgress } from "../ingest/ingest.js";
import { collectInputs } from "../ingest/inputs.js";
import { defaultPipeline, type PipelineConfig } from "../pipeline/config.js";
import type { JobData } from "./config.js";
import { failureOfRecord, IdleWaitCheck, type VanbanQueue } from "./queue.js";

export interface QueueIngestOptions {
  /** Also write the finished documents and their graph here, exactly as embedded ingest does. */
  archiveDir?: string | null;
  /** Return once every document is queued, without waiting for the workers. */
  detach?: boolean;
  /** The submitter's limits: a file over maxBytes is refused before it reaches Redis. */
  config?: PipelineConfig;
  signal?: AbortSignal;
  onProgress?: (progress: IngestProgress) => void;
  pollMs?: number;
}

export interface QueueIngestSummary extends Omit<IngestProgress, "file"> {
  queued: number;
  interrupted: boolean;
  detached: boolean;
  failures: FailureLine[];
  archive: ArchiveSummary | null;
  ms: number;
}

/** Files read and queued at a time: bounds the submitter's memory whatever the batch. */
const SUBMIT_AT_ONCE = 16;
const FETCH_AT_ONCE = 64;
const BUSY_POLL_MS = 50;

/**
 * ingest over the queue: each file's bytes go to Redis (with a time to live) and a flow per
 * document is added; workers anywhere do the rest. Waits until every document is stored or
 * failed, then, given an archive, writes the documents and graph there as embedded ingest does.
 * Bytes already archived (or, without an archive, already stored in Redis) are skipped.
 */
export async function queueIngest(queue: VanbanQueue, inputs: readonly string[], options: QueueIngestOptions = {}): Promise<QueueIngestSummary> {
  const started = performance.now();
  const archive = options.archiveDir ? await ArchiveWriter.open(options.archiveDir) : null;
  try {
    return await submitAndWait(queue, inputs, options, archive, started);
  } finally {
    await archive?.release();
  }
}

async function submitAndWait(queue: VanbanQueue, inputs: readonly string[], options: QueueIngestOptions, archive: ArchiveWriter | null, started: number): Promise<QueueIngestSummary> {
  const config = options.config ?? defaultPipeline();
  const { files, failures: unreadable } = await collectInputs(inputs);
  const failures = unreadable.map((f) => failureLine(f, f.file ?? ""));
  const attempted = new Set<string>([...failures.map((f) => f.file), ...files]);
  const progress: IngestProgress = { total: files.length + failures.length, extracted: 0, skipped: 0, failed: failures.length, file: "" };
  const report = (file: string): void => options.onProgress?.({ ...progress, file });
  const fail = (failure: Failure, file: string): void => {
    failures.push(failureLine(failure, file));
    progress.failed++;
    report(file);
  };
  /** The documents this run waits for, by sha256 (the first file with those bytes). */
  const pending = new Map<string, JobData>();
  let queued = 0;
  let interrupted = false;

  const submitOne = async (file: string): Promise<void> => {
    try {
      const bytes = await readInput(file, config.limits.maxBytes);
      const data: JobData = { sha256: sha256Hex(bytes), file, fileName: basename(file) };
      if (archive?.known.has(data.sha256) || pending.has(data.sha256)) {
        progress.skipped++;
        return report(file);
      }
      pending.set(data.sha256, data);
      const outcome = await queue.submit(data, bytes);
      if (outcome === "stored" && archive === null) {
        pending.delete(data.sha256);
        progress.skipped++;
        return report(file);
      }
      if (outcome === "queued") queued++;
    } catch (error) {
      fail(asFailure(error, file), file);
    }
  };
  for (let i = 0; i < files.length; i += SUBMIT_AT_ONCE) {
    if (options.signal?.aborted) {
      interrupted = true;
      break;
    }
    await Promise.all(files.slice(i, i + SUBMIT_AT_ONCE).map(submitOne));
  }

  if (!options.detach) {
    const idle = new IdleWaitCheck(queue);
    while (pending.size > 0 && !options.signal?.aborted) {
      const progressed = await collect(queue, pending, archive, progress, (failure, data) => fail(failure, data.file));
      await idle.afterPoll(progressed, pending.keys());
      if (progressed > 0) report("");
      // Each poll asks about every document still pending: after one that found work, wait a
      // little for more to finish instead of asking again at once, which took a core from the workers.
      await sleep(progressed > 0 ? BUSY_POLL_MS : (options.pollMs ?? 200));
    }
    if (pending.size > 0) interrupted = true;
  }
  const archived = archive === null ? null : await archive.finish(failures, attempted);
  return {
    total: progress.total,
    extracted: progress.extracted,
    skipped: progress.skipped,
    failed: progress.failed,
    queued,
    interrupted,
    detached: options.detach ?? false,
    failures,
    archive: archived,
    ms: performance.now() - started,
  };
}

/** Takes the finished documents off `pending`: stored ones into the archive, failed ones as failures. Returns how many finished. */
async function collect(queue: VanbanQueue, pending: Map<string, JobData>, archive: ArchiveWriter | null, progress: IngestProgress, fail: (failure: Failure, data: JobData) => void): Promise<number> {
  const waiting = [...pending.values()];
  let finished = 0;
  for (let i = 0; i < waiting.length; i += FETCH_AT_ONCE * 16) {
    const batch = waiting.slice(i, i + FETCH_AT_ONCE * 16);
    const settled = await queue.settledOf(batch.map((d) => d.sha256));
    const done: { data: JobData; id: string }[] = [];
    batch.forEach((data, j) => {
      const outcome = settled[j];
      if (outcome?.status === "stored") done.push({ data, id: outcome.id });
      else if (outcome?.status === "failed") {
        pending.delete(data.sha256);
        finished++;
        fail(failureOfRecord(outcome.failure, data.file), data);
      }
    });
    for (let k = 0; k < done.length; k += FETCH_AT_ONCE) {
      const slice = done.slice(k, k + FETCH_AT_ONCE);
      if (archive !== null) {
        const documents = await queue.store.finished(slice.map((d) => d.id));
        // Written side by side, as embedded ingest writes them: each is fsynced, and one after another they would cap the run.
        await Promise.all(slice.map(({ data, id }, n) => archive.add({ sha256: data.sha256, file: data.file, id, ...documents[n]! })));
      }
      for (const { data } of slice) {
        pending.delete(data.sha256);
        progress.extracted++;
        finished++;
      }
    }
  }
  return finished;
}
