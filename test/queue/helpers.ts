import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { RedisConnection } from "../../src/queue/connection.js";
import { afterEach, beforeEach } from "vitest";
import { connect, whenReady } from "../../src/queue/connection.js";
import type { QueueConfigInput } from "../../src/queue/config.js";
import { VanbanQueue } from "../../src/queue/queue.js";
import type { WorkerSet } from "../../src/queue/worker.js";
import { SEED_FILES, SEEDS_DIR } from "../graph/helpers.js";

/** The Redis every queue test runs against; `.ci/run` starts one here when none answers. A missing Redis fails these tests. */
export const REDIS_URL = process.env["VANBAN_TEST_REDIS"] ?? "redis://127.0.0.1:6379";

export interface TestQueue {
  redis: RedisConnection;
  queue: VanbanQueue;
  prefix: string;
}

/** A queue under a prefix of its own, so tests never see each other's jobs or documents. */
export async function openTestQueue(config: QueueConfigInput = {}, url = REDIS_URL): Promise<TestQueue> {
  const redis = connect(url);
  redis.on("error", () => undefined);
  await whenReady(redis, 5_000);
  const prefix = `{vanban-test-${randomBytes(6).toString("hex")}}`;
  return { redis, prefix, queue: new VanbanQueue(redis, { backoffMs: 20, ...config, prefix }) };
}

export async function closeTestQueue(test: TestQueue | undefined): Promise<void> {
  if (test === undefined) return;
  await test.queue.obliterate();
  await test.queue.close();
  test.redis.disconnect();
}

/** Polls until `ready` is true; the test's own timeout is the only limit (no timed assertion). */
export async function until(ready: () => Promise<boolean> | boolean, everyMs = 50): Promise<void> {
  while (!(await ready())) await sleep(everyMs);
}

/** The seeds copied `count` times into `dir`, each copy a new document (a line of its own) that extracts the same fields. */
export function variedSeeds(dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  const seeds = SEED_FILES.map((name) => ({ name, text: readFileSync(join(SEEDS_DIR, name), "utf8") }));
  return Array.from({ length: count }, (_, i) => {
    const seed = seeds[i % seeds.length]!;
    const path = join(dir, `${String(i).padStart(4, "0")}_${seed.name}`);
    writeFileSync(path, `${seed.text}\nBản sao số ${i + 1}.\n`);
    return path;
  });
}

export const SEED_PATHS = SEED_FILES.map((name) => join(SEEDS_DIR, name));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** A redis-server of the test's own on a free port, appending every write to its AOF before answering. */
export class OwnRedis {
  private process: ChildProcess | null = null;
  constructor(
    readonly port: number,
    readonly dir: string,
    private readonly extra: readonly string[] = [],
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn("redis-server", ["--port", String(this.port), "--bind", "127.0.0.1", "--dir", this.dir, "--appendonly", "yes", "--appendfsync", "always", "--save", "", ...this.extra], { stdio: "ignore" });
    this.process = child;
    await until(async () => {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
      const probe = connect(this.url);
      probe.on("error", () => undefined);
      try {
        await whenReady(probe, 200);
        return true;
      } catch {
        return false;
      } finally {
        probe.disconnect();
      }
    }, 100);
  }

  /** SIGTERM: redis-server fsyncs its AOF and exits, as a restart by an operator does. */
  async stop(): Promise<void> {
    const child = this.process;
    if (child === null || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
    this.process = null;
  }
}

export interface QueueTestContext {
  /** A fresh temporary folder per test. */
  work: string;
  test: TestQueue | undefined;
  workers: WorkerSet | undefined;
  /** Run before the queue is closed (processes that write to it) and after (the Redis it lives in). */
  beforeClose: (() => Promise<void> | void)[];
  afterClose: (() => Promise<void> | void)[];
}

/** One queue test's state, set up before and torn down after each test: the workers stopped, the prefix's keys removed. */
export function queueTestContext(): QueueTestContext {
  const ctx: QueueTestContext = { work: "", test: undefined, workers: undefined, beforeClose: [], afterClose: [] };
  beforeEach(() => {
    ctx.work = mkdtempSync(join(tmpdir(), "vanban-queue-"));
  });
  afterEach(async () => {
    for (const cleanup of ctx.beforeClose.splice(0)) await cleanup();
    await ctx.workers?.close();
    ctx.workers = undefined;
    await closeTestQueue(ctx.test);
    ctx.test = undefined;
    for (const cleanup of ctx.afterClose.splice(0)) await cleanup();
    rmSync(ctx.work, { recursive: true, force: true });
  });
  return ctx;
}
