import { z } from "zod";
import {
  citationRelationSchema,
  documentTypeCodeSchema,
  numberPartsSchema,
  partialDateSchema,
  spanSchema,
  type VanbanDocument,
} from "../schema/document.js";
import { resolveShortForms, type Resolvers } from "./short-forms.js";

/**
 * The facts the graph is derived from: per archived document, its own header fields and what
 * it cites, each citation with every span that refers to it (full mentions and resolved short
 * forms). Facts are what the store keeps; nodes, links, placeholders and near misses are derived
 * from the whole set of facts every time, so the order documents arrive in cannot matter.
 */

export const citationFactSchema = z.object({
  raw: z.string(),
  documentType: documentTypeCodeSchema.nullable(),
  number: z.string().nullable(),
  numberParts: numberPartsSchema.nullable(),
  name: z.string().nullable(),
  date: partialDateSchema.nullable(),
  issuer: z.string().nullable(),
  relation: citationRelationSchema,
  shortName: z.string().nullable(),
  spans: z.array(spanSchema).min(1).describe("every reference in the citing text: the full citation first"),
});
export type CitationFact = z.infer<typeof citationFactSchema>;

export const documentFactSchema = z.object({
  id: z.string().regex(/^vb_[0-9a-f]{24}$/),
  fileName: z.string().nullable(),
  documentType: documentTypeCodeSchema,
  number: z.string().nullable(),
  numberParts: numberPartsSchema.nullable(),
  issueDate: partialDateSchema.nullable(),
  issuer: z.string().nullable(),
  title: z.string().nullable(),
  citations: z.array(citationFactSchema),
  selfReferences: z.number().int().nonnegative().describe("'Kế hoạch này' and the like: the document naming itself"),
});
export type DocumentFact = z.infer<typeof documentFactSchema>;

/** The facts of one extracted document, its short forms resolved inside it. */
export function documentFacts(document: VanbanDocument, resolvers?: Resolvers): DocumentFact {
  const extraSpans = document.citations.map((): { start: number; end: number }[] => []);
  let selfReferences = 0;
  for (const form of resolveShortForms(document, resolvers)) {
    if (form.referent.to === "self") selfReferences++;
    else if (form.referent.to === "citation") extraSpans[form.referent.index]?.push(form.span);
  }
  return {
    id: document.id,
    fileName: document.source.fileName,
    documentType: document.documentType.code,
    number: document.number,
    numberParts: document.numberParts,
    issueDate: document.issueDate,
    issuer: document.issuer?.name ?? null,
    title: document.title,
    citations: document.citations.map((c, index) => ({
      raw: c.raw,
      documentType: c.documentType,
      number: c.number,
      numberParts: c.numberParts,
      name: c.name,
      date: c.date,
      issuer: c.issuer,
      relation: c.relation,
      shortName: c.shortName,
      spans: dedupeSpans([c.span, ...c.mentions.map((m) => m.span), ...(extraSpans[index] ?? [])]),
    })),
    selfReferences,
  };
}

function dedupeSpans(spans: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const [first, ...rest] = spans;
  if (first === undefined) return [];
  const seen = new Set([first.start]);
  const others = rest.filter((s) => !seen.has(s.start) && seen.add(s.start)).sort((a, b) => a.start - b.start);
  return [first, ...others];
}
