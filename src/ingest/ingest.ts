import { createHash } from "node:crypto";
import { basename } from "node:path";
import { readInput } from "../fs/read.js";
import { asFailure, type Failure } from "../errors.js";
import { defaultPipeline, type PipelineConfig } from "../pipeline/config.js";
import { ArchiveWriter, type ArchiveSummary, type FailureLine } from "./archive.js";
import { collectInputs } from "./inputs.js";
import { ExtractPool } from "./pool.js";

export interface IngestOptions {
  archiveDir: string;
  config?: PipelineConfig;
  /** Worker threads (default: one per core). */
  workers?: number;
  /** Stops handing out files; those in flight finish and are committed, so a re-run resumes. */
  signal?: AbortSignal;
  onProgress?: (progress: IngestProgress) => void;
  /** Documents per durable commit of the graph's facts. */
  commitEvery?: number;
}

export interface IngestProgress {
  total: number;
  extracted: number;
  skipped: number;
  failed: number;
  file: string;
}

export interface IngestSummary extends Omit<IngestProgress, "file">, ArchiveSummary {
  interrupted: boolean;
  failures: FailureLine[];
  ms: number;
}

/** The path as given names the file: the worker only knows its base name. */
export const failureLine = (failure: Failure, file: string): FailureLine => ({ file, code: failure.code, message: failure.message, retryable: failure.retryable });

export const sha256Hex = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/**
 * The whole pipeline over many files into an archive. Bytes already ingested (by sha256) are
 * skipped, so an interrupted run resumes and a later run extends the archive; a file that fails
 * is recorded in failures.ndjson and the batch goes on. Each document is written before its facts
 * are committed to the graph's log, so a crash at any point leaves nothing the next run trusts
 * half-written.
 */
export async function ingest(inputs: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const config = options.config ?? defaultPipeline();
  const archive = await ArchiveWriter.open(options.archiveDir, options.commitEvery);
  try {
    return await ingestInto(archive, inputs, options, config, started);
  } finally {
    await archive.release();
  }
}

async function ingestInto(archive: ArchiveWriter, inputs: readonly string[], options: IngestOptions, config: PipelineConfig, started: number): Promise<IngestSummary> {
  const { files, failures: unreadable } = await collectInputs(inputs);
  const failures = unreadable.map((f) => failureLine(f, f.file ?? ""));
  const progress: IngestProgress = { total: files.length + failures.length, extracted: 0, skipped: 0, failed: failures.length, file: "" };
  const attempted = new Set<string>(failures.map((f) => f.file));
  const report = (file: string): void => options.onProgress?.({ ...progress, file });

  const pool = new ExtractPool(options.workers, config.limits.stageTimeoutMs);
  const inFlightSha = new Set<string>();
  let interrupted = false;
  options.signal?.addEventListener("abort", () => pool.cancelWaiting(), { once: true });
  const processFile = async (file: string): Promise<void> => {
    attempted.add(file);
    const cancelled = (): void => {
      // Not tried after all: an earlier failure of this file stays on record.
      attempted.delete(file);
      interrupted = true;
    };
    const fail = (failure: Failure): void => {
      failures.push(failureLine(failure, file));
      progress.failed++;
    };
    try {
      const bytes = await readInput(file, config.limits.maxBytes);
      const sha256 = sha256Hex(bytes);
      if (archive.known.has(sha256) || inFlightSha.has(sha256)) {
        progress.skipped++;
        return;
      }
      inFlightSha.add(sha256);
      if (options.signal?.aborted) return cancelled();
      const outcome = await pool.extract(bytes, basename(file), config);
      if (outcome.status === "cancelled") return cancelled();
      if (outcome.status === "failed") return fail(outcome.failure);
      await archive.add({ sha256, file, id: outcome.id, json: outcome.json, facts: outcome.facts });
      progress.extracted++;
    } catch (error) {
      fail(asFailure(error, file));
    } finally {
      report(file);
    }
  };

  // Enough files queued that no worker waits while the main thread reads, hashes and fsyncs.
  const maxInFlight = pool.size * 4 + 4;
  const inFlight = new Set<Promise<void>>();
  try {
    for (const file of files) {
      if (options.signal?.aborted) {
        interrupted = true;
        break;
      }
      const task = processFile(file).finally(() => inFlight.delete(task));
      inFlight.add(task);
      if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await pool.close();
  }
  const archived = await archive.finish(failures, attempted);
  return { total: progress.total, extracted: progress.extracted, skipped: progress.skipped, failed: progress.failed, interrupted, failures, ...archived, ms: performance.now() - started };
}
