import { VanbanError } from "../errors.js";
import { extractCitations } from "../extract/citations.js";
import type { ExtractContext } from "../extract/context.js";
import { extractDeadlines } from "../extract/deadlines.js";
import { extractDatePlace, extractDocumentType, extractNumber } from "../extract/header.js";
import { extractIssuer } from "../extract/issuer.js";
import { extractRecipients } from "../extract/recipients.js";
import { extractObjectives, extractPurposesAndRequirements } from "../extract/sections.js";
import { extractSigner } from "../extract/signer.js";
import { extractTasks } from "../extract/tasks.js";
import { extractTitle } from "../extract/title.js";
import { startDocument } from "../extract/units.js";
import type { LoadedDocument } from "../load/model.js";
import { detectFormat } from "../load/registry.js";
import { fromText, sha256, utf8Digest } from "../load/text.js";
import { footnoteMarkerLength, normalise, type NormalisedDocument } from "../normalise/normalise.js";
import { SCHEMA_VERSION, vanbanDocumentSchema, type OutlineNode, type VanbanDocument, type Warning } from "../schema/document.js";
import { pathOf } from "../segment/outline.js";
import { segment, type Segments } from "../segment/segment.js";
import { defaultPipeline, type PipelineConfig } from "./config.js";
import { loadIsolated } from "./isolated.js";

export interface ExtractOptions {
  fileName?: string | null;
  mediaType?: string;
}
export interface ExtractBytesOptions {
  fileName?: string | null;
  mediaType?: string;
  config?: PipelineConfig;
  /** Read binary formats in a worker thread with the pipeline's heap and time limits (default true). */
  isolate?: boolean;
}

export type StageName = "load" | "normalise" | "segment" | "extract" | "validate";
export type StageTimings = Record<StageName, number>;

/** extract: one extractor per field over the segments, then the document assembled. */
function extractFields(loaded: LoadedDocument, norm: NormalisedDocument, seg: Segments): VanbanDocument {
  const ctx: ExtractContext = { doc: norm, seg };
  const warnings: Warning[] = [...loaded.warnings, ...norm.warnings];
  const take = <T>(r: { value: T; warnings: Warning[] }): T => {
    warnings.push(...r.warnings);
    return r.value;
  };
  if (seg.header.length === 0 && seg.typeLine === null) {
    warnings.push({ code: "header-missing", message: "no header block: number, date and place cannot be read", span: null });
  }
  const own = take(extractNumber(ctx));
  const datePlace = take(extractDatePlace(ctx));
  const type = take(extractDocumentType(ctx, own));
  const title = take(extractTitle(ctx));
  const signer = take(extractSigner(ctx));
  const issuer = take(extractIssuer(ctx, { place: datePlace.place, numberParts: own.parts, signer, typeName: type.name }));
  const recipients = take(extractRecipients(ctx));
  const { purposes, requirements } = take(extractPurposesAndRequirements(ctx));
  const objectives = take(extractObjectives(ctx));
  const citations = take(extractCitations(ctx, own.number));
  const { tasks, responsibleUnits } = take(extractTasks(ctx, type.code, issuer?.name ?? null));
  const deadlines = take(
    extractDeadlines(
      ctx,
      citations.flatMap((c) => c.mentions.map((m) => m.span)),
    ),
  );
  const outline: OutlineNode[] = seg.outline
    .filter((item) => item.kind !== "paragraph")
    .map((item) => ({
      label: item.label,
      kind: item.kind,
      level: item.level,
      path: pathOf(seg.outline, item),
      heading: item.text,
      isHeading: item.children.length > 0,
      span: { start: item.textStart, end: item.textStart + item.text.length },
    }));
  return {
    schemaVersion: SCHEMA_VERSION,
    id: documentId(norm.text),
    source: {
      fileName: loaded.fileName,
      mediaType: loaded.mediaType,
      sha256: loaded.sha256,
      bytes: loaded.bytes,
      encoding: loaded.encoding,
      format: loaded.format,
      strategy: loaded.strategy,
      ocrEngine: loaded.ocrEngine,
      pages: loaded.pages.map((p) => ({ number: p.number, strategy: p.strategy, ocrConfidence: p.ocrConfidence })),
    },
    documentType: { code: type.code, name: type.name, evidence: type.evidence },
    number: own.number,
    numberParts: own.parts,
    issueDate: datePlace.issueDate,
    place: datePlace.place,
    title: title.title,
    issuer,
    signer,
    recipients,
    purposes,
    requirements,
    objectives,
    tasks,
    deadlines,
    responsibleUnits,
    citations,
    outline,
    footnotes: seg.footnotes.map((l) => {
      const length = footnoteMarkerLength(l.text);
      const text = l.text.slice(length).trim();
      return { marker: l.text.slice(0, length).trim(), text, span: { start: l.end - text.length, end: l.end } };
    }),
    spans: {
      documentType: type.span,
      number: own.span,
      issueDate: datePlace.dateSpan,
      place: datePlace.placeSpan,
      title: title.span,
    },
    warnings: dedupeWarnings(warnings),
    text: norm.text,
  };
}

/**
 * `vb_` + hash of the normalised text with blank lines read as line breaks: a blank
 * line more or less between a Word table and a text file's lines is layout, not content, and the
 * same document must get the same id from any format.
 */
export function documentId(text: string): string {
  // normalise has already made every gap inside a line one space; only blank lines can differ.
  return `vb_${utf8Digest(text.replace(/\n\s*\n/g, "\n")).sha256.slice(0, 24)}`;
}

function dedupeWarnings(warnings: readonly Warning[]): Warning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = `${w.code}|${w.message}|${w.span?.start ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** validate: a document that breaks its own schema is a bug, never a user's problem. */
function validate(document: VanbanDocument): VanbanDocument {
  const parsed = vanbanDocumentSchema.safeParse(document);
  if (!parsed.success) {
    throw new VanbanError("internal", `the extracted document does not match the schema: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

/** Runs normalise → segment → extract → validate on a loaded document, timing each stage. */
export function runStages(loaded: LoadedDocument, timings?: Partial<StageTimings>): VanbanDocument {
  const time = <T>(stage: StageName, f: () => T): T => {
    if (!timings) return f();
    const t0 = performance.now();
    const value = f();
    timings[stage] = (timings[stage] ?? 0) + performance.now() - t0;
    return value;
  };
  startDocument();
  const norm = time("normalise", () => normalise(loaded));
  const seg = time("segment", () => segment(norm));
  const document = time("extract", () => extractFields(loaded, norm, seg));
  return time("validate", () => validate(document));
}

/** An in-memory string as the canonical document: the library's door for text. */
function loadString(text: string, options: ExtractOptions): LoadedDocument {
  const utf8 = utf8Digest(text);
  return fromText(text, {
    fileName: options.fileName ?? null,
    mediaType: options.mediaType ?? "text/plain",
    sha256: utf8.sha256,
    bytes: utf8.bytes,
    encoding: "utf-16 (in memory)",
  });
}

/** Extracts a document from text. Never throws for any string. */
export function extract(text: string, options: ExtractOptions = {}): VanbanDocument {
  return runStages(loadString(text, options));
}

/**
 * The load stage for bytes of any supported format: detect by content, check the byte limit,
 * run the format's loader under the stage time limit. Throws VanbanError for bad input.
 */
export async function loadBytes(bytes: Uint8Array, options: ExtractBytesOptions = {}): Promise<LoadedDocument> {
  const config = options.config ?? defaultPipeline();
  const fileName = options.fileName ?? null;
  const { maxBytes, stageTimeoutMs } = config.limits;
  if (bytes.length > maxBytes) {
    throw new VanbanError("too-large", `the file has ${bytes.length} bytes, over the limit of ${maxBytes}`, { file: fileName });
  }
  if (bytes.length === 0) throw new VanbanError("empty", "the file is empty", { file: fileName });
  const format = detectFormat(bytes, fileName);
  const loaded = await withTimeout(
    format.load(bytes, { fileName, config, sha256: sha256(bytes) }),
    stageTimeoutMs,
    () => new VanbanError("timeout", `reading the ${format.label} took longer than ${stageTimeoutMs} ms`, { file: fileName }),
  );
  return options.mediaType === undefined ? loaded : { ...loaded, mediaType: options.mediaType };
}

/**
 * Reads bytes of any supported format and extracts. Rejects with VanbanError for bad input.
 * Binary formats are read in a thread of their own (see loadIsolated) unless `isolate` is false.
 */
export async function extractBytes(bytes: Uint8Array, options: ExtractBytesOptions = {}): Promise<VanbanDocument> {
  return runStages(await loadStage(bytes, options));
}

/**
 * The load stage as extractBytes runs it: binary formats in a thread of their own (unless
 * `isolate` is false), text in the caller's thread. The queue runs it as a job of its own.
 */
export async function loadStage(bytes: Uint8Array, options: ExtractBytesOptions = {}): Promise<LoadedDocument> {
  const config = options.config ?? defaultPipeline();
  const fileName = options.fileName ?? null;
  const isolate = (options.isolate ?? true) && bytes.length > 0 && bytes.length <= config.limits.maxBytes && detectFormat(bytes, fileName).id !== "text";
  const loaded = isolate ? await loadIsolated(bytes, { fileName, config }) : await loadBytes(bytes, { ...options, config });
  return options.mediaType === undefined ? loaded : { ...loaded, mediaType: options.mediaType };
}

function withTimeout<T>(work: Promise<T>, ms: number, error: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(error()), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** For the benchmark: the document and the milliseconds each stage took. */
export function extractWithTimings(text: string, options: ExtractOptions = {}): { document: VanbanDocument; timings: StageTimings } {
  const timings: StageTimings = { load: 0, normalise: 0, segment: 0, extract: 0, validate: 0 };
  const t0 = performance.now();
  const loaded = loadString(text, options);
  timings.load = performance.now() - t0;
  const document = runStages(loaded, timings);
  return { document, timings };
}
