// A flow that fails with nobody left to record it (the worker died between BullMQ failing the job
// and its own `failed` handler) must not keep a submitter waiting forever. Needs Redis.
import { Worker, UnrecoverableError } from "bullmq";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { queueIngest } from "../../src/queue/ingest.js";
import { openTestQueue, queueTestContext, SEED_PATHS } from "./helpers.js";

const ctx = queueTestContext();

describe("failures nobody recorded", () => {
  it("a submitter waiting on a flow that failed unrecorded finds the failure in BullMQ, records it once, and returns", async () => {
    const { queue, redis, prefix } = (ctx.test = await openTestQueue());
    // A load worker that fails every job the way a dying worker leaves it: failed in BullMQ, no failure record.
    const silent = new Worker("load", async () => {
      throw new UnrecoverableError("internal: the worker was killed");
    }, { connection: redis, prefix });
    ctx.beforeClose.push(() => silent.close());

    const summary = await queueIngest(queue, [SEED_PATHS[0]!], { archiveDir: join(ctx.work, "archive"), pollMs: 10 });
    expect(summary).toMatchObject({ extracted: 0, failed: 1, interrupted: false });
    expect(summary.failures).toMatchObject([{ code: "internal", retryable: true }]);
    const records = await queue.failures();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ stage: "load", code: "internal", retryable: true });
  }, 30_000);

  it("a flow still on its way is not taken for a failure", async () => {
    const { queue } = (ctx.test = await openTestQueue());
    const { readFileSync } = await import("node:fs");
    const { createHash } = await import("node:crypto");
    const bytes = readFileSync(SEED_PATHS[0]!);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    expect(await queue.submit({ sha256, file: "a.txt", fileName: "a.txt" }, bytes)).toBe("queued");
    expect(await queue.reconcileFailures([sha256, "0".repeat(64)])).toEqual([null, null]);
    expect(await queue.failures()).toEqual([]);
  });
});
