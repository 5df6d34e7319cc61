import { randomBytes, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { failureCodeSchema, type Failure } from "../errors.js";
import { nodeSchema } from "../graph/derive.js";
import { documentFacts, type DocumentFact } from "../graph/facts.js";
import type { ReferenceGraph } from "../graph/graph.js";
import { archivePaths, ArchiveWriter, type FailureLine } from "../ingest/archive.js";
import { failureLine, sha256Hex } from "../ingest/ingest.js";
import { vanbanDocumentSchema, type VanbanDocument } from "../schema/document.js";
import { applyCorrections, makeCorrection, type Correction, type CorrectionRequest, type ReviewedDocument } from "./corrections.js";
import type { Extractor } from "./extractors.js";
import { CorrectionLog } from "./log.js";
import { cachedSearchText, search, summaryOf, type SearchQuery, type SearchResult } from "./search.js";

export const jobStatusSchema = z.enum(["queued", "running", "done", "failed"]);

/** One uploaded file on its way to becoming a document. */
export const jobSchema = z.object({
  id: z.string().regex(/^job_[0-9a-f]{32}$/),
  fileName: z.string().describe("the client's name for the file: shown and recorded, never used as a path"),
  status: jobStatusSchema,
  documentId: z.string().nullable().describe("set when done"),
  duplicate: z.boolean().describe("done without a new document: these bytes, or the same text, were archived already"),
  failure: z.object({ code: failureCodeSchema, message: z.string(), retryable: z.boolean() }).nullable(),
  submittedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type Job = z.infer<typeof jobSchema>;

/** Where a citation of a document leads: the cited node, and its archived document if there is one. */
export const citationLinkSchema = z.object({
  citation: z.number().int().nonnegative().describe("index into the document's citations"),
  status: z.enum(["archived", "missing"]),
  documentId: z.string().nullable().describe("the cited document, when the archive holds it"),
  node: nodeSchema.nullable(),
});
export type CitationLink = z.infer<typeof citationLinkSchema>;

interface LibraryOptions {
  archiveDir: string;
  extractor: Extractor;
}

/** Finished jobs remembered for GET /api/jobs/:id; the oldest are forgotten first. */
const KEEP_JOBS = 10_000;

const DOCUMENT_ID = /^vb_[0-9a-f]{24}$/;
/** A server's documents are searchable and linked the moment their job says done. */
const COMMIT_EVERY_DOCUMENT = 1;
const now = (): string => new Date().toISOString();
/** A document as the pipeline wrote it into the archive: its JSON, as text or UTF-8 bytes. */
const parseDocument = (json: string | Uint8Array): VanbanDocument =>
  vanbanDocumentSchema.parse(JSON.parse(typeof json === "string" ? json : Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString("utf8")));

/**
 * The archive as a service: uploads become jobs, jobs become documents in the archive (written as
 * `vanban ingest` writes them, so the CLI can read what the server wrote), and reviewers'
 * corrections are kept in their own log beside the machine's documents. The HTTP layer only
 * translates requests into these calls.
 */
export class Library {
  private readonly jobsById = new Map<string, Job>();
  /** Bytes being extracted now, by sha256: a second upload of them waits for the first. */
  private readonly inFlight = new Map<string, Promise<{ documentId: string; duplicate: boolean } | Failure>>();
  private readonly running = new Set<Promise<void>>();
  private readonly failures: FailureLine[] = [];
  private readonly attempted = new Set<string>();
  private heldBytes = 0;

  private constructor(
    private readonly archive: ArchiveWriter,
    private readonly corrections: CorrectionLog,
    private readonly extractor: Extractor,
  ) {}

  /** Opens the archive for writing (its lock is held until close) and the corrections log. */
  static async open(options: LibraryOptions): Promise<Library> {
    const archive = await ArchiveWriter.open(options.archiveDir, COMMIT_EVERY_DOCUMENT);
    try {
      const corrections = await CorrectionLog.open(join(options.archiveDir, "corrections.ndjson"));
      return new Library(archive, corrections, options.extractor);
    } catch (error) {
      await archive.release();
      throw error;
    }
  }

  get extractorKind(): Extractor["kind"] {
    return this.extractor.kind;
  }

  /** Bytes of uploads not yet done: the server refuses more while they would pass its budget. */
  get pendingBytes(): number {
    return this.heldBytes;
  }

  /** Starts a file on its way and returns its job at once. */
  submit(bytes: Uint8Array, fileName: string): Job {
    const job: Job = { id: `job_${randomUUID().replace(/-/g, "")}`, fileName, status: "queued", documentId: null, duplicate: false, failure: null, submittedAt: now(), finishedAt: null };
    this.remember(job);
    this.heldBytes += bytes.byteLength;
    const work = this.process(job, bytes).finally(() => {
      this.heldBytes -= bytes.byteLength;
      this.running.delete(work);
    });
    this.running.add(work);
    return { ...job };
  }

  job(id: string): Job | undefined {
    const job = this.jobsById.get(id);
    return job === undefined ? undefined : { ...job };
  }

  /** How many jobs are in each state, without copying them. */
  jobCounts(): Record<Job["status"], number> {
    const counts = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const job of this.jobsById.values()) counts[job.status]++;
    return counts;
  }

  /** Newest first. */
  jobs(): Job[] {
    return [...this.jobsById.values()].reverse().map((job) => ({ ...job }));
  }

  /** Resolves when every job submitted so far has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }

  private remember(job: Job): void {
    this.jobsById.set(job.id, job);
    if (this.jobsById.size <= KEEP_JOBS) return;
    for (const [id, old] of this.jobsById) {
      if (this.jobsById.size <= KEEP_JOBS) break;
      if (old.status === "done" || old.status === "failed") this.jobsById.delete(id);
    }
  }

  private async process(job: Job, bytes: Uint8Array): Promise<void> {
    const sha256 = sha256Hex(bytes);
    job.status = "running";
    let outcome = this.inFlight.get(sha256);
    const first = outcome === undefined;
    if (outcome === undefined) {
      outcome = this.extractAndArchive(sha256, bytes, job.fileName);
      this.inFlight.set(sha256, outcome);
    }
    const result = await outcome;
    if (first) this.inFlight.delete(sha256);
    job.finishedAt = now();
    if ("code" in result) {
      job.status = "failed";
      job.failure = { code: result.code, message: result.message, retryable: result.retryable };
      return;
    }
    job.status = "done";
    job.documentId = result.documentId;
    job.duplicate = result.duplicate || !first;
  }

  private async extractAndArchive(sha256: string, bytes: Uint8Array, fileName: string): Promise<{ documentId: string; duplicate: boolean } | Failure> {
    const known = this.archive.known.get(sha256);
    if (known !== undefined) return { documentId: known, duplicate: true };
    this.attempted.add(fileName);
    const outcome = await this.extractor.extract({ sha256, fileName, bytes });
    if (outcome.status === "failed") {
      this.failures.push(failureLine(outcome.failure, fileName));
      return outcome.failure;
    }
    // The same text from another file (a DOCX and its PDF) is one document: archived once.
    const duplicate = this.archive.has(outcome.id);
    // Corrections made before (to the same text from another file) win over the machine's facts: the graph gets the corrected ones, once.
    const corrections = this.corrections.of(outcome.id);
    const facts = corrections.length === 0 ? outcome.facts : documentFacts(applyCorrections(parseDocument(outcome.json), corrections));
    await this.archive.add({ sha256, file: fileName, id: outcome.id, json: outcome.json, facts });
    return { documentId: outcome.id, duplicate };
  }

  /** The document as the pipeline wrote it, or null when the archive has no such id. */
  private async readMachine(id: string): Promise<VanbanDocument | null> {
    if (!DOCUMENT_ID.test(id)) return null;
    let text: string;
    try {
      text = await readFile(archivePaths(this.archive.dir).document(id), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
    return parseDocument(text);
  }

  /** The document with its corrections applied (`machine`: as extracted), or null. */
  async document(id: string, view: "reviewed" | "machine" = "reviewed"): Promise<ReviewedDocument | VanbanDocument | null> {
    const machine = await this.readMachine(id);
    if (machine === null) return null;
    return view === "machine" ? machine : applyCorrections(machine, this.corrections.of(id));
  }

  /**
   * Records a correction (throws CorrectionError when the field or value does not fit) and puts
   * the corrected document's facts into the graph, so search and citation links see it too.
   * Null when there is no such document.
   */
  async correct(id: string, request: CorrectionRequest, by: string): Promise<{ correction: Correction; document: ReviewedDocument } | null> {
    const machine = await this.readMachine(id);
    if (machine === null) return null;
    const made = makeCorrection(machine, this.corrections.of(id), request, { id: `cr_${randomBytes(8).toString("hex")}`, at: new Date(), by });
    await this.corrections.append(made.correction);
    await this.archive.replaceFacts(documentFacts(made.document));
    return made;
  }

  allCorrections(): readonly Correction[] {
    return this.corrections.all();
  }

  async documentCount(): Promise<number> {
    return (await this.archive.documentFacts()).length;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const facts = await this.archive.documentFacts();
    const found = search(facts, query, cachedSearchText);
    return { total: found.total, documents: found.facts.map((fact) => summaryOf(fact, this.corrections.of(fact.id).length)) };
  }

  graph(): Promise<ReferenceGraph> {
    return this.archive.graph();
  }

  /** Where each citation of a document leads in the graph; null when there is no such document. */
  async links(id: string): Promise<CitationLink[] | null> {
    const document = await this.document(id);
    if (document === null) return null;
    const graph = await this.graph();
    const nodeId = graph.nodeOfDocument(id);
    const edges = nodeId === undefined ? [] : graph.cites(nodeId).filter((e) => e.document === id);
    return document.citations.map((citation, index) => {
      const edge = edges.find((e) => e.spans.some((s) => s.start === citation.span.start));
      const node = edge === undefined ? null : (graph.node(edge.target) ?? null);
      const documentId = node?.status === "archived" ? (node.documents[0] ?? null) : null;
      return { citation: index, status: documentId === null ? "missing" : "archived", documentId, node };
    });
  }

  /** Every archived document, corrections applied, once each, as NDJSON lines. */
  async *exportLines(): AsyncGenerator<string> {
    const facts = [...(await this.archive.documentFacts())].sort((a, b) => a.id.localeCompare(b.id));
    for (const fact of facts) {
      const document = await this.document(fact.id);
      if (document !== null) yield `${JSON.stringify(document)}\n`;
    }
  }

  /** Waits for the jobs in hand, records their failures, derives the graph and lets go of the archive. */
  async close(): Promise<void> {
    await this.extractor.close();
    await this.idle();
    try {
      await this.archive.finish(this.failures, this.attempted);
    } finally {
      await this.archive.release();
      await this.corrections.close();
    }
  }
}
