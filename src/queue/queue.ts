import { FlowProducer, Queue, type FlowJob, type JobsOptions } from "bullmq";
import { failureCodeSchema, VanbanError, type Failure } from "../errors.js";
import { dataNodes, evictionWarning, type RedisConnection, type RedisWarning } from "./connection.js";
import { jobDataSchema, keys, queueConfigSchema, queueFailureSchema, STAGES, type JobData, type Keys, type QueueConfig, type QueueConfigInput, type QueueFailure, type Stage } from "./config.js";
import { RedisGraphStore } from "./store.js";

/**
 * Retention: a load or extract job is removed as soon as it completes, since its value already
 * sits with its parent (BullMQ keeps children's return values in the parent's record); a link
 * job, whose completion means the document is in the store, stays an hour (at most 1,000) so
 * `status` shows recent work. Failed jobs stay a week (at most 10,000 per stage) for `status` and
 * `retry`; the failure itself is also recorded in the failures hash until the document is
 * retried or submitted again.
 */
export const RETENTION = {
  childComplete: true,
  linkComplete: { age: 3_600, count: 1_000 },
  failed: { age: 7 * 24 * 3_600, count: 10_000 },
} as const;

/** The queues, the flow producer and the store of one prefix, over the process's one connection. */
export class VanbanQueue {
  readonly config: QueueConfig;
  readonly keys: Keys;
  readonly queues: Record<Stage, Queue>;
  readonly flows: FlowProducer;
  readonly store: RedisGraphStore;

  constructor(
    readonly redis: RedisConnection,
    config: QueueConfigInput = {},
  ) {
    this.config = queueConfigSchema.parse(config);
    const { prefix } = this.config;
    this.keys = keys(prefix);
    const queue = (name: Stage): Queue => new Queue(name, { connection: redis, prefix });
    this.queues = { load: queue("load"), extract: queue("extract"), link: queue("link") };
    this.flows = new FlowProducer({ connection: redis, prefix });
    // A lost connection is reported here and mended by ioredis, which sends the commands again
    // once Redis is back (maxRetriesPerRequest: null): nothing for the queue to do about it.
    for (const queue of Object.values(this.queues)) queue.on("error", () => undefined);
    this.flows.on("error", () => undefined);
    this.store = new RedisGraphStore(redis, prefix);
  }

  warning(): Promise<RedisWarning | null> {
    return evictionWarning(this.redis);
  }

  /** The flow of one document: link waits for extract, which waits for load; every job's id is the sha256. */
  flowOf(data: JobData): FlowJob {
    const { attempts, backoffMs, prefix } = this.config;
    const common: JobsOptions = { jobId: data.sha256, attempts, backoff: { type: "exponential", delay: backoffMs }, removeOnFail: RETENTION.failed };
    // A child that fails for good fails its parent, so the document ends failed instead of waiting forever.
    const child = { ...common, removeOnComplete: RETENTION.childComplete, failParentOnFailure: true };
    return {
      name: "link",
      queueName: "link",
      prefix,
      data,
      opts: { ...common, removeOnComplete: RETENTION.linkComplete },
      children: [{ name: "extract", queueName: "extract", prefix, data, opts: child, children: [{ name: "load", queueName: "load", prefix, data, opts: child }] }],
    };
  }

  /**
   * Queues a document whose bytes are known. Nothing happens when the document is stored already
   * or its flow is still on its way (the job id is the content hash); a failed earlier try is
   * cleared and the document goes round again. A document Redis has never seen (no job of any
   * stage) takes three round trips: a fresh batch is what a submitter mostly sends.
   */
  async submit(data: JobData, bytes: Uint8Array): Promise<"queued" | "stored" | "in-flight"> {
    const [stored, jobs] = replies(
      await this.redis
        .multi()
        .hget(this.keys.sources, data.sha256)
        .exists(...STAGES.map((stage) => this.queues[stage].toKey(data.sha256)))
        .exec(),
      "Redis did not answer whether the document is known",
    );
    if (stored !== null) return "stored";
    if (jobs !== 0) {
      const state = await this.queues.link.getJobState(data.sha256);
      if (state !== "unknown" && state !== "failed" && state !== "completed") return "in-flight";
      await this.removeFailedJobs(data.sha256);
    }
    await this.addFlow(data, bytes);
    return "queued";
  }

  /** Clears what an earlier try left (its failed jobs and failure record) and adds the flow again. */
  private async requeue(data: JobData): Promise<void> {
    await this.removeFailedJobs(data.sha256);
    await this.addFlow(data);
  }

  /**
   * Puts the document's bytes (when given) and clears its failure record in one transaction, then
   * adds its flow: a flow whose bytes were not written would only fail in its load stage.
   */
  private async addFlow(data: JobData, bytes?: Uint8Array): Promise<void> {
    const multi = this.redis.multi();
    if (bytes) multi.set(this.keys.bytes(data.sha256), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "EX", this.config.bytesTtlSeconds);
    multi.hdel(this.keys.failures, data.sha256);
    replies(await multi.exec(), "Redis did not take the file's bytes or clear its failure record");
    await this.flows.add(this.flowOf(data));
  }

  /** A failed job keeps its id taken: adding the flow again would quietly skip that stage. */
  private async removeFailedJobs(sha256: string): Promise<void> {
    for (const stage of [...STAGES].reverse()) {
      const job = await this.queues[stage].getJob(sha256);
      if (job !== undefined && (await job.isFailed())) await job.remove({ removeChildren: false });
    }
  }

  /** Records a document's failure. `onlyIfNew` keeps the stage's own, more precise record. */
  async recordFailure(data: JobData, stage: Stage, failure: Failure, attempts: number, onlyIfNew = false): Promise<void> {
    const record: QueueFailure = { ...data, stage, code: failure.code, message: failure.message, retryable: failure.retryable, attempts };
    const value = JSON.stringify(record);
    if (onlyIfNew) await this.redis.hsetnx(this.keys.failures, data.sha256, value);
    else await this.redis.hset(this.keys.failures, data.sha256, value);
  }

  async failuresOf(sha256s: readonly string[]): Promise<(QueueFailure | null)[]> {
    if (sha256s.length === 0) return [];
    return (await this.redis.hmget(this.keys.failures, ...sha256s)).map((v) => (v === null ? null : queueFailureSchema.parse(JSON.parse(v))));
  }

  /** What became of these documents so far, in the order asked: stored (with the id), failed (with the record), or null while on their way. */
  async settledOf(sha256s: readonly string[]): Promise<Settled[]> {
    const [stored, failed] = await Promise.all([this.store.sourcesOf(sha256s), this.failuresOf(sha256s)]);
    return sha256s.map((_, i) => {
      const source = stored[i];
      const failure = failed[i];
      if (source) return { status: "stored", id: source.id };
      return failure ? { status: "failed", failure } : null;
    });
  }

  /**
   * Failures BullMQ holds that no worker recorded: a flow failed by the stalled-job checker of a
   * worker that died before its `failed` handler ran. Recorded now from the job's own reason
   * (never over a stage's record), so no submitter waits for them forever. One lookup per
   * document: for the moments a submitter has nothing else to do, not for every poll.
   */
  async reconcileFailures(sha256s: readonly string[]): Promise<(QueueFailure | null)[]> {
    return Promise.all(
      sha256s.map(async (sha256) => {
        // A stage's job is failed only once its tries are spent; the stages after it would only wait.
        for (const stage of STAGES) {
          const job = await this.queues[stage].getJob(sha256);
          if (job === undefined || !(await job.isFailed())) continue;
          const data = jobDataSchema.safeParse(job.data);
          if (!data.success) return null;
          // A worker that died mid-job is no verdict on the file: 'vanban retry' may well succeed.
          await this.recordFailure(data.data, stage, failureFromMessage(job.failedReason || "internal: the job failed without a reason", true), job.attemptsMade, true);
          return (await this.failuresOf([sha256]))[0] ?? null;
        }
        return null;
      }),
    );
  }

  async failures(): Promise<QueueFailure[]> {
    return Object.values(await this.redis.hgetall(this.keys.failures)).map((v) => queueFailureSchema.parse(JSON.parse(v)));
  }

  /** Counts per stage, the stored documents, the failures with their reasons, and what Redis risks. */
  async status(): Promise<QueueStatus> {
    const stages = {} as QueueStatus["stages"];
    for (const stage of STAGES) {
      const counts = await this.queues[stage].getJobCounts("waiting", "waiting-children", "prioritized", "active", "delayed", "completed", "failed");
      stages[stage] = { waiting: (counts["waiting"] ?? 0) + (counts["prioritized"] ?? 0), waitingChildren: counts["waiting-children"] ?? 0, active: counts["active"] ?? 0, delayed: counts["delayed"] ?? 0, completed: counts["completed"] ?? 0, failed: counts["failed"] ?? 0 };
    }
    return { prefix: this.config.prefix, stages, documents: await this.store.count(), failures: await this.failures(), warning: await this.warning() };
  }

  /** Queues every recorded failure again whose bytes are still in Redis. */
  async retryFailed(): Promise<{ requeued: QueueFailure[]; expired: QueueFailure[] }> {
    const requeued: QueueFailure[] = [];
    const expired: QueueFailure[] = [];
    for (const failure of await this.failures()) {
      const data: JobData = { sha256: failure.sha256, file: failure.file, fileName: failure.fileName };
      if ((await this.redis.exists(this.keys.bytes(failure.sha256))) === 0) {
        expired.push(failure);
        continue;
      }
      await this.requeue(data);
      requeued.push(failure);
    }
    return { requeued, expired };
  }

  /** Removes every queue and key of the prefix: tests, and starting over. */
  async obliterate(): Promise<void> {
    for (const stage of STAGES) await this.queues[stage].obliterate({ force: true });
    // SCAN walks one server: on a cluster, each master (the hash tag keeps them all on one).
    for (const node of dataNodes(this.redis)) {
      let cursor = "0";
      do {
        const [next, found] = await node.scan(cursor, "MATCH", `${this.config.prefix.replace(/[*?[\]\\]/g, "\\$&")}:*`, "COUNT", 1000);
        if (found.length > 0) await node.del(...found);
        cursor = next;
      } while (cursor !== "0");
    }
  }

  async close(): Promise<void> {
    await Promise.all([...STAGES.map((s) => this.queues[s].close()), this.flows.close()]);
  }
}

/** A recorded failure as the submitter reports it, for the file it named. */
export function failureOfRecord(record: QueueFailure, file: string): Failure {
  return { code: record.code, message: record.message, retryable: record.retryable, file };
}

/** A transaction's replies, or the error that says Redis refused some of it. */
function replies(result: [Error | null, unknown][] | null, why: string): unknown[] {
  if (result === null || result.some(([error]) => error !== null)) throw new VanbanError("unreadable", why);
  return result.map(([, value]) => value);
}

export type Settled = { status: "stored"; id: string } | { status: "failed"; failure: QueueFailure } | null;

/** Polls in a row that finished nothing before a waiter asks BullMQ about failures nobody recorded. */
const IDLE_POLLS_BEFORE_RECONCILING = 10;
const RECONCILE_AT_ONCE = 64;

/**
 * Watches a waiter's polls (ingest --redis, the server on the queue): after every tenth in a row
 * that finished nothing, asks BullMQ whether a flow failed with nobody left to record it
 * (reconcileFailures), so the next poll sees the failure and no wait lasts forever.
 */
export class IdleWaitCheck {
  private idlePolls = 0;

  constructor(private readonly queue: VanbanQueue) {}

  async afterPoll(finished: number, waiting: Iterable<string>): Promise<void> {
    if (finished > 0) {
      this.idlePolls = 0;
      return;
    }
    if (++this.idlePolls % IDLE_POLLS_BEFORE_RECONCILING !== 0) return;
    const first: string[] = [];
    for (const sha256 of waiting) if (first.push(sha256) >= RECONCILE_AT_ONCE) break;
    await this.queue.reconcileFailures(first);
  }
}

export interface StageCounts {
  waiting: number;
  waitingChildren: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}
export interface QueueStatus {
  prefix: string;
  stages: Record<Stage, StageCounts>;
  documents: number;
  failures: QueueFailure[];
  warning: RedisWarning | null;
}

/** "corrupt: the PDF ..." back into a failure: the code travels at the head of the job's error message. */
export function failureFromMessage(message: string, retryable: boolean): Failure {
  const colon = message.indexOf(": ");
  const code = failureCodeSchema.safeParse(colon > 0 ? message.slice(0, colon) : "");
  return code.success ? { code: code.data, message: message.slice(colon + 2), retryable, file: null } : { code: "internal", message, retryable, file: null };
}
