import { mkdir, open, readFile, stat, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { z } from "zod";
import { writePiecesAtomic } from "../fs/atomic.js";
import { GraphDeriver, graphSchema } from "./derive.js";
import { documentFactSchema, type DocumentFact } from "./facts.js";
import { ReferenceGraph } from "./graph.js";

/**
 * Where the graph's facts live. Only facts are stored (documents and what they cite, and which
 * bytes became which document); the graph is derived from them, so a store never has to keep
 * links consistent by hand and any order of writes yields the same graph. Every method is async
 * so that a Redis implementation (facts in hashes, the source map in a hash keyed by sha256) can
 * stand behind the same interface for the queue.
 */
export interface GraphStore {
  /** Adds the facts of these documents, replacing earlier facts with the same id; durable on return. */
  putDocuments(facts: readonly DocumentFact[], sources?: readonly SourceRecord[]): Promise<void>;
  /** sha256 of ingested bytes -> the id of the document they became. */
  sources(): Promise<ReadonlyMap<string, string>>;
  documentFacts(): Promise<readonly DocumentFact[]>;
  /** The graph derived from every fact stored so far. */
  graph(): Promise<ReferenceGraph>;
  close(): Promise<void>;
}

export const sourceRecordSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  id: z.string(),
  file: z.string(),
});
export type SourceRecord = z.infer<typeof sourceRecordSchema>;

const logRecordSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("document"), fact: documentFactSchema }),
  z.object({ kind: z.literal("source"), source: sourceRecordSchema }),
]);
type LogRecord = z.infer<typeof logRecordSchema>;

/** Why a record of the log was not replayed. Values, not exceptions: the rest of the log is good. */
export interface ReplayWarning {
  line: number;
  reason: string;
}

const LOG_NAME = "facts.log";
const SNAPSHOT_NAME = "graph.json";

/**
 * The derived graph as of a length of the log. Deriving an archive of 100,000 documents takes
 * far longer than reading this back, so a query uses it while the log has not grown since.
 */
export const snapshotSchema = z.object({ logBytes: z.number().int().nonnegative(), graph: graphSchema });
export type Snapshot = z.infer<typeof snapshotSchema>;
const CHUNK_BYTES = 1 << 22;

const checksum = (json: string): string => crc32(Buffer.from(json, "utf8")).toString(16).padStart(8, "0");

/** One record per line: `<crc32 of the JSON, 8 hex>\t<JSON>\n`. */
export function encodeRecord(record: LogRecord): string {
  const json = JSON.stringify(record);
  return `${checksum(json)}\t${json}\n`;
}

/**
 * The embedded store: an append-only log of checksummed records in `<archive>/graph/facts.log`,
 * replayed at open. A crash can only leave a torn last record, which fails its checksum and is cut
 * off before the next append; each batch is fsynced before `putDocuments` returns.
 */
export class FileGraphStore implements GraphStore {
  private readonly facts = new Map<string, DocumentFact>();
  private readonly bySha = new Map<string, string>();
  /** Made at the first graph(), then fed each batch: only the groups a batch touches are derived again. */
  private deriver: GraphDeriver | null = null;
  private derived: ReferenceGraph | null = null;
  /**
   * The derivation under way: callers that ask meanwhile share it and its one snapshot write. A
   * put of facts drops it, so a derivation that a put overtook is not kept as the graph.
   */
  private deriving: Promise<ReferenceGraph> | null = null;

  private constructor(
    private readonly handle: FileHandle,
    readonly path: string,
    readonly warnings: readonly ReplayWarning[],
  ) {}

  static async open(archiveDir: string): Promise<FileGraphStore> {
    const dir = join(archiveDir, "graph");
    await mkdir(dir, { recursive: true });
    const path = join(dir, LOG_NAME);
    const handle = await open(path, "a+");
    const records: LogRecord[] = [];
    const warnings: ReplayWarning[] = [];
    const goodLength = await replay(handle, records, warnings);
    if (goodLength < (await handle.stat()).size) {
      // A torn tail from a crash mid-append: cut it so the next record starts on a clean line.
      await handle.truncate(goodLength);
      await handle.sync();
    }
    const store = new FileGraphStore(handle, path, warnings);
    for (const record of records) store.apply(record);
    return store;
  }

  private apply(record: LogRecord): void {
    if (record.kind === "document") this.facts.set(record.fact.id, record.fact);
    else this.bySha.set(record.source.sha256, record.source.id);
  }

  async putDocuments(facts: readonly DocumentFact[], sources: readonly SourceRecord[] = []): Promise<void> {
    const records: LogRecord[] = [...facts.map((fact) => ({ kind: "document" as const, fact })), ...sources.map((source) => ({ kind: "source" as const, source }))];
    if (records.length === 0) return;
    await this.handle.appendFile(records.map(encodeRecord).join(""), "utf8");
    await this.handle.sync();
    for (const record of records) this.apply(record);
    this.deriver?.apply(facts);
    if (facts.length > 0) {
      this.derived = null;
      this.deriving = null;
    }
  }

  async sources(): Promise<ReadonlyMap<string, string>> {
    return this.bySha;
  }

  async documentFacts(): Promise<readonly DocumentFact[]> {
    return [...this.facts.values()];
  }

  /** The graph of every fact so far; derived once per change, and written as the snapshot. */
  async graph(): Promise<ReferenceGraph> {
    if (this.derived !== null) return this.derived;
    if (this.deriving === null) {
      const deriving: Promise<ReferenceGraph> = this.derive()
        .then((derived) => {
          if (this.deriving === deriving) this.derived = derived;
          return derived;
        })
        .finally(() => {
          if (this.deriving === deriving) this.deriving = null;
        });
      this.deriving = deriving;
    }
    return this.deriving;
  }

  private async derive(): Promise<ReferenceGraph> {
    if (this.deriver === null) {
      this.deriver = new GraphDeriver();
      this.deriver.apply(this.facts.values());
    }
    const graph = this.deriver.data();
    const { size } = await this.handle.stat();
    await writePiecesAtomic(join(this.path, "..", SNAPSHOT_NAME), snapshotPieces({ logBytes: size, graph }));
    return new ReferenceGraph(graph);
  }

  /**
   * The archive's graph for reading: the snapshot when the log has not changed since it was
   * written, else the log replayed and the graph derived (and the snapshot renewed).
   */
  static async readGraph(archiveDir: string): Promise<{ graph: ReferenceGraph; warnings: readonly ReplayWarning[] }> {
    const dir = join(archiveDir, "graph");
    const snapshot = await readSnapshot(join(dir, SNAPSHOT_NAME));
    const logBytes = (await stat(join(dir, LOG_NAME))).size;
    if (snapshot !== null && snapshot.logBytes === logBytes) return { graph: new ReferenceGraph(snapshot.graph), warnings: [] };
    const store = await FileGraphStore.open(archiveDir);
    try {
      return { graph: await store.graph(), warnings: store.warnings };
    } finally {
      await store.close();
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

/** The snapshot as JSON, piece by piece: one string of it would not fit in memory at archive scale. */
function* snapshotPieces(snapshot: Snapshot): Generator<string> {
  yield `{"logBytes":${snapshot.logBytes},"graph":{`;
  const arrays = [["nodes", snapshot.graph.nodes], ["edges", snapshot.graph.edges], ["candidates", snapshot.graph.candidates]] as const;
  for (const [i, [name, items]] of arrays.entries()) {
    yield `${i === 0 ? "" : ","}"${name}":[`;
    for (const [j, item] of items.entries()) yield `${j === 0 ? "" : ","}${JSON.stringify(item)}`;
    yield "]";
  }
  yield "}}";
}

/** The snapshot, or null when there is none or it does not parse (it is then derived again). */
async function readSnapshot(path: string): Promise<Snapshot | null> {
  try {
    const parsed = snapshotSchema.safeParse(JSON.parse(await readFile(path, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Reads every record; returns the byte length up to the end of the last good line. */
async function replay(handle: FileHandle, records: LogRecord[], warnings: ReplayWarning[]): Promise<number> {
  const { size } = await handle.stat();
  let position = 0;
  let carry = Buffer.alloc(0);
  let goodLength = 0;
  let lineNumber = 0;
  const buffer = Buffer.alloc(CHUNK_BYTES);
  while (position < size) {
    const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, position);
    if (bytesRead === 0) break;
    position += bytesRead;
    const chunk = carry.length === 0 ? buffer.subarray(0, bytesRead) : Buffer.concat([carry, buffer.subarray(0, bytesRead)]);
    let start = 0;
    for (let newline = chunk.indexOf(10, start); newline >= 0; newline = chunk.indexOf(10, start)) {
      lineNumber++;
      const record = parseLine(chunk.subarray(start, newline));
      if (typeof record === "string") {
        warnings.push({ line: lineNumber, reason: record });
      } else {
        records.push(record);
        goodLength = position - chunk.length + newline + 1;
      }
      start = newline + 1;
    }
    carry = Buffer.from(chunk.subarray(start));
  }
  if (carry.length > 0) warnings.push({ line: lineNumber + 1, reason: "torn last record (no line end): dropped" });
  // Bad lines between good ones stay (skipped at every open); a bad tail is what a crash leaves, and is cut.
  return goodLength;
}

/** One line's bytes: the checksum is taken over the bytes as written, before any decoding. */
function parseLine(line: Buffer): LogRecord | string {
  if (line.length < 9 || line[8] !== 9) return "not a checksummed record";
  const json = line.subarray(9);
  if (crc32(json).toString(16).padStart(8, "0") !== line.toString("latin1", 0, 8)) return "checksum mismatch";
  let value: unknown;
  try {
    value = JSON.parse(json.toString("utf8"));
  } catch {
    return "not JSON";
  }
  const parsed = logRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : `not a record: ${parsed.error.issues[0]?.message ?? "invalid"}`;
}
