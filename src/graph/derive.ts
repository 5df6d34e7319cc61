import { z } from "zod";
import { citationRelationSchema, spanSchema } from "../schema/document.js";
import type { CitationFact, DocumentFact } from "./facts.js";
import { citationKeyShared, documentKey, issuerCodeSlug, issuersCompatible, issuerSlug, keyFamilySchema, type DocumentKey } from "./keys.js";

/**
 * The reference graph, derived from the facts and nothing else. Resolution is local to a group
 * (family, type and serial: where a citation and its near misses can live), and every group is
 * worked in a fixed order over sorted facts, so the same facts give the same graph whatever the
 * order or the batches they were ingested in.
 */

export const nodeSchema = z.object({
  id: z.string().describe("CHI_THI:20-CT/TW@khoa-XI; kept when a placeholder becomes archived"),
  status: z.enum(["archived", "placeholder"]),
  type: z.string(),
  family: keyFamilySchema,
  number: z.string().nullable(),
  serial: z.string().nullable(),
  name: z.string().nullable().describe("a Luật cited by name, or an archived document's title"),
  scope: z.string().nullable(),
  dates: z.array(z.string()).describe("issue date of the archived document, or every date the citations state"),
  issuers: z.array(z.string()).describe("as the document or the citing phrases name it"),
  documents: z.array(z.string()).describe("ids of the archived documents with this key (more than one: duplicates)"),
  raw: z.array(z.string()).describe("up to three forms the node was cited or issued as"),
});
export type GraphNode = z.infer<typeof nodeSchema>;

export const matchSchema = z.enum(["exact", "scope-assumed", "placeholder", "ambiguous"]);

export const edgeSchema = z.object({
  source: z.string(),
  target: z.string(),
  document: z.string().describe("the citing document's id"),
  relation: citationRelationSchema,
  count: z.number().int().positive().describe("references in the citing text, short forms included"),
  spans: z.array(spanSchema).describe("where, in the citing document's text: the full citation first"),
  match: matchSchema.describe("exact: keys agree; scope-assumed: the citation gave no date, one document fits"),
  raw: z.string(),
});
export type GraphEdge = z.infer<typeof edgeSchema>;

export const candidateSchema = z.object({
  from: z.string().describe("the placeholder a citation could not resolve"),
  to: z.string().describe("the node it may mean"),
  score: z.number().min(0).max(1),
  reasons: z.array(z.string()),
});
export type CandidateLink = z.infer<typeof candidateSchema>;

export const graphSchema = z.object({
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema),
  candidates: z.array(candidateSchema),
});
export type GraphData = z.infer<typeof graphSchema>;

/** A candidate is offered from this score up: below it, two documents merely share a serial. */
export const CANDIDATE_THRESHOLD = 0.5;
const MAX_CANDIDATE_SCORE = 0.95;

interface Archived {
  fact: DocumentFact;
  key: DocumentKey;
  nodeId: string;
}
interface Cited {
  from: string;
  fact: CitationFact;
  key: Readonly<DocumentKey>;
  target: string | null;
  match: z.infer<typeof matchSchema>;
}
interface Group {
  archived: Archived[];
  cited: Cited[];
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function datesAgree(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return true;
  return a.length <= b.length ? b.startsWith(a) : a.startsWith(b);
}

function fits(cited: DocumentKey, citedDate: string | null, archived: Archived): boolean {
  return (
    cited.base === archived.key.base &&
    (cited.scope === null || archived.key.scope === null || cited.scope === archived.key.scope) &&
    issuersCompatible(cited.issuer, archived.key.issuer) &&
    datesAgree(citedDate, archived.fact.issueDate)
  );
}

/** The graph of a set of facts, derived in one go. */
export function deriveGraph(facts: Iterable<DocumentFact>): GraphData {
  const deriver = new GraphDeriver();
  deriver.apply(facts);
  return deriver.data();
}

interface FactKeys {
  own: DocumentKey;
  cited: readonly Readonly<DocumentKey>[];
}

const keysOf = (fact: DocumentFact): FactKeys => ({ own: documentKey(fact), cited: fact.citations.map(citationKeyShared) });

interface DerivedGroup {
  group: Group;
  nodes: Map<string, GraphNode>;
  candidates: CandidateLink[];
}

/**
 * Derivation that follows the facts as they come. Groups depend on their own facts only, so new
 * or replaced documents re-derive just the groups they (and what they cite) fall in, and every
 * group is worked over its documents in id order: the result is that of deriving all facts at
 * once, whatever the order or batches they were applied in.
 */
export class GraphDeriver {
  private readonly facts = new Map<string, DocumentFact>();
  private readonly derived = new Map<string, DerivedGroup>();

  /** Adds documents, or replaces those with the same id, and re-derives the groups they touch. */
  apply(facts: Iterable<DocumentFact>): void {
    const batchKeys = new Map<string, FactKeys>();
    const touched = new Set<string>();
    const touch = (keys: FactKeys): void => {
      touched.add(keys.own.group);
      for (const key of keys.cited) touched.add(key.group);
    };
    for (const fact of facts) {
      const old = this.facts.get(fact.id);
      if (old !== undefined) touch(keysOf(old));
      this.facts.set(fact.id, fact);
      const keys = keysOf(fact);
      batchKeys.set(fact.id, keys);
      touch(keys);
    }
    // A touched group is derived again from all its documents: those of the batch and those it had.
    const ids = new Set(batchKeys.keys());
    const groups = new Map<string, Group>();
    for (const name of touched) {
      groups.set(name, { archived: [], cited: [] });
      const before = this.derived.get(name)?.group;
      for (const archived of before?.archived ?? []) ids.add(archived.fact.id);
      for (const cited of before?.cited ?? []) ids.add(cited.from);
    }
    for (const id of [...ids].sort(byString)) {
      const fact = this.facts.get(id)!;
      const { own, cited } = batchKeys.get(id) ?? keysOf(fact);
      groups.get(own.group)?.archived.push({ fact, key: own, nodeId: own.node });
      fact.citations.forEach((citation, i) => {
        const key = cited[i]!;
        groups.get(key.group)?.cited.push({ from: id, fact: citation, key, target: null, match: "placeholder" });
      });
    }
    for (const [name, group] of groups) {
      if (group.archived.length === 0 && group.cited.length === 0) this.derived.delete(name);
      else this.derived.set(name, deriveGroup(group));
    }
  }

  /** The graph as of the facts applied so far. */
  data(): GraphData {
    const names = [...this.derived.keys()].sort(byString);
    const nodeOfDocument = new Map<string, string>();
    const nodes: GraphNode[] = [];
    const candidates: CandidateLink[] = [];
    for (const name of names) {
      const derived = this.derived.get(name)!;
      for (const archived of derived.group.archived) nodeOfDocument.set(archived.fact.id, archived.nodeId);
      nodes.push(...derived.nodes.values());
      candidates.push(...derived.candidates);
    }
    const edges: GraphEdge[] = [];
    for (const name of names) edges.push(...edgesOf(this.derived.get(name)!.group, nodeOfDocument));
    // Groups are worked in name order over documents in id order: the edges' order is already fixed.
    candidates.sort((a, b) => byString(a.from, b.from) || b.score - a.score || byString(a.to, b.to));
    return { nodes: nodes.sort((a, b) => byString(a.id, b.id)), edges, candidates };
  }
}

function deriveGroup(group: Group): DerivedGroup {
  const nodes = new Map<string, GraphNode>();
  const candidates: CandidateLink[] = [];
  assignArchivedNodes(group, nodes);
  resolveGroup(group, nodes, candidates);
  return { group, nodes, candidates };
}

/**
 * One edge per citing document and target. Targets of a group are in that group only, so the
 * merge is per group, keyed by strings that already exist (no joined key per citation).
 */
function edgesOf(group: Group, nodeOfDocument: ReadonlyMap<string, string>): GraphEdge[] {
  const list: GraphEdge[] = [];
  const edges = new Map<string, Map<string, GraphEdge>>();
  for (const cited of group.cited) {
    const source = nodeOfDocument.get(cited.from)!;
    const target = cited.target!;
    if (source === target) continue;
    let byDocument = edges.get(target);
    if (byDocument === undefined) edges.set(target, (byDocument = new Map()));
    const existing = byDocument.get(cited.from);
    if (existing === undefined) {
      const edge: GraphEdge = { source, target, document: cited.from, relation: cited.fact.relation, count: cited.fact.spans.length, spans: cited.fact.spans, match: cited.match, raw: cited.fact.raw };
      byDocument.set(cited.from, edge);
      list.push(edge);
      continue;
    }
    existing.count += cited.fact.spans.length;
    existing.spans = [...existing.spans, ...cited.fact.spans];
    if (existing.relation === "mentions") existing.relation = cited.fact.relation;
  }
  return list;
}

/**
 * Archived documents become nodes under their key without the issuer, so a citation that does
 * not name the issuer can reach them. Only when two archived documents share that key and their
 * issuers cannot be one body does the issuer become part of the node id.
 */
function assignArchivedNodes(group: Group, nodes: Map<string, GraphNode>): void {
  const byNode = new Map<string, Archived[]>();
  for (const archived of group.archived) {
    const list = byNode.get(archived.key.node) ?? [];
    list.push(archived);
    byNode.set(archived.key.node, list);
  }
  for (const [node, list] of byNode) {
    const clash = list.some((a) => list.some((b) => !issuersCompatible(a.key.issuer, b.key.issuer)));
    for (const archived of list) {
      archived.nodeId = clash ? `${node}#${archived.key.issuer ?? "?"}` : node;
      const existing = nodes.get(archived.nodeId);
      const { fact, key } = archived;
      if (existing === undefined) {
        nodes.set(archived.nodeId, newNode(archived.nodeId, "archived", key, { name: fact.title, date: fact.issueDate, issuer: fact.issuer, document: fact.id }));
      } else {
        existing.documents.push(fact.id);
        addUnique(existing.dates, fact.issueDate);
        addUnique(existing.issuers, fact.issuer);
      }
    }
  }
}

function newNode(id: string, status: GraphNode["status"], key: DocumentKey, seen: { name: string | null; date: string | null; issuer: string | null; document: string | null }): GraphNode {
  const { type, family, number, serial, scope, raw } = key;
  const listOf = (value: string | null): string[] => (value === null ? [] : [value]);
  return { id, status, type, family, number, serial, name: seen.name, scope, dates: listOf(seen.date), issuers: listOf(seen.issuer), documents: listOf(seen.document), raw: [raw] };
}

function addUnique(list: string[], value: string | null, limit = Infinity): void {
  if (value !== null && !list.includes(value) && list.length < limit) list.push(value);
}

/** Links each citation of the group to an archived node, or to a placeholder, and offers near misses. */
function resolveGroup(group: Group, nodes: Map<string, GraphNode>, candidates: CandidateLink[]): void {
  const ambiguous = new Map<string, Set<string>>();
  // Citations that state their scope first: a dateless one may then lean on them.
  const ordered = [...group.cited.filter((c) => c.key.scope !== null), ...group.cited.filter((c) => c.key.scope === null)];
  const placeholderDates = datesByPlaceholder(group);
  // A document cited thousands of times must not cost thousands of scans of its group: index by base.
  const archivedByBase = new Map<string, Archived[]>();
  for (const archived of group.archived) {
    const list = archivedByBase.get(archived.key.base);
    if (list === undefined) archivedByBase.set(archived.key.base, [archived]);
    else list.push(archived);
  }
  const scopedByBase = new Map<string, Map<string, { target: string; issuer: string | null }>>();
  for (const cited of ordered) {
    const fitting = [...new Set((archivedByBase.get(cited.key.base) ?? []).filter((a) => fits(cited.key, cited.fact.date, a)).map((a) => a.nodeId))];
    const resolved = ((): boolean => {
      if (fitting.length === 1) {
        cited.target = fitting[0]!;
        const exactScope = cited.key.scope !== null && nodes.get(cited.target)!.scope !== null;
        cited.match = exactScope ? "exact" : "scope-assumed";
        return true;
      }
      if (cited.key.scope !== null || fitting.length > 0) return false;
      // No date, nothing archived fits: lean on the one node that dated citations of this number reach.
      const scoped = [...(scopedByBase.get(cited.key.base)?.values() ?? [])].filter((o) => issuersCompatible(o.issuer, cited.key.issuer));
      const targets = new Set(scoped.map((o) => o.target));
      if (targets.size !== 1) return false;
      cited.target = scoped[0]!.target;
      cited.match = "scope-assumed";
      return true;
    })();
    if (!resolved) {
      cited.target = placeholderId(cited, nodes, placeholderDates);
      cited.match = fitting.length > 1 ? "ambiguous" : "placeholder";
      if (fitting.length > 1) ambiguous.set(cited.target, new Set([...(ambiguous.get(cited.target) ?? []), ...fitting]));
      addPlaceholder(cited, nodes);
    }
    if (cited.key.scope !== null) {
      const seen = scopedByBase.get(cited.key.base) ?? new Map<string, { target: string; issuer: string | null }>();
      seen.set(`${cited.target}#${cited.key.issuer}`, { target: cited.target!, issuer: cited.key.issuer });
      scopedByBase.set(cited.key.base, seen);
    }
  }
  for (const [from, targets] of ambiguous) {
    for (const to of [...targets].sort(byString)) {
      candidates.push({ from, to, score: round(1 / targets.size), reasons: [`${targets.size} archived documents fit the citation; it does not say which`] });
    }
  }
  offerNearMisses(group, nodes, candidates);
}

/** Per placeholder key, the full dates its citations state: two dates are two documents. */
function datesByPlaceholder(group: Group): Map<string, Set<string>> {
  const dates = new Map<string, Set<string>>();
  for (const cited of group.cited) {
    if (cited.fact.date === null || cited.fact.date.length < 10) continue;
    const set = dates.get(cited.key.node) ?? new Set<string>();
    set.add(cited.fact.date);
    dates.set(cited.key.node, set);
  }
  return dates;
}

/**
 * A placeholder takes the citation's key, which the document will have when it arrives, so it is
 * upgraded in place. The date is added only when the key is taken by an archived document the
 * citation does not fit, or when citations of that key disagree on the date.
 */
function placeholderId(cited: Cited, nodes: Map<string, GraphNode>, dates: Map<string, Set<string>>): string {
  const node = cited.key.node;
  const taken = nodes.get(node)?.status === "archived";
  const disputed = (dates.get(node)?.size ?? 0) > 1;
  return taken || disputed ? `${node}~${cited.fact.date ?? "undated"}` : node;
}

function addPlaceholder(cited: Cited, nodes: Map<string, GraphNode>): void {
  const id = cited.target!;
  const existing = nodes.get(id);
  if (existing !== undefined) {
    addUnique(existing.dates, cited.fact.date);
    addUnique(existing.issuers, cited.fact.issuer);
    addUnique(existing.raw, cited.fact.raw, 3);
    return;
  }
  const { key, fact } = cited;
  nodes.set(id, newNode(id, "placeholder", key, { name: fact.name, date: fact.date, issuer: fact.issuer, document: null }));
}

const round = (score: number): number => Math.round(score * 100) / 100;

/**
 * Near misses: every pair of nodes in the group with a placeholder among them. The link points
 * from the node more likely misread — the placeholder whose issuer does not fit its own issuer
 * code ("20-CT/TU … của Bộ Chính trị"), else the less cited one — to the other.
 */
function offerNearMisses(group: Group, nodes: Map<string, GraphNode>, candidates: CandidateLink[]): void {
  const codeOf = new Map<string, string | null>();
  const citations = new Map<string, number>();
  for (const a of group.archived) codeOf.set(a.nodeId, a.key.issuerCode);
  for (const c of group.cited) {
    codeOf.set(c.target!, c.key.issuerCode);
    citations.set(c.target!, (citations.get(c.target!) ?? 0) + 1);
  }
  const members = [...codeOf.keys()].sort(byString).map((id) => nodes.get(id)!);
  const offered = new Set(candidates.map((c) => `${c.from}\u0000${c.to}`));
  const misfit = (node: GraphNode): number => (node.issuers.some((name) => !codeIssuer(codeOf.get(node.id) ?? null).every((c) => issuersCompatible(issuerSlug(name), c.slug))) ? 1 : 0);
  const weight = (node: GraphNode): number => citations.get(node.id) ?? 0;
  members.forEach((a, i) => {
    for (const b of members.slice(i + 1)) {
      if (a.status === "archived" && b.status === "archived") continue;
      const aFirst = b.status === "archived" ? 1 : a.status === "archived" ? -1 : misfit(a) - misfit(b) || weight(b) - weight(a) || 1;
      const [from, to] = aFirst > 0 ? [a, b] : [b, a];
      if (offered.has(`${from.id}\u0000${to.id}`) || offered.has(`${to.id}\u0000${from.id}`)) continue;
      const miss = nearMiss(from, to, codeOf.get(from.id) ?? null, codeOf.get(to.id) ?? null);
      if (miss !== null) candidates.push({ from: from.id, to: to.id, ...miss });
    }
  });
}

const oneDigitApart = (a: string, b: string): boolean => a.length === b.length && [...a].filter((ch, i) => ch !== b[i]).length === 1;

/** Why two nodes of one group may be one document, scored; null when they are plainly two. */
export function nearMiss(from: GraphNode, to: GraphNode, fromCode: string | null, toCode: string | null): { score: number; reasons: string[] } | null {
  let score = 0.2;
  const reasons = [`same type and serial (${from.number ?? from.id} / ${to.number ?? to.id})`];
  if (fromCode === toCode) score += 0.3;
  else {
    reasons.push(`issuer code ${fromCode ?? "none"} ≠ ${toCode ?? "none"}`);
    // "20-CT/TU … của Bộ Chính trị": the body named cannot have issued under that code, so the code is suspect.
    const ownCode = codeIssuer(fromCode)[0];
    const misfit = ownCode === undefined ? undefined : from.issuers.find((name) => !issuersCompatible(issuerSlug(name), ownCode.slug));
    if (misfit !== undefined) {
      score += 0.1;
      reasons.push(`${misfit} does not issue under /${fromCode}`);
    }
  }
  const toIssuers = [...to.issuers.map((name) => ({ name, slug: issuerSlug(name) })), ...codeIssuer(toCode)];
  for (const name of from.issuers) {
    if (toIssuers.length === 0) break;
    const fitting = toIssuers.find((t) => issuersCompatible(issuerSlug(name), t.slug));
    if (fitting !== undefined) {
      score += 0.2;
      reasons.push(`cited as issued by ${name}, which fits ${fitting.name}`);
    } else {
      score -= 0.2;
      reasons.push(`issuer ${name} ≠ ${toIssuers.map((t) => t.name).join(", ")}`);
    }
    break;
  }
  const fullDates = (node: GraphNode): string[] => node.dates.filter((d) => d.length === 10);
  const pairs = fullDates(from).flatMap((a) => fullDates(to).map((b) => [a, b] as const));
  if (pairs.some(([a, b]) => a === b)) score += 0.3;
  else {
    const typo = pairs.find(([a, b]) => oneDigitApart(a, b));
    if (typo !== undefined) {
      score += 0.15;
      reasons.push(`date ${typo[0]} ≠ ${typo[1]}, one digit apart`);
    } else if (pairs.length > 0) {
      const [a, b] = pairs[0]!;
      score += a.slice(0, 4) === b.slice(0, 4) ? 0 : -0.15;
      reasons.push(`date ${a} ≠ ${b}`);
    }
  }
  if (from.scope !== null && to.scope !== null && scopeKind(from.scope) === scopeKind(to.scope)) {
    if (from.scope === to.scope) score += 0.1;
    else {
      score -= 0.2;
      reasons.push(`scope ${from.scope} ≠ ${to.scope}`);
    }
  } else if (from.scope === null) reasons.push("the citation states no date, so its scope is unknown");
  if (score < CANDIDATE_THRESHOLD) return null;
  return { score: round(Math.min(score, MAX_CANDIDATE_SCORE)), reasons };
}

const scopeKind = (scope: string): string => scope.replace(/[^a-z]+$/i, "").replace(/-.*/, "") || "year";

function codeIssuer(code: string | null): { name: string; slug: string | null }[] {
  const slug = issuerCodeSlug(code);
  return slug === null || code === null ? [] : [{ name: `/${code}`, slug }];
}

