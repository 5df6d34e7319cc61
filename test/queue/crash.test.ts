import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { queueIngest } from "../../src/queue/ingest.js";
import { WorkerSet } from "../../src/queue/worker.js";
import { freePort, openTestQueue, OwnRedis, queueTestContext, REDIS_URL, until, variedSeeds } from "./helpers.js";

const BIN = join(import.meta.dirname, "..", "..", "bin", "vanban.js");

const ctx = queueTestContext();

/** `vanban worker` in a process of its own, with short locks so a killed worker's jobs come back quickly. */
function startWorker(url: string, prefix: string): ChildProcess {
  const child = spawn(process.execPath, [BIN, "worker", "--redis", url, "--prefix", prefix, "--concurrency", "3", "--lock-duration", "1000", "--stalled-interval", "500"], { stdio: "ignore" });
  ctx.beforeClose.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

describe("losing nothing", () => {
  it("loses no document and stores each once when workers are killed with SIGKILL in the middle of jobs, three times", async () => {
    const { queue, prefix } = (ctx.test = await openTestQueue());
    const files = variedSeeds(join(ctx.work, "inputs"), 60);
    const queued = await queueIngest(queue, files, { detach: true });
    expect(queued.queued).toBe(60);

    let kills = 0;
    for (let round = 0; round < 3; round++) {
      const before = await queue.store.count();
      const worker = startWorker(REDIS_URL, prefix);
      // Kill it once it has stored something and holds jobs in every sense: some active right now.
      await until(async () => {
        const stored = await queue.store.count();
        const active = (await queue.queues.load.getActiveCount()) + (await queue.queues.extract.getActiveCount()) + (await queue.queues.link.getActiveCount());
        return stored > before && active > 0;
      }, 20);
      await kill(worker);
      kills++;
    }
    expect(kills).toBe(3);
    expect(await queue.store.count()).toBeLessThan(60);

    startWorker(REDIS_URL, prefix);
    const archive = join(ctx.work, "archive");
    const done = await queueIngest(queue, files, { archiveDir: archive });
    expect(done).toMatchObject({ failed: 0, interrupted: false });
    const order = await queue.store.storedOrder();
    expect(order).toHaveLength(60);
    expect(new Set(order).size).toBe(60);
    expect(await queue.failures()).toEqual([]);
    expect(readdirSync(join(archive, "documents"))).toHaveLength(60);
  }, 120_000);

  it("loses nothing when its redis-server (AOF on) is restarted in the middle of a run", async () => {
    const dir = join(ctx.work, "redis");
    mkdirSync(dir);
    const ownRedis = new OwnRedis(await freePort(), dir);
    ctx.afterClose.push(() => ownRedis.stop());
    await ownRedis.start();
    // Short locks: a job whose completion was cut off by the restart comes back in a second, not thirty.
    const { queue } = (ctx.test = await openTestQueue({ lockDurationMs: 1_000, stalledIntervalMs: 500 }, ownRedis.url));
    ctx.workers = new WorkerSet(queue);
    const files = variedSeeds(join(ctx.work, "inputs"), 40);
    const archive = join(ctx.work, "archive");
    const run = queueIngest(queue, files, { archiveDir: archive, pollMs: 20 });
    let storedBeforeRestart = 0;
    await until(async () => (storedBeforeRestart = await queue.store.count()) > 5, 10);
    await ownRedis.stop();
    await ownRedis.start();
    const summary = await run;
    expect(storedBeforeRestart).toBeLessThan(40);
    expect(summary).toMatchObject({ extracted: 40, failed: 0, interrupted: false });
    expect(await queue.store.count()).toBe(40);
    expect(new Set(await queue.store.storedOrder()).size).toBe(40);
    expect(readdirSync(join(archive, "documents"))).toHaveLength(40);
  }, 120_000);
});
