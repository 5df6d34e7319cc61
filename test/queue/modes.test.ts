import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { snapshotSchema } from "../../src/graph/store.js";
import { ingest } from "../../src/ingest/ingest.js";
import { loadStage } from "../../src/pipeline/run.js";
import { queueIngest } from "../../src/queue/ingest.js";
import { WorkerSet } from "../../src/queue/worker.js";
import { openTestQueue, queueTestContext, SEED_PATHS } from "./helpers.js";

const ctx = queueTestContext();

const documentsOf = (archive: string): Map<string, unknown> =>
  new Map(readdirSync(join(archive, "documents")).map((name) => [name, JSON.parse(readFileSync(join(archive, "documents", name), "utf8")) as unknown]));
const graphOf = (archive: string) => snapshotSchema.parse(JSON.parse(readFileSync(join(archive, "graph", "graph.json"), "utf8"))).graph;

describe("queue mode", () => {
  it("leaves the same documents and graph as embedded mode for the seeds, in its archive and in Redis", async () => {
    const test = (ctx.test = await openTestQueue());
    ctx.workers = new WorkerSet(test.queue);
    const queued = join(ctx.work, "queued");
    const summary = await queueIngest(test.queue, SEED_PATHS, { archiveDir: queued });
    expect(summary).toMatchObject({ extracted: 5, failed: 0, skipped: 0, interrupted: false });
    const embedded = join(ctx.work, "embedded");
    await ingest(SEED_PATHS, { archiveDir: embedded });

    const fromQueue = documentsOf(queued);
    const fromEmbedded = documentsOf(embedded);
    expect([...fromQueue.keys()].sort()).toEqual([...fromEmbedded.keys()].sort());
    for (const [name, document] of fromEmbedded) expect(fromQueue.get(name), name).toEqual(document);
    expect(graphOf(queued)).toEqual(graphOf(embedded));
    expect((await test.queue.store.graph()).data).toEqual(graphOf(embedded));
    const ndjson = readFileSync(join(queued, "documents.ndjson"), "utf8").split("\n").filter(Boolean);
    expect(ndjson).toHaveLength(5);
  });

  it("stores nothing twice when the same files are submitted twice, at once and again after they are done", async () => {
    const test = (ctx.test = await openTestQueue());
    let loads = 0;
    ctx.workers = new WorkerSet(test.queue, {
      load: (bytes, data, config) => {
        loads++;
        return loadStage(bytes, { fileName: data.fileName, config });
      },
    });
    const [first, second] = await Promise.all([queueIngest(test.queue, SEED_PATHS), queueIngest(test.queue, SEED_PATHS)]);
    // Both submitters wait for all five; which of them added a flow first does not matter (the job id is the sha256).
    expect([first.extracted, second.extracted]).toEqual([5, 5]);
    const third = await queueIngest(test.queue, SEED_PATHS);
    expect(third).toMatchObject({ queued: 0, skipped: 5, extracted: 0 });
    expect(loads).toBe(5);
    expect(await test.queue.store.storedOrder()).toHaveLength(5);
  });
});
