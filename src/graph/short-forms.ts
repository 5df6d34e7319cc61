import type { Citation, CitationRelation, Span, VanbanDocument } from "../schema/document.js";
import { fold } from "../text/fold.js";
import { DOCUMENT_TYPES } from "../vocabulary/document-types.js";
import { CITATION_RELATION_CUES } from "../vocabulary/relations.js";

/**
 * Short forms inside one document, as eyecite resolves them: find the places that refer back
 * without a full citation, then resolve each to a full citation (or to the document itself),
 * then annotate. The extractor already merges repeated full numbers ("Chỉ thị số 11-CT/TW" without
 * its date) into one citation's `mentions`; what is left for this step is text without a number:
 *
 *   defined name   "(sau đây viết tắt là Chỉ thị 20)" then "tổng kết Chỉ thị 20"
 *   type + serial  "Chỉ thị 20", "Chỉ thị số 20" without the rest of the number
 *   this           "Kế hoạch này": the document itself, or the last cited one of that type
 *   above          "Chỉ thị nêu trên", "văn bản trên": the nearest earlier citation (of that type)
 *
 * Each step is a plain function; the resolvers are passed in so a caller can change the policy.
 */

export type ShortFormKind = "defined-name" | "type-serial" | "this" | "above";

export interface ShortForm {
  kind: ShortFormKind;
  text: string;
  span: Span;
  /** The document type the words name (CHI_THI), null for "văn bản". */
  type: string | null;
  /** For type-serial: the serial; for defined-name: the name. */
  value: string | null;
}

/** Where a short form points: a citation's index in `citations`, the document itself, or nowhere. */
export type Referent = { to: "citation"; index: number } | { to: "self" } | { to: "unresolved"; reason: string };

export interface ResolvedShortForm extends ShortForm {
  referent: Referent;
  relation: CitationRelation;
}

export interface ResolutionContext {
  citations: readonly Citation[];
  ownType: string;
  /** Start offsets of every mention of each citation, in citation order. */
  mentionStarts: readonly (readonly number[])[];
}

export type Resolver = (form: ShortForm, context: ResolutionContext) => Referent;
export type Resolvers = Record<ShortFormKind, Resolver>;

const TYPE_WORDS = DOCUMENT_TYPES.filter((t) => t.code !== "KHAC")
  .flatMap((t) => [t.name, ...(t.aliases ?? [])].map((name) => ({ name, code: t.code as string | null })))
  .concat([{ name: "Văn bản", code: null }])
  .sort((a, b) => b.name.length - a.name.length);
const TYPE_ALTERNATION = TYPE_WORDS.map((t) => t.name).join("|");
const TYPE_BY_FOLD = new Map(TYPE_WORDS.map((t) => [fold(t.name), t.code]));

/**
 * "Chỉ thị 20", "Chỉ thị số 20" — not the start of a full number (20-CT/TW, 20/CT-UBND). Only a
 * capitalised type word names a document: "báo cáo 1 lần" is no reference.
 */
const TYPE_SERIAL = new RegExp(String.raw`(?<![\p{L}])(?<type>${TYPE_ALTERNATION})[ \t]+(?:số[ \t]+)?(?<serial>\d{1,5})(?![\d\p{L}]|\s*[/\-–]\s*[\p{Lu}\d])`, "gu");
const THIS = new RegExp(String.raw`(?<![\p{L}])(?<type>${TYPE_ALTERNATION})\s+này(?![\p{L}])`, "giu");
/** "nêu trên" anywhere; a bare "trên" only before punctuation, since "Kế hoạch trên địa bàn" is no reference. */
const ABOVE = new RegExp(String.raw`(?<![\p{L}])(?<type>${TYPE_ALTERNATION})(?:\s+số\s+[^\s,.;()]{1,20})?\s+(?:(?:đã\s+)?nêu\s+trên(?![\p{L}])|trên(?=\s*[,.;:)]))`, "giu");
/** The parenthesis that defines a name is not a use of it. */
const DEFINITION = /\((?:sau đây\s+)?(?:được\s+)?(?:viết tắt là|gọi tắt là|gọi chung là|gọi là)[^()]*\)/giu;

const typeOf = (word: string): string | null => TYPE_BY_FOLD.get(fold(word)) ?? null;
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** clean: the spans no short form may start in — full citations and name definitions. */
export function coveredSpans(document: Pick<VanbanDocument, "text" | "citations">): Span[] {
  const spans = document.citations.flatMap((c) => [c.span, ...c.mentions.map((m) => m.span)]);
  for (const m of document.text.matchAll(DEFINITION)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans.sort((a, b) => a.start - b.start);
}

/** find: every short form in the text outside the covered spans, in text order. */
export function findShortForms(text: string, citations: readonly Citation[], covered: readonly Span[]): ShortForm[] {
  const found: ShortForm[] = [];
  const free = (start: number, end: number): boolean =>
    !covered.some((s) => start < s.end && end > s.start) && !found.some((f) => start < f.span.end && end > f.span.start);
  const add = (kind: ShortFormKind, start: number, match: string, type: string | null, value: string | null): void => {
    if (free(start, start + match.length)) found.push({ kind, text: match, span: { start, end: start + match.length }, type, value });
  };
  // A defined name is a proper name ("Chỉ thị 20"); "(gọi chung là các đơn vị)" defines none.
  const names = [...new Set(citations.map((c) => c.shortName).filter((n): n is string => n !== null && /^\p{Lu}/u.test(n)))];
  for (const name of names) {
    const re = new RegExp(String.raw`(?<![\p{L}\d])${escape(name)}(?![\p{L}\d]|\s*[/\-–]\s*[\p{Lu}\d])`, "gu");
    for (const m of text.matchAll(re)) add("defined-name", m.index, m[0], null, name);
  }
  for (const m of text.matchAll(TYPE_SERIAL)) add("type-serial", m.index, m[0], typeOf(m.groups!["type"]!), m.groups!["serial"]!);
  for (const m of text.matchAll(THIS)) add("this", m.index, m[0], typeOf(m.groups!["type"]!), null);
  for (const m of text.matchAll(ABOVE)) add("above", m.index, m[0], typeOf(m.groups!["type"]!), null);
  return found.sort((a, b) => a.span.start - b.span.start);
}

const unresolved = (reason: string): Referent => ({ to: "unresolved", reason });

/** Of several citations, the one mentioned last before `at` (eyecite's "most recent full cite"). */
function nearestBefore(indices: readonly number[], at: number, context: ResolutionContext): number | null {
  let best: { index: number; start: number } | null = null;
  for (const index of indices) {
    for (const start of context.mentionStarts[index] ?? []) {
      if (start < at && (best === null || start > best.start)) best = { index, start };
    }
  }
  return best?.index ?? null;
}

const citationsOfType = (type: string | null, context: ResolutionContext): number[] =>
  context.citations.flatMap((c, index) => (type === null || c.documentType === type ? [index] : []));

export const DEFAULT_RESOLVERS: Resolvers = {
  "defined-name": (form, context) => {
    const index = context.citations.findIndex((c) => c.shortName === form.value);
    return index < 0 ? unresolved("no citation defines this name") : { to: "citation", index };
  },
  "type-serial": (form, context) => {
    const serial = (s: string | null | undefined): string => (s ?? "").replace(/^0+(?=\d)/, "");
    const matches = context.citations.flatMap((c, index) =>
      c.documentType === form.type && serial(c.numberParts?.serial) === serial(form.value) ? [index] : [],
    );
    if (matches.length === 0) return unresolved(`no citation in full matches "${form.text}"`);
    if (matches.length === 1) return { to: "citation", index: matches[0]! };
    const nearest = nearestBefore(matches, form.span.start, context);
    return nearest === null ? unresolved(`${matches.length} citations share serial ${form.value} and none comes before`) : { to: "citation", index: nearest };
  },
  this: (form, context) => {
    if (form.type === null || form.type === context.ownType) return { to: "self" };
    const nearest = nearestBefore(citationsOfType(form.type, context), form.span.start, context);
    return nearest === null ? unresolved(`no ${form.text} cited before`) : { to: "citation", index: nearest };
  },
  above: (form, context) => {
    const nearest = nearestBefore(citationsOfType(form.type, context), form.span.start, context);
    return nearest === null ? unresolved(`nothing cited before "${form.text}"`) : { to: "citation", index: nearest };
  },
};

/** The relation a cue just before the short form gives it, within its sentence. */
function relationAt(text: string, start: number): CitationRelation {
  const sentenceStart = Math.max(text.lastIndexOf(". ", start), text.lastIndexOf("\n", start), start - 80, 0);
  const before = fold(text.slice(sentenceStart, start));
  let best: { relation: CitationRelation; at: number } | null = null;
  for (const cue of CITATION_RELATION_CUES) {
    const at = before.lastIndexOf(cue.folded);
    if (at < 0) continue;
    // As the extractor reads it: reviewing the implementation of a document reviews it.
    if (cue.relation === "reviews") return "reviews";
    if (best === null || at > best.at) best = { relation: cue.relation, at };
  }
  return best?.relation ?? "mentions";
}

/** resolve + annotate: every short form with its referent and the relation its sentence gives it. */
export function resolveShortForms(
  document: Pick<VanbanDocument, "text" | "citations" | "documentType">,
  resolvers: Resolvers = DEFAULT_RESOLVERS,
): ResolvedShortForm[] {
  const context: ResolutionContext = {
    citations: document.citations,
    ownType: document.documentType.code,
    mentionStarts: document.citations.map((c) => [c.span.start, ...c.mentions.map((m) => m.span.start)]),
  };
  const forms = findShortForms(document.text, document.citations, coveredSpans(document));
  return forms.map((form) => ({ ...form, referent: resolvers[form.kind](form, context), relation: relationAt(document.text, form.span.start) }));
}
