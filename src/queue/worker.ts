import { UnrecoverableError, Worker, type Job, type WorkerOptions } from "bullmq";
import { asFailure, VanbanError, type Failure } from "../errors.js";
import { ExtractPool } from "../ingest/pool.js";
import type { LoadedDocument } from "../load/model.js";
import { defaultPipeline, type PipelineConfig } from "../pipeline/config.js";
import { loadStage } from "../pipeline/run.js";
import { extractResultSchema, jobDataSchema, type ExtractResult, type JobData, type Stage } from "./config.js";
import { failureFromMessage, type VanbanQueue } from "./queue.js";

/** The load stage as a worker runs it; replaceable so tests can make it fail on purpose. */
export type LoadFunction = (bytes: Uint8Array, data: JobData, config: PipelineConfig) => Promise<LoadedDocument>;
const realLoad: LoadFunction = (bytes, data, config) => loadStage(bytes, { fileName: data.fileName, config });

/** The one child value a stage's job reads: its child stage's result. */
function onlyChild(values: Record<string, unknown>, stage: Stage): unknown {
  const all = Object.values(values);
  if (all.length !== 1) throw new VanbanError("internal", `expected one ${stage} result, found ${all.length}`);
  return all[0];
}

/** Bytes that are gone from Redis do not come back by trying again. */
class BytesGone extends VanbanError {}

export interface WorkerSetOptions {
  pipeline?: PipelineConfig;
  load?: LoadFunction;
}


/**
 * The three stage workers of one process. load reads the bytes from Redis and runs the load
 * stage (binary formats in a thread of their own, as everywhere); extract runs normalise →
 * segment → extract → validate in the worker threads of an ExtractPool (the embedded ingest's),
 * so however long a document takes the main thread stays free to renew locks, and more jobs
 * than threads are in hand so no thread waits on Redis; link stores the document once.
 *
 * Errors steer retries: a failure whose code is not retryable (corrupt, unsupported, encrypted,
 * too-large, empty, binary) ends the job at once as an UnrecoverableError; a retryable one
 * (timeout, unreadable, internal) is thrown for BullMQ to try again with exponential backoff.
 * The last failure of a document is recorded with its code for `status`, `retry` and ingest.
 */
export class WorkerSet {
  readonly workers: Record<Stage, Worker>;
  private readonly pool: ExtractPool;

  constructor(
    private readonly queue: VanbanQueue,
    options: WorkerSetOptions = {},
  ) {
    const { config, redis } = queue;
    const pipeline = options.pipeline ?? defaultPipeline();
    const load = options.load ?? realLoad;
    this.pool = new ExtractPool(config.threads ?? undefined, pipeline.limits.stageTimeoutMs);
    const common: WorkerOptions = {
      connection: redis,
      prefix: config.prefix,
      concurrency: config.concurrency,
      lockDuration: config.lockDurationMs,
      stalledInterval: config.stalledIntervalMs,
      maxStalledCount: config.maxStalledCount,
    };
    this.workers = {
      load: new Worker(
        "load",
        (job: Job) =>
          this.guarded(job, "load", async (data) => {
            const bytes = await redis.getBuffer(queue.keys.bytes(data.sha256));
            if (bytes === null) {
              throw new BytesGone("unreadable", "the file's bytes are no longer in Redis (their time to live ran out, or Redis lost them): submit the file again", { file: data.file });
            }
            // The loaded document waits for the extract stage under a key of its own rather than as
            // the job's result, which BullMQ would copy into its records and event stream.
            await redis.set(queue.keys.loaded(data.sha256), JSON.stringify(await load(bytes, data, pipeline)), "EX", config.bytesTtlSeconds);
            return null;
          }),
        common,
      ),
      extract: new Worker(
        "extract",
        (job: Job) =>
          this.guarded(job, "extract", async (data) => {
            const loaded = await redis.getBuffer(queue.keys.loaded(data.sha256));
            if (loaded === null) throw new VanbanError("internal", "the loaded document is no longer in Redis (evicted, or its time to live ran out): 'vanban retry' loads it again");
            const outcome = await this.pool.extractLoaded(loaded, data.fileName, pipeline);
            if (outcome.status === "done") {
              await queue.store.stage(data.sha256, outcome.json, config.bytesTtlSeconds);
              return { id: outcome.id, facts: outcome.facts } satisfies ExtractResult;
            }
            throw outcome.status === "failed" ? new VanbanError(outcome.failure.code, outcome.failure.message) : new VanbanError("internal", "the extract threads were closed");
          }),
        common,
      ),
      link: new Worker(
        "link",
        (job: Job) =>
          this.guarded(job, "link", async (data) => {
            const result = extractResultSchema.parse(onlyChild(await job.getChildrenValues(), "extract"));
            return { id: result.id, stored: await queue.store.putOnce({ sha256: data.sha256, file: data.file, ...result }) };
          }),
        common,
      ),
    };
    // A backstop for failures no processor saw (a job that stalled too often). It never
    // overwrites a stage's own record.
    for (const stage of ["extract", "load", "link"] as const) {
      this.workers[stage].on("failed", (job, error) => {
        if (job === undefined) return;
        const final = error instanceof UnrecoverableError || error.name === "UnrecoverableError" || job.attemptsMade >= (job.opts.attempts ?? 1);
        const data = jobDataSchema.safeParse(job.data);
        if (!final || !data.success) return;
        void queue.recordFailure(data.data, stage, failureFromMessage(error.message, false), job.attemptsMade, true).catch(() => undefined);
      });
      // Lost connections and the like: the worker reconnects by itself; keep the process alive.
      this.workers[stage].on("error", () => undefined);
    }
  }

  /** Runs a stage; a failure becomes BullMQ's unrecoverable or retryable error, with its code first. */
  private async guarded<T>(job: Job, stage: Stage, run: (data: JobData) => Promise<T>): Promise<T> {
    const data = jobDataSchema.parse(job.data);
    try {
      return await run(data);
    } catch (error) {
      const failure: Failure = asFailure(error, data.file);
      const permanent = !failure.retryable || error instanceof BytesGone;
      const last = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (last) await this.queue.recordFailure(data, stage, { ...failure, retryable: !permanent }, job.attemptsMade + 1);
      const message = `${failure.code}: ${failure.message}`;
      throw permanent ? new UnrecoverableError(message) : new Error(message);
    }
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.workers).map((w) => w.close()));
    await this.pool.close();
  }
}
