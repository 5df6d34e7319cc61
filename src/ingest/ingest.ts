import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { basename } from "node:path";
import { readInput, writeFileAtomic } from "../cli/files.js";
import { asFailure, type Failure } from "../errors.js";
import type { DocumentFact } from "../graph/facts.js";
import { FileGraphStore, type SourceRecord } from "../graph/store.js";
import { defaultPipeline, type PipelineConfig } from "../pipeline/config.js";
import { archivePaths, lockArchive, openDocumentsNdjson, readFailures, type FailureLine } from "./archive.js";
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

export interface IngestSummary extends Omit<IngestProgress, "file"> {
  interrupted: boolean;
  failures: FailureLine[];
  documents: number;
  graph: { nodes: number; placeholders: number; edges: number; candidates: number };
  ms: number;
}

/** The path as given names the file: the worker only knows its base name. */
const toLine = (failure: Failure, file: string): FailureLine => ({ file, code: failure.code, message: failure.message, retryable: failure.retryable });

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
  const paths = archivePaths(options.archiveDir);
  await mkdir(paths.documents, { recursive: true });
  const unlock = await lockArchive(options.archiveDir);
  try {
    return await ingestLocked(inputs, options, config, paths, started);
  } finally {
    await unlock();
  }
}

async function ingestLocked(inputs: readonly string[], options: IngestOptions, config: PipelineConfig, paths: ReturnType<typeof archivePaths>, started: number): Promise<IngestSummary> {
  const store = await FileGraphStore.open(options.archiveDir);
  const ndjson = await openDocumentsNdjson(paths.ndjson);
  const known = new Map(await store.sources());
  const { files, failures: unreadable } = await collectInputs(inputs);
  const failures = unreadable.map((f) => toLine(f, f.file ?? ""));
  const progress: IngestProgress = { total: files.length + failures.length, extracted: 0, skipped: 0, failed: failures.length, file: "" };
  const attempted = new Set<string>(failures.map((f) => f.file));
  let pendingFacts: DocumentFact[] = [];
  let pendingSources: SourceRecord[] = [];
  const commitEvery = options.commitEvery ?? 64;
  let committing: Promise<void> = Promise.resolve();

  const commit = (): Promise<void> => {
    const facts = pendingFacts;
    const sources = pendingSources;
    pendingFacts = [];
    pendingSources = [];
    // Commits are chained so the log's records keep the order they were made in.
    committing = committing.then(async () => {
      if (facts.length === 0 && sources.length === 0) return;
      await ndjson.sync();
      await store.putDocuments(facts, sources);
    });
    return committing;
  };
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
      failures.push(toLine(failure, file));
      progress.failed++;
    };
    try {
      const bytes = await readInput(file, config.limits.maxBytes);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      if (known.has(sha256) || inFlightSha.has(sha256)) {
        progress.skipped++;
        return;
      }
      inFlightSha.add(sha256);
      if (options.signal?.aborted) return cancelled();
      const outcome = await pool.extract(bytes, basename(file), config);
      if (outcome.status === "cancelled") return cancelled();
      if (outcome.status === "failed") return fail(outcome.failure);
      await writeFileAtomic(paths.document(outcome.id), `${outcome.json}\n`);
      if (!ndjson.ids.has(outcome.id)) {
        ndjson.ids.add(outcome.id);
        await ndjson.append(`${outcome.json}\n`);
      }
      known.set(sha256, outcome.id);
      pendingFacts.push(outcome.facts);
      pendingSources.push({ sha256, id: outcome.id, file });
      progress.extracted++;
      if (pendingFacts.length >= commitEvery) await commit();
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
    await commit();
    await ndjson.close();
  }

  // Failures of files this run did not try again stay on record; those it tried are replaced.
  const earlier = (await readFailures(paths.failures)).filter((f) => !attempted.has(f.file));
  const allFailures = [...earlier, ...failures];
  await writeFileAtomic(paths.failures, allFailures.map((f) => `${JSON.stringify(f)}\n`).join(""));
  const graph = await store.graph();
  const documents = (await store.documentFacts()).length;
  await store.close();
  const nodes = graph.data.nodes;
  return {
    total: progress.total,
    extracted: progress.extracted,
    skipped: progress.skipped,
    failed: progress.failed,
    interrupted,
    failures,
    documents,
    graph: { nodes: nodes.length, placeholders: nodes.filter((n) => n.status === "placeholder").length, edges: graph.data.edges.length, candidates: graph.data.candidates.length },
    ms: performance.now() - started,
  };
}
