// Submitting writes the bytes and clears an old failure in one transaction; a write Redis refuses
// must fail the submit, not queue a flow whose load stage finds no bytes. Needs Redis.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openTestQueue, queueTestContext } from "./helpers.js";

const ctx = queueTestContext();

describe("submit", () => {
  it("fails, queueing nothing, when Redis refuses a write of its transaction", async () => {
    const { queue, redis } = (ctx.test = await openTestQueue());
    // The failures key holding a string makes the transaction's HDEL a WRONGTYPE error.
    await redis.set(queue.keys.failures, "not a hash");
    const bytes = new TextEncoder().encode("KẾ HOẠCH\nVề việc thử\n");
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    await expect(queue.submit({ sha256, file: "a.txt", fileName: "a.txt" }, bytes)).rejects.toThrow(/did not take/);
    expect(await queue.queues.link.getJobState(sha256)).toBe("unknown");
  });

  it("queues a document Redis has never seen, and does nothing for it a second time", async () => {
    const { queue } = (ctx.test = await openTestQueue());
    const bytes = new TextEncoder().encode("KẾ HOẠCH\nVề việc thử lần hai\n");
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    expect(await queue.submit({ sha256, file: "b.txt", fileName: "b.txt" }, bytes)).toBe("queued");
    expect(await queue.submit({ sha256, file: "b.txt", fileName: "b.txt" }, bytes)).toBe("in-flight");
  });
});
