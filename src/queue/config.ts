import { z } from "zod";
import { failureCodeSchema } from "../errors.js";
import { documentFactSchema } from "../graph/facts.js";

/**
 * How the queue is run. One schema for the submitter, the workers and the status commands, so
 * a value read from the command line or the environment is checked once, at the boundary.
 */
export const queueConfigSchema = z.object({
  /**
   * Every key of the queues and the store starts with it. The braces make it a Redis Cluster hash
   * tag: all keys hash to one slot, so BullMQ's multi-key scripts and ours run on a cluster too.
   */
  prefix: z
    .string()
    .regex(/^\{[^{}]+\}$/, "the prefix must be a hash tag in braces, like {vanban}")
    .default("{vanban}"),
  /** Tries of a job whose error is retryable (timeout, lost connection, a bug that may pass). */
  attempts: z.number().int().positive().default(5),
  /** First retry delay; each next one doubles (BullMQ's exponential backoff). */
  backoffMs: z.number().int().nonnegative().default(1_000),
  /** Bytes wait in Redis at most this long for a worker; the link step deletes them at once. */
  bytesTtlSeconds: z.number().int().positive().default(7 * 24 * 3600),
  /** A worker holds a job's lock this long and renews it at half; a dead worker's jobs come back after it. */
  lockDurationMs: z.number().int().positive().default(30_000),
  stalledIntervalMs: z.number().int().positive().default(30_000),
  /** Times a job may be found stalled (its worker died) before it fails for good. */
  maxStalledCount: z.number().int().nonnegative().default(5),
  /** Jobs at a time per stage in one worker process: more than threads, so no thread waits on Redis. */
  concurrency: z.number().int().positive().default(4),
  /** Worker threads of the extract stage in one worker process (default: one per core). */
  threads: z.number().int().positive().nullable().default(null),
});
export type QueueConfig = z.infer<typeof queueConfigSchema>;
export type QueueConfigInput = z.input<typeof queueConfigSchema>;

export const STAGES = ["load", "extract", "link"] as const;
export type Stage = (typeof STAGES)[number];

/** Key names under the prefix; the queue names are what BullMQ puts after it. */
export function keys(prefix: string) {
  return {
    bytes: (sha256: string) => `${prefix}:bytes:${sha256}`,
    staged: (sha256: string) => `${prefix}:staged:${sha256}`,
    loaded: (sha256: string) => `${prefix}:loaded:${sha256}`,
    facts: `${prefix}:store:facts`,
    documents: `${prefix}:store:documents`,
    sources: `${prefix}:store:sources`,
    order: `${prefix}:store:order`,
    version: `${prefix}:store:version`,
    failures: `${prefix}:failures`,
  };
}
export type Keys = ReturnType<typeof keys>;

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

/** The data of every job of a document's flow: which bytes, and the file they came from. */
export const jobDataSchema = z.object({
  sha256: sha256Schema,
  /** The path as the submitter was given it: failures name it. */
  file: z.string(),
  /** What the document records as its source's file name. */
  fileName: z.string(),
});
export type JobData = z.infer<typeof jobDataSchema>;

/**
 * What the extract stage hands the link step through BullMQ. The document's JSON, the bulk of
 * it, waits under `staged` instead, so it crosses the network once each way and is not copied
 * into job records and event streams.
 */
export const extractResultSchema = z.object({
  id: z.string(),
  facts: documentFactSchema,
});
export type ExtractResult = z.infer<typeof extractResultSchema>;

/** A document that ended in failure, as the stage that failed recorded it. */
export const queueFailureSchema = jobDataSchema.extend({
  stage: z.enum(STAGES),
  code: failureCodeSchema,
  message: z.string(),
  retryable: z.boolean(),
  attempts: z.number().int().nonnegative(),
});
export type QueueFailure = z.infer<typeof queueFailureSchema>;

export const sourceValueSchema = z.object({ id: z.string(), file: z.string() });
