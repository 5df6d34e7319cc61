import { z } from "zod";
import type { DocumentFact } from "../graph/facts.js";
import { documentTypeCodeSchema, partialDateSchema } from "../schema/document.js";
import { fold } from "../text/fold.js";
import { normaliseNumber } from "../text/numbers.js";
import { DOCUMENT_TYPES, TYPE_BY_CODE } from "../vocabulary/document-types.js";

/** A document in a list: the fields people search and sort by, corrections applied. */
export const documentSummarySchema = z.object({
  id: z.string(),
  documentType: documentTypeCodeSchema,
  typeName: z.string().describe("the type's Vietnamese name: Kế hoạch"),
  number: z.string().nullable(),
  issueDate: partialDateSchema.nullable(),
  issuer: z.string().nullable(),
  title: z.string().nullable(),
  fileName: z.string().nullable(),
  citations: z.number().int().nonnegative(),
  corrections: z.number().int().nonnegative(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();

/** The query string of GET /api/documents. Every filter is optional; given ones must all hold. */
export const searchQuerySchema = z
  .object({
    number: optionalText.describe("số ký hiệu, matched whole, ignoring case, spaces and diacritics: 89/kh-mnhl"),
    type: optionalText.describe("a type code (KE_HOACH) or name (Kế hoạch, ke hoach)"),
    issuer: optionalText.describe("words of the issuer's name, diacritics optional"),
    from: partialDateSchema.optional().describe("issued on or after: 2024, 2024-08 or 2024-08-02"),
    to: partialDateSchema.optional().describe("issued on or before"),
    q: optionalText.describe("words that must all appear in the type, number, title, issuer or file name"),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const searchResultSchema = z.object({ total: z.number().int().nonnegative(), documents: z.array(documentSummarySchema) });
export type SearchResult = z.infer<typeof searchResultSchema>;

const typeName = (code: string): string => TYPE_BY_CODE.get(code as DocumentFact["documentType"])?.name ?? code;

/** The type codes a `type` filter means: a code as written, or every type whose name folds to it. */
function typeCodes(typed: string): ReadonlySet<string> {
  const code = typed.toUpperCase();
  if (TYPE_BY_CODE.has(code as DocumentFact["documentType"])) return new Set([code]);
  const folded = fold(typed);
  return new Set(DOCUMENT_TYPES.filter((t) => fold(t.name) === folded).map((t) => t.code));
}

const words = (s: string): string[] => fold(s).split(/[^\p{L}\p{N}/-]+/u).filter((w) => w !== "");
const numberKey = (n: string): string => fold(normaliseNumber(n));

/** Compares partial dates on what both state: 2024-08 is within from=2024-08-02's month. */
function onOrAfter(date: string, bound: string): boolean {
  const n = Math.min(date.length, bound.length);
  return date.slice(0, n) >= bound.slice(0, n);
}
function onOrBefore(date: string, bound: string): boolean {
  const n = Math.min(date.length, bound.length);
  return date.slice(0, n) <= bound.slice(0, n);
}

export function summaryOf(fact: DocumentFact, corrections: number): DocumentSummary {
  return {
    id: fact.id,
    documentType: fact.documentType,
    typeName: typeName(fact.documentType),
    number: fact.number,
    issueDate: fact.issueDate,
    issuer: fact.issuer,
    title: fact.title,
    fileName: fact.fileName,
    citations: fact.citations.length,
    corrections,
  };
}

/** The folded words a `q` search looks in (cachedSearchText keeps them per fact). */
export const searchText = (fact: DocumentFact): string =>
  ` ${words([typeName(fact.documentType), fact.number ?? "", fact.title ?? "", fact.issuer ?? "", fact.fileName ?? ""].join(" ")).join(" ")} `;

/**
 * searchText, kept with the fact it was made from: a store puts a new fact object for every
 * change of a document, so an entry never outlives what it describes and needs no clearing.
 */
const SEARCH_TEXTS = new WeakMap<DocumentFact, string>();
export function cachedSearchText(fact: DocumentFact): string {
  let text = SEARCH_TEXTS.get(fact);
  if (text === undefined) SEARCH_TEXTS.set(fact, (text = searchText(fact)));
  return text;
}

/**
 * The facts a query selects, newest first (undated last), then by number: one page of them and
 * the count of all. `textOf` gives a fact's search text (see searchText).
 */
export function search(facts: readonly DocumentFact[], query: SearchQuery, textOf: (fact: DocumentFact) => string): { total: number; facts: DocumentFact[] } {
  const codes = query.type === undefined ? null : typeCodes(query.type);
  const number = query.number === undefined ? null : numberKey(query.number);
  const issuerWords = query.issuer === undefined ? [] : words(query.issuer);
  const qWords = query.q === undefined ? [] : words(query.q);
  const selected = facts.filter((fact) => {
    if (codes !== null && !codes.has(fact.documentType)) return false;
    if (number !== null && (fact.number === null || numberKey(fact.number) !== number)) return false;
    if (issuerWords.length > 0) {
      const issuer = ` ${words(fact.issuer ?? "").join(" ")} `;
      if (!issuerWords.every((w) => issuer.includes(` ${w} `))) return false;
    }
    if (query.from !== undefined && (fact.issueDate === null || !onOrAfter(fact.issueDate, query.from))) return false;
    if (query.to !== undefined && (fact.issueDate === null || !onOrBefore(fact.issueDate, query.to))) return false;
    if (qWords.length > 0) {
      const text = textOf(fact);
      if (!qWords.every((w) => text.includes(` ${w} `) || (w.length >= 3 && text.includes(w)))) return false;
    }
    return true;
  });
  selected.sort((a, b) => (b.issueDate ?? "").localeCompare(a.issueDate ?? "") || (a.number ?? "").localeCompare(b.number ?? "") || a.id.localeCompare(b.id));
  return { total: selected.length, facts: selected.slice(query.offset, query.offset + query.limit) };
}
