import { open, readFile, mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { writeFileAtomic } from "../fs/atomic.js";
import { parseNdjson } from "../fs/ndjson.js";
import { failureCodeSchema } from "../errors.js";
import type { DocumentFact } from "../graph/facts.js";
import type { ReferenceGraph } from "../graph/graph.js";
import { FileGraphStore, type SourceRecord } from "../graph/store.js";

/**
 * An archive folder:
 *   documents/<id>.json   each document as extracted
 *   documents.ndjson      the same, one line each, in the order they were done
 *   failures.ndjson       inputs that could not become documents: file, code, message
 *   graph/facts.log       the graph's facts; graph/graph.json the graph derived from them (graph/store.ts)
 */
export const archivePaths = (dir: string) => ({
  documents: join(dir, "documents"),
  document: (id: string) => join(dir, "documents", `${id}.json`),
  ndjson: join(dir, "documents.ndjson"),
  failures: join(dir, "failures.ndjson"),
});

export const failureLineSchema = z.object({
  file: z.string(),
  code: failureCodeSchema,
  message: z.string(),
  retryable: z.boolean(),
});
export type FailureLine = z.infer<typeof failureLineSchema>;

/** Failures recorded by earlier runs; lines that do not parse are dropped (the file is rewritten whole). */
export async function readFailures(path: string): Promise<FailureLine[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return parseNdjson(text, failureLineSchema).records;
}

const HEAD_CHARS = 80;
const ID_AT_START = /^\{"schemaVersion":"[^"]*","id":"(vb_[0-9a-f]{24})"/;

/**
 * The ids already in documents.ndjson, read from the start of each line (a line is a whole
 * document; parsing them all would cost as much as the ingest). A torn last line, left by a
 * crash mid-append, is cut off.
 */
export async function openDocumentsNdjson(path: string): Promise<{ ids: Set<string>; append: (line: Uint8Array) => Promise<void>; sync: () => Promise<void>; close: () => Promise<void> }> {
  await mkdir(join(path, ".."), { recursive: true });
  const handle = await open(path, "a+");
  const ids = new Set<string>();
  const { size } = await handle.stat();
  const chunk = Buffer.alloc(1 << 22);
  let position = 0;
  let lineStart = 0;
  let head = "";
  while (position < size) {
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
    if (bytesRead === 0) break;
    for (let i = 0; i < bytesRead; ) {
      // The first bytes of the current line, which may have begun in the previous chunk.
      if (head.length < HEAD_CHARS) head += chunk.toString("utf8", i, Math.min(bytesRead, i + HEAD_CHARS - head.length));
      const newline = chunk.indexOf(10, i);
      if (newline < 0 || newline >= bytesRead) break;
      const id = ID_AT_START.exec(head)?.[1];
      if (id !== undefined) ids.add(id);
      head = "";
      lineStart = position + newline + 1;
      i = newline + 1;
    }
    position += bytesRead;
  }
  if (lineStart < size) {
    await handle.truncate(lineStart);
    await handle.sync();
  }
  return {
    ids,
    append: async (line) => {
      await handle.appendFile(line);
    },
    sync: () => handle.sync(),
    close: () => handle.close(),
  };
}

const NEWLINE = Buffer.from("\n");

/** One extracted document on its way into an archive. */
export interface ArchivedDocument {
  sha256: string;
  /** The path as given to ingest. */
  file: string;
  id: string;
  /** The document's JSON, as UTF-8. */
  json: Uint8Array;
  facts: DocumentFact;
}

export interface ArchiveSummary {
  documents: number;
  graph: { nodes: number; placeholders: number; edges: number; candidates: number };
}

/**
 * Writes documents into an archive the one way both ingest modes share (embedded threads, or
 * the queue): each document file and its ndjson line before its facts are committed to the
 * graph's log, so a crash at any point leaves nothing the next run trusts half-written.
 */
export class ArchiveWriter {
  private pendingFacts: DocumentFact[] = [];
  private pendingSources: SourceRecord[] = [];
  private committing: Promise<void> = Promise.resolve();

  private constructor(
    readonly dir: string,
    private readonly unlock: () => Promise<void>,
    private readonly store: FileGraphStore,
    private readonly ndjson: Awaited<ReturnType<typeof openDocumentsNdjson>>,
    /** sha256 of bytes already archived -> document id. */
    readonly known: Map<string, string>,
    private readonly commitEvery: number,
  ) {}

  /** Opens the archive for writing, holding its lock until `release` (throws ArchiveBusyError when another ingest holds it). */
  static async open(dir: string, commitEvery = 64): Promise<ArchiveWriter> {
    const paths = archivePaths(dir);
    await mkdir(paths.documents, { recursive: true });
    const unlock = await lockArchive(dir);
    try {
      const store = await FileGraphStore.open(dir);
      const ndjson = await openDocumentsNdjson(paths.ndjson);
      return new ArchiveWriter(dir, unlock, store, ndjson, new Map(await store.sources()), commitEvery);
    } catch (error) {
      await unlock();
      throw error;
    }
  }

  /** Lets the next ingest write the archive; after `finish`, or in place of it when the run failed. */
  release(): Promise<void> {
    return this.unlock();
  }

  /** Whether a document of this id is archived: documents.ndjson's ids, read at open and kept by every add. */
  has(id: string): boolean {
    return this.ndjson.ids.has(id);
  }

  async add(document: ArchivedDocument): Promise<void> {
    const line = Buffer.concat([document.json, NEWLINE]);
    await writeFileAtomic(archivePaths(this.dir).document(document.id), line);
    if (!this.ndjson.ids.has(document.id)) {
      this.ndjson.ids.add(document.id);
      await this.ndjson.append(line);
    }
    this.known.set(document.sha256, document.id);
    this.pendingFacts.push(document.facts);
    this.pendingSources.push({ sha256: document.sha256, id: document.id, file: document.file });
    if (this.pendingFacts.length >= this.commitEvery) await this.commit();
  }

  /** Makes everything added so far durable: the ndjson lines first, then the facts that point at them. */
  commit(): Promise<void> {
    const facts = this.pendingFacts;
    const sources = this.pendingSources;
    this.pendingFacts = [];
    this.pendingSources = [];
    // Commits are chained so the log's records keep the order they were made in.
    this.committing = this.committing.then(async () => {
      if (facts.length === 0 && sources.length === 0) return;
      await this.ndjson.sync();
      await this.store.putDocuments(facts, sources);
    });
    return this.committing;
  }

  /** What a long-running writer (the server) answers queries from: everything added so far, committed. */
  async documentFacts(): Promise<readonly DocumentFact[]> {
    await this.commit();
    return this.store.documentFacts();
  }

  async graph(): Promise<ReferenceGraph> {
    await this.commit();
    return this.store.graph();
  }

  /** Puts a document's facts anew (a reviewer corrected its fields): later facts of an id replace earlier ones. */
  replaceFacts(facts: DocumentFact): Promise<void> {
    // Through the commit chain, so the log keeps the order the facts were put in.
    this.pendingFacts.push(facts);
    return this.commit();
  }

  /**
   * Commits, records this run's failures (replacing earlier ones of the files it tried, keeping
   * the rest), derives the graph (which writes its snapshot) and closes the store.
   */
  async finish(failures: readonly FailureLine[], attempted: ReadonlySet<string>): Promise<ArchiveSummary> {
    const paths = archivePaths(this.dir);
    try {
      await this.commit();
    } finally {
      await this.ndjson.close();
    }
    const earlier = (await readFailures(paths.failures)).filter((f) => !attempted.has(f.file));
    await writeFileAtomic(paths.failures, [...earlier, ...failures].map((f) => `${JSON.stringify(f)}\n`).join(""));
    // Deriving writes the graph's snapshot beside the log.
    const graph = await this.store.graph();
    const documents = (await this.store.documentFacts()).length;
    await this.store.close();
    const nodes = graph.data.nodes;
    return {
      documents,
      graph: { nodes: nodes.length, placeholders: nodes.filter((n) => n.status === "placeholder").length, edges: graph.data.edges.length, candidates: graph.data.candidates.length },
    };
  }
}

/** Another ingest holds the archive: two writers would interleave the facts log. */
export class ArchiveBusyError extends Error {
  constructor(
    readonly archiveDir: string,
    readonly pid: number,
  ) {
    super(`${archiveDir} is being written by another ingest (process ${pid}); wait for it, or remove ${join(archiveDir, LOCK_NAME)} if that process is gone`);
    this.name = "ArchiveBusyError";
  }
}

const LOCK_NAME = "ingest.lock";

/**
 * One ingest at a time per archive: a lock file holding the writer's pid. A lock whose process
 * no longer runs was left by a crash and is taken over.
 */
export async function lockArchive(archiveDir: string): Promise<() => Promise<void>> {
  const path = join(archiveDir, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number((await readFile(path, "utf8").catch(() => "")).trim());
      if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) throw new ArchiveBusyError(archiveDir, pid);
      await rm(path, { force: true });
    }
  }
  throw new ArchiveBusyError(archiveDir, 0);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
