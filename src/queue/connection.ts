import { Redis } from "ioredis";
import { VanbanError } from "../errors.js";

/**
 * The one Redis connection of a process. BullMQ's queues, flow producer and workers and the
 * Redis graph store all take this instance (a worker duplicates it once for its blocking reads).
 * `maxRetriesPerRequest: null` makes a command wait through a lost connection instead of
 * failing it, which BullMQ needs for its workers, and which lets a run outlive a Redis restart.
 */
export function connect(url: string): Redis {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new VanbanError("unreadable", `not a Redis URL: '${url}' (like redis://127.0.0.1:6379)`);
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new VanbanError("unreadable", `not a Redis URL: '${url}' (redis:// or rediss://)`);
  }
  return new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    // Reconnect at once, then back off to two seconds: a restarting Redis is waited for, not given up on.
    retryStrategy: (times) => Math.min(times * 100, 2_000),
    connectionName: `vanban:${process.pid}`,
  });
}

/** Why Redis, as configured, may lose the queue's data. A value the CLI prints and `status` shows. */
export interface RedisWarning {
  code: "maxmemory-policy" | "config-unreadable";
  message: string;
}

/**
 * Under any eviction policy but `noeviction`, a full Redis silently drops keys, and with them jobs,
 * locks and stored documents. Managed services often forbid CONFIG: that is a warning too, since
 * the policy cannot be checked.
 */
export async function evictionWarning(redis: Redis): Promise<RedisWarning | null> {
  let reply: unknown;
  try {
    reply = await redis.config("GET", "maxmemory-policy");
  } catch (error) {
    return { code: "config-unreadable", message: `cannot read maxmemory-policy (${error instanceof Error ? error.message : String(error)}): make sure it is noeviction` };
  }
  const policy = Array.isArray(reply) ? reply[1] : undefined;
  if (policy === "noeviction") return null;
  return {
    code: "maxmemory-policy",
    message: `Redis maxmemory-policy is ${String(policy)}, not noeviction: when memory fills, Redis may evict jobs and stored documents (set maxmemory-policy noeviction)`,
  };
}

/**
 * Waits for the connection to be ready. Commands would wait for ever on a Redis that is not
 * there (they are meant to outlive a restart), so a command line checks once, at the start.
 */
export async function whenReady(redis: Redis, timeoutMs = 10_000): Promise<void> {
  if (redis.status === "ready") return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new VanbanError("unreadable", `Redis at ${redis.options.host ?? "?"}:${redis.options.port ?? "?"} did not answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const onReady = (): void => {
      cleanup();
      resolve();
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      redis.off("ready", onReady);
    };
    redis.on("ready", onReady);
  });
}
