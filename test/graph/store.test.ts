import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { encodeRecord, FileGraphStore, snapshotSchema } from "../../src/graph/store.js";
import { documentFact } from "./helpers.js";

let archive: string;
beforeEach(() => {
  archive = mkdtempSync(join(tmpdir(), "vanban-store-"));
});
afterEach(() => rmSync(archive, { recursive: true, force: true }));

const logPath = (): string => join(archive, "graph", "facts.log");
const a = documentFact("a", { number: "1/KH-UBND", date: "2023-01-01", cites: [{ number: "45/KH-UBND", date: "2023-03-01" }] });
const b = documentFact("b", { number: "45/KH-UBND", date: "2023-03-01" });

async function reopen(): Promise<FileGraphStore> {
  return FileGraphStore.open(archive);
}

// What every GraphStore must do is tested for both stores in test/queue/store.test.ts; here, what only the log does.
describe("the embedded graph store", () => {
  it("keeps what was put across a reopen, sources included", async () => {
    const store = await reopen();
    await store.putDocuments([a], [{ sha256: "a".repeat(64), id: a.id, file: "a.txt" }]);
    await store.close();
    const again = await reopen();
    expect((await again.documentFacts()).map((f) => f.id)).toEqual([a.id]);
    expect((await again.sources()).get("a".repeat(64))).toBe(a.id);
    await again.close();
  });

  it.each([
    { name: "a torn last record", damage: (): void => appendFileSync(logPath(), encodeRecord({ kind: "document", fact: b }).slice(0, 40)) },
    { name: "a last record whose checksum fails", damage: (): void => appendFileSync(logPath(), encodeRecord({ kind: "document", fact: b }).replace(/^[0-9a-f]{8}/, "00000000")) },
  ])("drops $name and cuts it off, so the next record starts on a clean line", async ({ damage }) => {
    const store = await reopen();
    await store.putDocuments([a]);
    await store.close();
    damage();
    const damaged = await reopen();
    expect(damaged.warnings).toHaveLength(1);
    await damaged.putDocuments([b]);
    await damaged.close();
    const healed = await reopen();
    expect(healed.warnings).toEqual([]);
    expect((await healed.documentFacts()).map((f) => f.id).sort()).toEqual([a.id, b.id].sort());
    await healed.close();
  });

  it("lets callers that ask while the graph is derived share that derivation, and does not keep one a put overtook", async () => {
    const store = await reopen();
    await store.putDocuments([a]);
    const [first, second] = await Promise.all([store.graph(), store.graph()]);
    expect(second).toBe(first);
    // A put while the graph is derived anew: the graph asked for afterwards holds what it put.
    await store.putDocuments([documentFact("c", { number: "7/KH-UBND", date: "2023-05-01" })]);
    const [overtaken] = await Promise.all([store.graph(), store.putDocuments([b])]);
    expect(overtaken.data.nodes.some((n) => n.documents.includes(b.id))).toBe(false);
    expect((await store.graph()).data.nodes.some((n) => n.documents.includes(b.id))).toBe(true);
    await store.close();
  });

  it("skips a damaged record in the middle and keeps the ones after it", async () => {
    const lines = [encodeRecord({ kind: "document", fact: a }), "deadbeef\t{}\n", encodeRecord({ kind: "document", fact: b })];
    const store = await reopen();
    await store.close();
    writeFileSync(logPath(), lines.join(""));
    const reopened = await reopen();
    expect(reopened.warnings).toEqual([{ line: 2, reason: "checksum mismatch" }]);
    expect((await reopened.documentFacts()).length).toBe(2);
    expect(readFileSync(logPath(), "utf8")).toBe(lines.join(""));
    await reopened.close();
  });

  it("answers reads from the snapshot while the log has not grown, and derives again once it has", async () => {
    const store = await reopen();
    await store.putDocuments([a]);
    await store.graph();
    await store.close();
    // Mark the snapshot, so that reading it can be told from deriving.
    const snapshotPath = join(archive, "graph", "graph.json");
    const snapshot = snapshotSchema.parse(JSON.parse(readFileSync(snapshotPath, "utf8")));
    const marked = { ...snapshot, graph: { ...snapshot.graph, candidates: [{ from: "x", to: "y", score: 0.5, reasons: ["marked"] }] } };
    writeFileSync(snapshotPath, JSON.stringify(marked));
    expect((await FileGraphStore.readGraph(archive)).graph.data.candidates).toEqual(marked.graph.candidates);

    const writer = await reopen();
    await writer.putDocuments([b]);
    await writer.close();
    const fresh = (await FileGraphStore.readGraph(archive)).graph;
    expect(fresh.data.candidates).toEqual([]);
    expect(fresh.node("KE_HOACH:45/KH-UBND@2023")?.status).toBe("archived");
  });
});
