import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { snapshotSchema } from "../../src/graph/store.js";
import { ArchiveBusyError, failureLineSchema } from "../../src/ingest/archive.js";
import { ExtractPool } from "../../src/ingest/pool.js";
import { defaultPipeline } from "../../src/pipeline/config.js";
import { loadStage } from "../../src/pipeline/run.js";
import { ingest } from "../../src/ingest/ingest.js";
import { SEED_FILES, SEEDS_DIR } from "../graph/helpers.js";

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "vanban-ingest-"));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const seedPaths = (prefixes: readonly string[]): string[] => prefixes.map((p) => join(SEEDS_DIR, SEED_FILES.find((f) => f.startsWith(p))!));
const ALL = ["000", "001", "002", "003", "004"];
const snapshot = (archive: string) => snapshotSchema.parse(JSON.parse(readFileSync(join(archive, "graph", "graph.json"), "utf8"))).graph;
const ndjsonIds = (archive: string): string[] =>
  readFileSync(join(archive, "documents.ndjson"), "utf8").split("\n").filter(Boolean).map((line) => (JSON.parse(line) as { id: string }).id);

describe("ingest", () => {
  it("records a failing file and goes on with the batch", async () => {
    const inputs = join(work, "inputs");
    const archive = join(work, "archive");
    mkdirSync(inputs);
    for (const path of seedPaths(ALL)) copyFileSync(path, join(inputs, basename(path)));
    writeFileSync(join(inputs, "empty.txt"), "");
    writeFileSync(join(inputs, "garbage.pdf"), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0, 1, 2, 3, 4, 5]));
    const summary = await ingest([inputs, join(work, "no-such-file.txt")], { archiveDir: archive, workers: 2 });
    expect(summary).toMatchObject({ extracted: 5, failed: 3, skipped: 0, interrupted: false });
    const failures = readFileSync(join(archive, "failures.ndjson"), "utf8").split("\n").filter(Boolean).map((l) => failureLineSchema.parse(JSON.parse(l)));
    expect(failures.map((f) => [f.file, f.code]).sort()).toEqual(
      [
        [join(inputs, "empty.txt"), "empty"],
        [join(inputs, "garbage.pdf"), expect.any(String)],
        [join(work, "no-such-file.txt"), "unreadable"],
      ].sort(),
    );
    expect(readdirSync(join(archive, "documents"))).toHaveLength(5);
    expect(new Set(ndjsonIds(archive)).size).toBe(5);
  });

  it("skips bytes already archived when run again", async () => {
    const archive = join(work, "archive");
    await ingest(seedPaths(ALL), { archiveDir: archive });
    const before = snapshot(archive);
    const again = await ingest(seedPaths(ALL), { archiveDir: archive });
    expect(again).toMatchObject({ extracted: 0, skipped: 5, failed: 0 });
    expect(snapshot(archive)).toEqual(before);
    expect(ndjsonIds(archive)).toHaveLength(5);
  });

  it("resumes an interrupted run, also past the torn records a crash leaves", async () => {
    const archive = join(work, "archive");
    const stop = new AbortController();
    const first = await ingest(seedPaths(ALL), { archiveDir: archive, workers: 1, signal: stop.signal, onProgress: () => stop.abort() });
    expect(first.interrupted).toBe(true);
    expect(first.extracted).toBeLessThan(5);
    // What a crash mid-append leaves: half a record in the log, half a line in documents.ndjson.
    appendFileSync(join(archive, "graph", "facts.log"), '0badc0de\t{"kind":"document","fact":{"id":"vb_');
    appendFileSync(join(archive, "documents.ndjson"), '{"schemaVersion":"1.1.0","id":"vb_0000');
    const second = await ingest(seedPaths(ALL), { archiveDir: archive });
    expect(second.skipped).toBe(first.extracted);
    expect(second.extracted + second.skipped).toBe(5);
    expect(ndjsonIds(archive).sort()).toEqual([...new Set(ndjsonIds(archive))].sort());
    expect(ndjsonIds(archive)).toHaveLength(5);

    const fresh = join(work, "fresh");
    await ingest(seedPaths(ALL), { archiveDir: fresh });
    expect(snapshot(archive)).toEqual(snapshot(fresh));
  });

  it("builds the same graph from the seeds in two batches as from all of them at once in reverse order", async () => {
    const batches = join(work, "batches");
    await ingest(seedPaths(["002", "000"]), { archiveDir: batches });
    await ingest(seedPaths(["004", "001", "003"]), { archiveDir: batches });
    const reversed = join(work, "reversed");
    await ingest(seedPaths([...ALL].reverse()), { archiveDir: reversed, workers: 1 });
    expect(snapshot(batches)).toEqual(snapshot(reversed));
    expect(snapshot(batches).nodes.length).toBeGreaterThan(40);
  });

  it.each([
    { name: "refuses an archive another running ingest holds", pid: () => process.pid, busy: true },
    { name: "takes over the lock a crashed ingest left", pid: () => 2 ** 22 + 12_345, busy: false },
  ])("$name", async ({ pid, busy }) => {
    const archive = join(work, "archive");
    mkdirSync(archive);
    writeFileSync(join(archive, "ingest.lock"), String(pid()));
    const run = ingest(seedPaths(["002"]), { archiveDir: archive });
    if (busy) await expect(run).rejects.toBeInstanceOf(ArchiveBusyError);
    else await expect(run).resolves.toMatchObject({ extracted: 1 });
  });
});

describe("the extract pool", () => {
  it("fails a file that runs past the time limit alone, and answers the next with a new thread", async () => {
    const pool = new ExtractPool(1, 1);
    try {
      const bytes = (): Uint8Array => new Uint8Array(readFileSync(seedPaths(["002"])[0]!));
      const outcomes = [await pool.extract(bytes(), "a.txt", defaultPipeline()), await pool.extract(bytes(), "b.txt", defaultPipeline())];
      expect(outcomes.map((o) => (o.status === "failed" ? `${o.failure.code} ${o.failure.file}` : o.status))).toEqual(["timeout a.txt", "timeout b.txt"]);
    } finally {
      await pool.close();
    }
  });

  it("copies a view into a larger buffer before handing it to a thread, leaving the larger buffer whole", async () => {
    const pool = new ExtractPool(1);
    try {
      const seed = readFileSync(seedPaths(["002"])[0]!);
      const shared = Buffer.concat([Buffer.from("before"), seed, Buffer.from("after")]);
      const views = {
        bytes: shared.subarray(6, 6 + seed.length),
        loaded: Buffer.concat([Buffer.from("xx"), Buffer.from(JSON.stringify(await loadStage(new Uint8Array(seed), { fileName: "c.txt" })))]).subarray(2),
      };
      const fromBytes = await pool.extract(views.bytes, "c.txt", defaultPipeline());
      const fromLoaded = await pool.extractLoaded(views.loaded, "c.txt", defaultPipeline());
      expect([fromBytes.status, fromLoaded.status]).toEqual(["done", "done"]);
      expect(shared.subarray(shared.length - 5).toString()).toBe("after");
      expect(views.loaded.byteLength).toBeGreaterThan(0);
      const json = (o: typeof fromBytes): unknown => (o.status === "done" ? JSON.parse(Buffer.from(o.json).toString("utf8")) : null);
      expect(json(fromLoaded)).toEqual(json(fromBytes));
    } finally {
      await pool.close();
    }
  });
});
