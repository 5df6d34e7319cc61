import { fold } from "../text/fold.js";
import { findNumbers, normaliseNumber } from "../text/numbers.js";
import { DOCUMENT_TYPES } from "../vocabulary/document-types.js";
import type { CandidateLink, GraphEdge, GraphNode } from "./derive.js";
import type { ReferenceGraph } from "./graph.js";

/**
 * Queries over the reference graph. `<doc>` is what a person types: a node id, a document id,
 * a number (20-CT/TW), a type and serial (Chỉ thị 20) or a name (Luật Trẻ em). Every query takes
 * a node id; `findNodes` turns what was typed into the ids it may mean, and more than one is an
 * ambiguity for the caller to show, never to guess.
 */

const TYPE_WORDS = DOCUMENT_TYPES.filter((t) => t.code !== "KHAC")
  .flatMap((t) => [t.name, ...(t.aliases ?? [])].map((name) => ({ folded: fold(name), code: t.code })))
  .sort((a, b) => b.folded.length - a.folded.length);

export function findNodes(graph: ReferenceGraph, typed: string): GraphNode[] {
  const text = typed.trim().normalize("NFC");
  const direct = graph.node(text) ?? graph.node(graph.nodeOfDocument(text) ?? "");
  if (direct !== undefined) return [direct];
  const folded = fold(text);
  const typeWord = TYPE_WORDS.find((t) => folded.startsWith(t.folded) && !/\p{L}/u.test(folded.charAt(t.folded.length)));
  const ids = new Set<string>();
  const number = findNumbers(text)[0];
  if (number !== undefined) {
    for (const id of graph.withNumber(normaliseNumber(number.number).toUpperCase())) ids.add(id);
  } else if (typeWord !== undefined) {
    const serial = /^\s*(?:số\s*)?(\d{1,5})\s*$/u.exec(text.slice(typeWord.folded.length))?.[1];
    if (serial !== undefined) for (const id of graph.withTypeSerial(typeWord.code, serial.replace(/^0+(?=\d)/, ""))) ids.add(id);
  }
  if (ids.size === 0) {
    for (const node of graph.nodes.values()) if (node.name !== null && fold(node.name) === folded) ids.add(node.id);
  }
  return [...ids].sort().map((id) => graph.node(id)!);
}

export interface Step {
  node: GraphNode;
  depth: number;
  via: GraphEdge;
}

/** Breadth-first along citations: up follows what a document cites, down what cites it. */
export function chain(graph: ReferenceGraph, from: string, direction: "up" | "down", maxDepth: number): Step[] {
  const steps: Step[] = [];
  const seen = new Set([from]);
  let frontier = [from];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const edge of direction === "up" ? graph.cites(id) : graph.citedBy(id)) {
        const other = direction === "up" ? edge.target : edge.source;
        if (seen.has(other)) continue;
        seen.add(other);
        next.push(other);
        steps.push({ node: graph.node(other)!, depth, via: edge });
      }
    }
    frontier = next;
  }
  return steps;
}

export interface PathStep {
  node: GraphNode;
  /** How this node is reached from the previous one: it is cited by it, or it cites it. */
  direction: "cites" | "cited-by";
  edge: GraphEdge;
}

/** The shortest connection from a to b, following citations either way; null when none. */
export function path(graph: ReferenceGraph, a: string, b: string): PathStep[] | null {
  const previous = new Map<string, { from: string; step: PathStep } | null>([[a, null]]);
  let frontier = [a];
  while (frontier.length > 0 && !previous.has(b)) {
    const next: string[] = [];
    for (const id of frontier) {
      const moves: [string, PathStep["direction"], GraphEdge][] = [
        ...graph.cites(id).map((e): [string, PathStep["direction"], GraphEdge] => [e.target, "cites", e]),
        ...graph.citedBy(id).map((e): [string, PathStep["direction"], GraphEdge] => [e.source, "cited-by", e]),
      ];
      for (const [other, direction, edge] of moves) {
        if (previous.has(other)) continue;
        previous.set(other, { from: id, step: { node: graph.node(other)!, direction, edge } });
        next.push(other);
      }
    }
    frontier = next;
  }
  if (!previous.has(b)) return null;
  const steps: PathStep[] = [];
  for (let at = previous.get(b); at; at = previous.get(at.from)) steps.unshift(at.step);
  return steps;
}

export interface Ranked {
  node: GraphNode;
  citingDocuments: number;
  candidates: readonly CandidateLink[];
}

function ranked(graph: ReferenceGraph, nodes: Iterable<GraphNode>, limit: number): Ranked[] {
  return [...nodes]
    .map((node) => ({ node, citingDocuments: graph.citingDocuments(node.id), candidates: graph.candidates(node.id) }))
    .filter((r) => r.citingDocuments > 0)
    .sort((x, y) => y.citingDocuments - x.citingDocuments || (x.node.id < y.node.id ? -1 : 1))
    .slice(0, limit);
}

/** Cited but not archived, most cited first: the acquisition list. */
export function missing(graph: ReferenceGraph, limit = Infinity): Ranked[] {
  return ranked(graph, [...graph.nodes.values()].filter((n) => n.status === "placeholder"), limit);
}

/** Most cited, archived or not. */
export function top(graph: ReferenceGraph, limit = 20): Ranked[] {
  return ranked(graph, graph.nodes.values(), limit);
}
