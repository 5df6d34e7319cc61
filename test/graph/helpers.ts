import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CitationFact, DocumentFact } from "../../src/graph/facts.js";
import { documentFacts } from "../../src/graph/facts.js";
import { extract } from "../../src/index.js";
import type { CitationRelation, DocumentTypeCode } from "../../src/schema/document.js";
import { findNumbers } from "../../src/text/numbers.js";

export const SEEDS_DIR = join(import.meta.dirname, "..", "..", "fixtures", "seeds");
export const SEED_FILES = readdirSync(SEEDS_DIR).filter((name) => name.endsWith(".txt")).sort();

/** The facts of the five seeds, by file name prefix (000 … 004). */
export function seedFacts(): Map<string, DocumentFact> {
  return new Map(SEED_FILES.map((name) => [name.slice(0, 3), documentFacts(extract(readFileSync(join(SEEDS_DIR, name), "utf8"), { fileName: name }))]));
}

function parts(number: string | null): Pick<CitationFact, "number" | "numberParts"> {
  if (number === null) return { number: null, numberParts: null };
  const found = findNumbers(number)[0];
  if (found === undefined) throw new Error(`not a number: ${number}`);
  return { number: found.number, numberParts: found.parts };
}

export interface CiteSpec {
  number: string | null;
  type?: DocumentTypeCode;
  date?: string | null;
  issuer?: string | null;
  relation?: CitationRelation;
  name?: string | null;
  count?: number;
}

export function citation(spec: CiteSpec): CitationFact {
  const count = spec.count ?? 1;
  return {
    raw: spec.number ?? spec.name ?? "",
    documentType: spec.type ?? null,
    ...parts(spec.number),
    name: spec.name ?? null,
    date: spec.date ?? null,
    issuer: spec.issuer ?? null,
    relation: spec.relation ?? "implements",
    shortName: null,
    spans: Array.from({ length: count }, (_, i) => ({ start: i * 100, end: i * 100 + 10 })),
  };
}

/** A document fact with an id made from its label, so tests read by name. */
export function documentFact(label: string, spec: { number?: string | null; type?: DocumentTypeCode; date?: string | null; issuer?: string | null; cites?: CiteSpec[] }): DocumentFact {
  return {
    id: `vb_${createHash("sha256").update(label).digest("hex").slice(0, 24)}`,
    fileName: `${label}.txt`,
    documentType: spec.type ?? "KE_HOACH",
    ...parts(spec.number ?? null),
    issueDate: spec.date ?? null,
    issuer: spec.issuer ?? null,
    title: label,
    citations: (spec.cites ?? []).map(citation),
    selfReferences: 0,
  };
}
