import { Cluster, Redis } from "ioredis";
import { VanbanError } from "../errors.js";

/** One Redis server, or a Redis Cluster: BullMQ, the store and every command take either. */
export type RedisConnection = Redis | Cluster;

const CLUSTER_SCHEMES = ["redis-cluster:", "rediss-cluster:"] as const;

/**
 * The one Redis connection of a process. BullMQ's queues, flow producer and workers and the
 * Redis graph store all take this instance (a worker duplicates it once for its blocking reads).
 * `maxRetriesPerRequest: null` makes a command wait through a lost connection instead of
 * failing it, which BullMQ needs for its workers, and which lets a run outlive a Redis restart.
 *
 * `redis-cluster://host:port,host:port` (or `rediss-cluster://` for TLS) names a Redis Cluster by
 * some of its nodes; every key carries the `{prefix}` hash tag, so all of vanban's keys live in
 * one slot and BullMQ's multi-key scripts and the store's transactions run there.
 */
export function connect(url: string): RedisConnection {
  const scheme = /^[a-z-]+:/.exec(url)?.[0];
  if (scheme !== undefined && (CLUSTER_SCHEMES as readonly string[]).includes(scheme)) return connectCluster(url, scheme === "rediss-cluster:");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new VanbanError("unreadable", `not a Redis URL: '${url}' (like redis://127.0.0.1:6379)`);
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new VanbanError("unreadable", `not a Redis URL: '${url}' (redis://, rediss://, or redis-cluster://host:port,host:port)`);
  }
  return new Redis(url, CONNECTION_OPTIONS);
}

const CONNECTION_OPTIONS = {
  maxRetriesPerRequest: null,
  enableReadyCheck: true,
  connectionName: `vanban:${process.pid}`,
  // Reconnect at once, then back off to two seconds: a restarting Redis is waited for, not given up on.
  retryStrategy: (times: number) => Math.min(times * 100, 2_000),
};

function connectCluster(url: string, tls: boolean): Cluster {
  const rest = url.slice(url.indexOf("://") + 3);
  const at = rest.lastIndexOf("@");
  const credentials = at >= 0 ? rest.slice(0, at) : "";
  const colon = credentials.indexOf(":");
  const [username, password] = colon >= 0 ? [decodeURIComponent(credentials.slice(0, colon)), decodeURIComponent(credentials.slice(colon + 1))] : [undefined, credentials === "" ? undefined : decodeURIComponent(credentials)];
  const nodes = (at >= 0 ? rest.slice(at + 1) : rest)
    .replace(/\/+$/, "")
    .split(",")
    .map((hostPort) => {
      const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(hostPort.trim());
      if (match === null) throw new VanbanError("unreadable", `not a Redis Cluster URL: '${url}' (like redis-cluster://10.0.0.1:7000,10.0.0.2:7000)`);
      return { host: match[1]!.replace(/^\[|\]$/g, ""), port: Number(match[2]) };
    });
  return new Cluster(nodes, {
    enableReadyCheck: true,
    clusterRetryStrategy: CONNECTION_OPTIONS.retryStrategy,
    redisOptions: { ...CONNECTION_OPTIONS, ...(username === undefined ? {} : { username }), ...(password === undefined ? {} : { password }), ...(tls ? { tls: {} } : {}) },
  });
}

/** The servers holding data: the one server, or every master of a cluster. */
export function dataNodes(redis: RedisConnection): Redis[] {
  return redis instanceof Cluster ? redis.nodes("master") : [redis];
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
export async function evictionWarning(redis: RedisConnection): Promise<RedisWarning | null> {
  for (const node of dataNodes(redis)) {
    let reply: unknown;
    try {
      reply = await node.config("GET", "maxmemory-policy");
    } catch (error) {
      return { code: "config-unreadable", message: `cannot read maxmemory-policy (${error instanceof Error ? error.message : String(error)}): make sure it is noeviction` };
    }
    const policy = Array.isArray(reply) ? reply[1] : undefined;
    if (policy === "noeviction") continue;
    return {
      code: "maxmemory-policy",
      message: `Redis${redis instanceof Cluster ? ` node ${node.options.host ?? "?"}:${node.options.port ?? "?"}` : ""} maxmemory-policy is ${String(policy)}, not noeviction: when memory fills, Redis may evict jobs and stored documents (set maxmemory-policy noeviction)`,
    };
  }
  return null;
}

/**
 * Waits for the connection to be ready. Commands would wait for ever on a Redis that is not
 * there (they are meant to outlive a restart), so a command line checks once, at the start.
 */
export async function whenReady(redis: RedisConnection, timeoutMs = 10_000): Promise<void> {
  if (redis.status === "ready") return;
  const where = redis instanceof Cluster ? "the Redis Cluster" : `Redis at ${redis.options.host ?? "?"}:${redis.options.port ?? "?"}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new VanbanError("unreadable", `${where} did not answer within ${timeoutMs / 1000} s`));
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
