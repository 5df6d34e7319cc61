import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FileGraphStore, type GraphStore } from "../../src/graph/store.js";
import { evictionWarning } from "../../src/queue/connection.js";
import { documentFact } from "../graph/helpers.js";
import { closeTestQueue, freePort, openTestQueue, OwnRedis, type TestQueue } from "./helpers.js";

let test: TestQueue | undefined;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  // The queue first: its keys are removed while its Redis still answers.
  await closeTestQueue(test);
  test = undefined;
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const a = documentFact("a", { number: "1/KH-UBND", date: "2023-01-01", cites: [{ number: "45/KH-UBND", date: "2023-03-01" }] });
const b = documentFact("b", { number: "45/KH-UBND", date: "2023-03-01" });

const stores: { name: string; open: () => Promise<GraphStore> }[] = [
  {
    name: "the embedded store",
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), "vanban-store-contract-"));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      return FileGraphStore.open(dir);
    },
  },
  {
    name: "the Redis store",
    open: async () => {
      test = await openTestQueue();
      return test.queue.store;
    },
  },
];

describe.each(stores)("$name, behind the one GraphStore interface,", ({ open }) => {
  it("keeps the sources it was given", async () => {
    const store = await open();
    await store.putDocuments([a], [{ sha256: "a".repeat(64), id: a.id, file: "a.txt" }]);
    expect((await store.sources()).get("a".repeat(64))).toBe(a.id);
    expect((await store.documentFacts()).map((f) => f.id)).toEqual([a.id]);
    await store.close();
  });

  it("replaces a document's facts when they are put again", async () => {
    const store = await open();
    await store.putDocuments([a]);
    await store.putDocuments([{ ...a, title: "second" }]);
    expect((await store.documentFacts()).map((f) => f.title)).toEqual(["second"]);
    await store.close();
  });

  it("derives the graph again after a write: the placeholder becomes the archived document", async () => {
    const store = await open();
    await store.putDocuments([a]);
    expect((await store.graph()).node("KE_HOACH:45/KH-UBND@2023")?.status).toBe("placeholder");
    await store.putDocuments([b]);
    expect((await store.graph()).node("KE_HOACH:45/KH-UBND@2023")?.status).toBe("archived");
    await store.close();
  });
});

describe("the Redis store", () => {
  it("stores a document once however often the link step runs, and maps every source to it", async () => {
    test = await openTestQueue();
    const { store } = test.queue;
    const put = async (sha: string) => {
      await store.stage(sha.repeat(64), Buffer.from("{}"), 60);
      return store.putOnce({ sha256: sha.repeat(64), file: `${sha}.txt`, id: a.id, facts: a });
    };
    expect([await put("a"), await put("a"), await put("b")]).toEqual([true, false, false]);
    expect(await store.storedOrder()).toEqual([a.id]);
    expect([...(await store.sources()).entries()]).toEqual(expect.arrayContaining([["a".repeat(64), a.id], ["b".repeat(64), a.id]]));
    expect((await store.documents([a.id])).map(String)).toEqual(["{}"]);
  });

  it("refuses to store a document whose staged JSON is gone, so the link job is tried again", async () => {
    test = await openTestQueue();
    await expect(test.queue.store.putOnce({ sha256: "c".repeat(64), file: "c.txt", id: a.id, facts: a })).rejects.toThrow(/no longer staged/);
    expect(await test.queue.store.count()).toBe(0);
  });
});

describe("a Redis that may evict", () => {
  it.each([
    { policy: "noeviction", warning: null },
    { policy: "allkeys-lru", warning: "maxmemory-policy" },
    { policy: "volatile-ttl", warning: "maxmemory-policy" },
  ])("with maxmemory-policy $policy gives the warning $warning", async ({ policy, warning }) => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-redis-policy-"));
    const redis = new OwnRedis(await freePort(), dir, ["--maxmemory-policy", policy, "--appendonly", "no"]);
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    cleanups.push(() => redis.stop());
    await redis.start();
    test = await openTestQueue({}, redis.url);
    expect((await evictionWarning(test.redis))?.code ?? null).toBe(warning);
    expect((await test.queue.status()).warning?.code ?? null).toBe(warning);
  });
});
