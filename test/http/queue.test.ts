// `vanban serve --redis`: uploads extracted by queue workers, collected into the server's archive. Needs Redis (CI starts one).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WorkerSet } from "../../src/queue/worker.js";
import type { Job } from "../../src/review/library.js";
import { openTestQueue, queueTestContext } from "../queue/helpers.js";
import { fixture, startTestServer, type TestServer } from "./helpers.js";

const ctx = queueTestContext();

describe("the server on the queue", () => {
  it("hands uploads to the queue's workers and archives what they extract, failures included", async () => {
    const { queue } = (ctx.test = await openTestQueue());
    ctx.workers = new WorkerSet(queue);
    let server: TestServer | undefined;
    ctx.beforeClose.push(async () => server?.close());
    server = await startTestServer({ archiveDir: join(ctx.work, "archive") }, { queue });
    const response = await server.upload([fixture("seeds", "002_54a447784a71b537.txt"), fixture("bad", "encrypted.pdf")]);
    expect(response.status).toBe(202);
    const { jobs } = (await response.json()) as { jobs: Job[] };
    const [done, failed] = await Promise.all(jobs.map((job) => server!.settled(job.id)));
    expect(done).toMatchObject({ status: "done", documentId: "vb_6e6043b90efbe7bf66e3a897" });
    expect(failed).toMatchObject({ status: "failed", failure: { code: "encrypted", retryable: false } });
    expect(((await (await server.call(`/api/documents/${done!.documentId}`)).json()) as { number: string }).number).toBe("89/KH-MNHL");
    expect(await (await server.call("/api/status")).json()).toMatchObject({ extractor: "queue", documents: 1 });
  }, 60_000);
});
