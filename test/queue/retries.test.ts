import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VanbanError } from "../../src/errors.js";
import { loadStage } from "../../src/pipeline/run.js";
import { queueIngest } from "../../src/queue/ingest.js";
import { WorkerSet } from "../../src/queue/worker.js";
import { openTestQueue, queueTestContext, SEED_PATHS } from "./helpers.js";

const ctx = queueTestContext();

describe("errors steer retries", () => {
  it.each([
    { name: "a timeout on the first try is retried and the document stored", fail: new VanbanError("timeout", "took too long"), times: 1, loads: 2, stored: true, code: null },
    { name: "an internal error on every try fails after all five tries", fail: new VanbanError("internal", "connection reset"), times: 99, loads: 5, stored: false, code: "internal" },
    { name: "a corrupt file fails once, with its code, and is not tried again", fail: new VanbanError("corrupt", "the PDF's cross-reference table is broken"), times: 99, loads: 1, stored: false, code: "corrupt" },
    { name: "an encrypted file fails once", fail: new VanbanError("encrypted", "password protected"), times: 99, loads: 1, stored: false, code: "encrypted" },
  ])("$name", async ({ fail, times, loads, stored, code }) => {
    const test = (ctx.test = await openTestQueue({ attempts: 5, backoffMs: 10 }));
    const seed = SEED_PATHS[0]!;
    let calls = 0;
    ctx.workers = new WorkerSet(test.queue, {
      load: (bytes, data, config) => {
        calls++;
        if (calls <= times) return Promise.reject(fail);
        return loadStage(bytes, { fileName: data.fileName, config });
      },
    });
    const summary = await queueIngest(test.queue, [seed]);
    expect(calls).toBe(loads);
    expect(await test.queue.store.count()).toBe(stored ? 1 : 0);
    expect(summary.failures.map((f) => f.code)).toEqual(code === null ? [] : [code]);
    const failures = await test.queue.failures();
    expect(failures.map((f) => [f.stage, f.code, f.attempts])).toEqual(code === null ? [] : [["load", code, loads]]);
  });

  it("fails an empty file with its code and goes on with the other files", async () => {
    const test = (ctx.test = await openTestQueue());
    ctx.workers = new WorkerSet(test.queue);
    const empty = join(ctx.work, "empty.txt");
    writeFileSync(empty, "");
    const summary = await queueIngest(test.queue, [empty, ...SEED_PATHS.slice(0, 2)]);
    expect(summary).toMatchObject({ extracted: 2, failed: 1 });
    expect(summary.failures).toEqual([{ file: empty, code: "empty", message: "the file is empty", retryable: false }]);
    const status = await test.queue.status();
    expect(status.stages.load.failed).toBe(1);
    expect(status.stages.link.failed).toBe(1);
  });

  it("queues a failed document again on retry, and stores it once it passes", async () => {
    const test = (ctx.test = await openTestQueue({ attempts: 1 }));
    let broken = true;
    ctx.workers = new WorkerSet(test.queue, {
      load: (bytes, data, config) => (broken ? Promise.reject(new VanbanError("timeout", "the disk was slow")) : loadStage(bytes, { fileName: data.fileName, config })),
    });
    const first = await queueIngest(test.queue, [SEED_PATHS[1]!]);
    expect(first.failed).toBe(1);
    broken = false;
    const { requeued, expired } = await test.queue.retryFailed();
    expect([requeued.length, expired.length]).toEqual([1, 0]);
    const again = await queueIngest(test.queue, [SEED_PATHS[1]!]);
    expect(again).toMatchObject({ extracted: 1, failed: 0 });
    expect(await test.queue.failures()).toEqual([]);
  });
});
